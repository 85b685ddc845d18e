// Export everything in the format other tools read, and import files back, with a report.
import { useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../messaging/protocol';
import { importProgressText, sendImport } from '../../ui/import-transfer';
import { saveSettings, type Settings } from '../../ui/settings';
import { TransferProgress, type TransferState } from '../../ui/TransferProgress';
import { useExport } from '../../ui/use-export';

export const EXPORT_FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'json', label: 'Crisscross JSON (complete, imports back)' },
  { value: 'markdown', label: 'Markdown files, zipped (Obsidian, Logseq)' },
  { value: 'html', label: 'One HTML page' },
  { value: 'annotations', label: 'W3C Web Annotations (highlights)' },
  { value: 'csv', label: 'CSV of highlights (spreadsheets)' },
  { value: 'bookmarks', label: 'Bookmarks file (browsers)' },
];

export function ExportImport({ settings, onChange }: { settings: Settings; onChange: (settings: Settings) => void }) {
  const exporter = useExport();
  const [importing, setImporting] = useState<TransferState | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const importControl = useRef<AbortController | null>(null);
  const busy = exporter.busy || importing !== null;

  const runExport = () => {
    setMessage(null);
    void exporter.run({ format: settings.exportFormat });
  };

  const runImport = async (file: File | undefined) => {
    if (!file) return;
    setMessage(null);
    importControl.current = new AbortController();
    // Busy from the first moment, so nothing else starts while the worker opens the import.
    setImporting({ text: importProgressText(file.name, { phase: 'receiving', sent: 0, size: file.size }), value: 0, max: file.size });
    const result = await sendImport(
      file,
      (progress) =>
        setImporting({
          text: importProgressText(file.name, progress),
          value: progress.phase === 'receiving' ? progress.sent : null,
          max: progress.size,
        }),
      importControl.current.signal,
    );
    importControl.current = null;
    setImporting(null);
    if (!result.ok) return setMessage({ text: result.error, error: true });
    if (result.value === 'cancelled') return setMessage({ text: `${file.name} was not imported. Nothing was changed.`, error: false });
    setMessage({ text: [result.value.summary, ...result.value.warnings].join(' '), error: false });
  };

  const shown = message ?? exporter.message;
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
      <button type="button" class="primary" disabled={busy} onClick={runExport}>
        Export everything
      </button>
      {exporter.progress && <TransferProgress label="Export progress" state={exporter.progress} onCancel={exporter.cancel} />}
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
      {importing && (
        <TransferProgress
          label="Import progress"
          state={importing}
          onCancel={importing.value === null ? undefined : () => importControl.current?.abort()}
        />
      )}
      <p class="hint">
        An import adds what is new and merges what you already have; it never overwrites your notes. A file with a problem changes nothing.
      </p>
      {shown && (
        <p role={shown.error ? 'alert' : 'status'} class={shown.error ? 'status-error' : ''}>
          {shown.text}
        </p>
      )}
    </>
  );
}
