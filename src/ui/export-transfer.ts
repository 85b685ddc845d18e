// The page's side of a long export: starts the job, fetches its chunks, shows progress, and puts the
// file together as a Blob (never one giant string), which the browser can keep on disk when it is big.
import { fromBase64 } from '../core/base64';
import { sendRequest } from '../messaging/client';
import type { ExportFormat, ExportProgress, ExportScope } from '../messaging/protocol';
import type { Result } from '../messaging/result';

export interface ExportedBlob {
  fileName: string;
  blob: Blob;
}

/** The words beside the progress bar. */
export function exportProgressText({ phase, done, total }: ExportProgress): string {
  if (phase === 'reading') return 'Preparing the export…';
  if (phase === 'transferring') return 'Saving the file…';
  return `Exporting ${done.toLocaleString('en')} of ${total.toLocaleString('en')} ${total === 1 ? 'item' : 'items'}…`;
}

/**
 * Runs an export to its end: the file as a Blob, 'cancelled' when `signal` aborted it (the worker's
 * job is cancelled too), or the error in words.
 */
export async function fetchExport(
  request: { format: ExportFormat; scope?: ExportScope },
  onProgress: (progress: ExportProgress) => void,
  signal?: AbortSignal,
): Promise<Result<ExportedBlob | 'cancelled'>> {
  const started = await sendRequest('startExport', request);
  if (!started.ok) return started;
  const { jobId } = started.value;
  let parts: BlobPart[] = [];
  for (;;) {
    if (signal?.aborted) {
      await sendRequest('cancelExport', { jobId });
      return { ok: true, value: 'cancelled' };
    }
    const next = await sendRequest('nextExportPart', { jobId });
    if (!next.ok) return next;
    const { progress, part, restarted, file } = next.value;
    // The library changed while it was read: the worker started again, and what came so far is void.
    if (restarted) parts = [];
    if (part) parts.push('text' in part ? part.text : fromBase64(part.base64));
    onProgress(progress);
    if (file) return { ok: true, value: { fileName: file.fileName, blob: new Blob(parts, { type: file.mimeType }) } };
  }
}
