// Export of a part of the library (a collection, a tag, a search result, a selection) in any format.
import { useEffect, useState } from 'preact/hooks';
import type { ExportFormat, ExportScope } from '../../messaging/protocol';
import { loadSettings } from '../../ui/settings';
import { TransferProgress } from '../../ui/TransferProgress';
import { useExport } from '../../ui/use-export';
import { EXPORT_FORMATS } from './ExportImport';

type Props = {
  scope: ExportScope;
  /** The button's words, e.g. "Export collection". */
  action: string;
  /** How many items the export holds, when known beforehand (none: nothing to export). */
  count?: number;
};

export function ExportScoped({ scope, action, count }: Props) {
  const [format, setFormat] = useState<ExportFormat>('json');
  // Starts at the default format chosen in settings.
  useEffect(() => void loadSettings().then((settings) => setFormat(settings.exportFormat)), []);
  const exporter = useExport();

  return (
    <div class="export-scoped" aria-busy={exporter.busy}>
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
      <button type="button" disabled={exporter.busy || count === 0} onClick={() => void exporter.run({ format, scope })}>
        {action}
      </button>
      {exporter.progress && <TransferProgress label="Export progress" state={exporter.progress} onCancel={exporter.cancel} />}
      <span role={exporter.message?.error ? 'alert' : 'status'} class={exporter.message?.error ? 'status-error' : 'muted'}>
        {exporter.message?.text ?? ''}
      </span>
    </div>
  );
}
