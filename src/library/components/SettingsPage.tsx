// Settings: theme, images in the reader, keyboard shortcuts, and storage (used, quota, persistence).
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../platform/browser';
import { saveSettings, type Settings, type Theme } from '../../ui/settings';
import { Backups } from './Backups';
import { ExportImport } from './ExportImport';

const megabytes = (bytes: number | undefined) =>
  bytes === undefined ? '?' : `${(bytes / 1_048_576).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

export function SettingsPage({ settings, onChange }: { settings: Settings; onChange: (settings: Settings) => void }) {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [commands, setCommands] = useState<{ name?: string; description?: string; shortcut?: string }[]>([]);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void navigator.storage.estimate().then(setEstimate);
    void navigator.storage.persisted().then(setPersisted);
    void browser.commands.getAll().then(setCommands);
  }, []);

  const update = async (changes: Partial<Settings>) => onChange(await saveSettings(changes));
  const persist = async () => {
    const granted = await navigator.storage.persist();
    setPersisted(granted);
    setMessage(
      granted
        ? 'Your library is now kept even when the disk runs low.'
        : 'The browser did not grant it this time; it may once you use Crisscross more.',
    );
  };

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading" tabIndex={-1}>
        Settings
      </h1>
      <fieldset>
        <legend>Theme</legend>
        {(['system', 'light', 'dark'] as Theme[]).map((theme) => (
          <label key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.theme === theme} onChange={() => void update({ theme })} />{' '}
            {theme === 'system' ? 'Same as the system' : theme === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Reader</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.loadImages}
            onChange={(event) => void update({ loadImages: event.currentTarget.checked })}
          />{' '}
          Show images in clipped articles
        </label>
        <p class="hint">Images load from the web sites they came from, so those sites see that you read the clip. Off by default.</p>
      </fieldset>
      <ExportImport settings={settings} onChange={onChange} />
      <Backups />
      <h2>Keyboard shortcuts</h2>
      <table class="shortcuts">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Shortcut</th>
          </tr>
        </thead>
        <tbody>
          {commands.map((command) => (
            <tr key={command.name}>
              <td>{command.name === '_execute_action' ? 'Open the Crisscross popup' : command.description}</td>
              <td>{command.shortcut || 'not set'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        Change them in your browser’s extension shortcut settings (chrome://extensions/shortcuts, or Manage Extension Shortcuts in Firefox’s
        add-ons page).
      </p>
      <p class="hint">
        On a page with text selected, <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd> moves to the highlight toolbar (arrows between its
        buttons, <kbd>Escape</kbd> back to the page).
      </p>
      <h2>Storage</h2>
      <p>
        Crisscross uses {megabytes(estimate?.usage)} of the {megabytes(estimate?.quota)} this browser allows it.
      </p>
      <p>
        {persisted
          ? 'Your library is stored persistently: the browser will not clear it to free space.'
          : 'When the disk runs low, a browser may clear data of sites and extensions it thinks unimportant. Ask it to keep your library:'}
      </p>
      {!persisted && (
        <button type="button" class="primary" onClick={() => void persist()}>
          Keep my library when space runs low
        </button>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
