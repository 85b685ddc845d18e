// Runs an export from a page: progress while it runs, Cancel, the download, and the outcome in words.
import { useRef, useState } from 'preact/hooks';
import type { ExportFormat, ExportScope } from '../messaging/protocol';
import { downloadBlob } from './download';
import { exportProgressText, fetchExport } from './export-transfer';
import type { TransferState } from './TransferProgress';

export interface ExportMessage {
  text: string;
  error: boolean;
}

export function useExport() {
  const [progress, setProgress] = useState<TransferState | null>(null);
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const controller = useRef<AbortController | null>(null);

  const run = async (request: { format: ExportFormat; scope?: ExportScope }) => {
    controller.current = new AbortController();
    setMessage(null);
    setProgress({ text: 'Preparing the export…', value: null, max: 1 });
    const started = performance.now();
    const result = await fetchExport(
      request,
      (now) => setProgress({ text: exportProgressText(now), value: now.phase === 'reading' ? null : now.done, max: now.total }),
      controller.current.signal,
    );
    controller.current = null;
    setProgress(null);
    if (!result.ok) return setMessage({ text: `Export failed: ${result.error}`, error: true });
    if (result.value === 'cancelled') return setMessage({ text: 'Export cancelled. No file was saved.', error: false });
    downloadBlob(result.value.blob, result.value.fileName);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    setMessage({ text: `Exported ${result.value.fileName} (${seconds} s).`, error: false });
  };

  return { busy: progress !== null, progress, message, run, cancel: () => controller.current?.abort() };
}
