// Export everything in the format other tools read, and import files back, with a report.
import { useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { ExportFormat } from '../../messaging/protocol';
import { download } from '../../ui/download';
import { saveSettings, type Settings } from '../../ui/settings';

export const EXPORT_FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'json', label: 'Crisscross JSON (complete, imports back)' },
  { value: 'markdown', label: 'Markdown files, zipped (Obsidian, Logseq)' },
  { value: 'html', label: 'One HTML page' },
  { value: 'annotations', label: 'W3C Web Annotations (highlights)' },
  { value: 'csv', label: 'CSV of highlights (spreadsheets)' },
  { value: 'bookmarks', label: 'Bookmarks file (browsers)' },
];

/** Largest file read: the importers refuse more anyway, and reading it would hold it all in memory. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export function ExportImport({ settings, onChange }: { settings: Settings; onChange: (settings: Settings) => void }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const runExport = async () => {
    setBusy(true);
    setMessage({ text: 'Preparing the export…', error: false });
    const result = await sendRequest('exportLibrary', { format: settings.exportFormat });
    setBusy(false);
    if (!result.ok) return setMessage({ text: `Export failed: ${result.error}`, error: true });
    await download(result.value);
    setMessage({ text: `Exported ${result.value.fileName}.`, error: false });
  };

  const runImport = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES)
      return setMessage({ text: `${file.name} is larger than 200 MB, so it was not imported. Nothing was changed.`, error: true });
    setBusy(true);
    setMessage({ text: `Importing ${file.name}…`, error: false });
    const result = await sendRequest('importLibrary', { fileName: file.name, text: await file.text() });
    setBusy(false);
    setMessage(
      result.ok ? { text: [result.value.summary, ...result.value.warnings].join(' '), error: false } : { text: result.error, error: true },
    );
  };

  return (
    <>
      <h2>Export and import</h2>
      <label>
        Format{' '}
        <select
          value={settings.exportFormat}
          onChange={async (event) => onChange(await saveSettings({ exportFormat: event.currentTarget.value as ExportFormat }))}
        >
          {EXPORT_FORMATS.map((format) => (
            <option key={format.value} value={format.value}>
              {format.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" class="primary" disabled={busy} onClick={() => void runExport()}>
        Export everything
      </button>
      <p>
        <label>
          Import a file (Crisscross JSON, a bookmarks file or W3C Web Annotations):{' '}
          <input
            type="file"
            accept=".json,.jsonld,.html,.htm,application/json"
            disabled={busy}
            onChange={(event) => void runImport(event.currentTarget.files?.[0])}
          />
        </label>
      </p>
      <p class="hint">
        An import adds what is new and merges what you already have; it never overwrites your notes. A file with a problem changes nothing.
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'status-error' : ''}>
          {message.text}
        </p>
      )}
    </>
  );
}
