// Settings for automatic backups: how often, how many to keep, "Back up now", and the latest outcome.
import { useEffect, useState } from 'preact/hooks';
import type { BackupFrequency } from '../../core/backup/backup-plan';
import { MAX_KEEP, MIN_KEEP } from '../../core/backup/backup-plan';
import { sendRequest } from '../../messaging/client';
import type { BackupStatus } from '../../messaging/protocol';
import { browser } from '../../platform/browser';

const FREQUENCIES: { value: BackupFrequency; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Every week' },
  { value: 'monthly', label: 'Every month' },
];

const when = (time: number) => new Date(time).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Asks for the downloads permission. It must be the first thing a click does: Firefox only shows the
 * prompt during the user's gesture, and an earlier await would end it.
 */
const requestDownloads = () => browser.permissions.request({ permissions: ['downloads'] });

export function Backups() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const show = (result: Awaited<ReturnType<typeof sendRequest<'getBackupStatus'>>>) =>
    result.ok ? (setStatus(result.value), setError('')) : setError(result.error);

  useEffect(() => {
    void sendRequest('getBackupStatus', {}).then(show);
  }, []);

  if (!status) return <p role="status">{error || 'Loading backups…'}</p>;
  const { settings } = status;

  const change = async (frequency: BackupFrequency, keep: number, allow: Promise<boolean> | null) => {
    if (allow) await allow;
    show(await sendRequest('setBackupSettings', { frequency, keep }));
  };

  const backUpNow = async (allow: Promise<boolean> | null) => {
    if (allow && !(await allow)) return setError('Backups need permission to save files; the browser did not give it.');
    setBusy(true);
    show(await sendRequest('runBackup', {}));
    setBusy(false);
  };

  return (
    <>
      <h2>Backups</h2>
      <label>
        Back up automatically{' '}
        <select
          value={settings.frequency}
          onChange={(event) => {
            const frequency = event.currentTarget.value as BackupFrequency;
            void change(frequency, settings.keep, frequency !== 'off' && !status.permitted ? requestDownloads() : null);
          }}
        >
          {FREQUENCIES.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Keep the last{' '}
        <input
          type="number"
          min={MIN_KEEP}
          max={MAX_KEEP}
          value={settings.keep}
          onChange={(event) => {
            const keep = Math.round(Number(event.currentTarget.value));
            if (keep >= MIN_KEEP && keep <= MAX_KEEP) void change(settings.frequency, keep, null);
          }}
        />{' '}
        backups
      </label>
      {settings.frequency !== 'off' && !status.permitted && (
        <p>
          To save backups, Crisscross needs your permission to save files in your downloads folder.{' '}
          <button type="button" onClick={() => void change(settings.frequency, settings.keep, requestDownloads())}>
            Allow saving backups
          </button>
        </p>
      )}
      <p>
        <button type="button" class="primary" disabled={busy} onClick={() => void backUpNow(status.permitted ? null : requestDownloads())}>
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </p>
      <p role="status" class={status.last && !status.last.ok ? 'status-error' : ''}>
        {status.last ? `Last backup ${when(status.last.at)}: ${status.last.message}` : 'No backup has been made yet.'}
        {status.nextAt ? ` Next backup ${when(status.nextAt)}.` : ''}
      </p>
      {error && (
        <p role="alert" class="status-error">
          {error}
        </p>
      )}
      <p class="hint">
        Each backup is a complete Crisscross JSON export in the Crisscross folder of your downloads folder; older ones beyond the number you
        keep are deleted. To restore one, import it under Export and import above: nothing you have is overwritten.
      </p>
    </>
  );
}
