// Export of a part of the library (a collection, a tag, a search result, a selection) in any format.
import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { ExportFormat, ExportScope } from '../../messaging/protocol';
import { download } from '../../ui/download';
import { loadSettings } from '../../ui/settings';
import { EXPORT_FORMATS } from './ExportImport';

type Props = {
  scope: ExportScope;
  /** The button's words, e.g. "Export collection". */
  action: string;
  /** How many items the export holds, for the progress text (when known beforehand). */
  count?: number;
};

export function ExportScoped({ scope, action, count }: Props) {
  const [format, setFormat] = useState<ExportFormat>('json');
  // Starts at the default format chosen in settings.
  useEffect(() => void loadSettings().then((settings) => setFormat(settings.exportFormat)), []);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async () => {
    setBusy(true);
    // The worker builds the file; this page stays responsive and says what is happening meanwhile.
    const what = count === undefined ? '' : ` ${count.toLocaleString()} ${count === 1 ? 'item' : 'items'}`;
    setMessage({ text: `Exporting${what}…`, error: false });
    const started = performance.now();
    const result = await sendRequest('exportLibrary', { format, scope });
    if (result.ok) await download(result.value);
    setBusy(false);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    setMessage(
      result.ok
        ? { text: `Exported ${result.value.fileName} (${seconds} s).`, error: false }
        : { text: `Export failed: ${result.error}`, error: true },
    );
  };

  return (
    <div class="export-scoped" aria-busy={busy}>
      <label>
        Export format{' '}
        <select value={format} onChange={(event) => setFormat(event.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMATS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" disabled={busy || count === 0} onClick={() => void run()}>
        {action}
      </button>
      <span role={message?.error ? 'alert' : 'status'} class={message?.error ? 'status-error' : 'muted'}>
        {message?.text ?? ''}
      </span>
    </div>
  );
}
