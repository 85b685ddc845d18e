// The page's side of an import: reads the chosen file in slices and sends its text in parts, then
// asks the worker to import it, reporting what is happening all along.
import { MAX_IMPORT_CHARS } from '../core/export/json-text';
import { IMPORT_PART_BYTES } from '../core/export/transfer-chunks';
import { sendRequest } from '../messaging/client';
import type { ImportPhase, ImportReportView } from '../messaging/protocol';
import type { Result } from '../messaging/result';

/** Largest file the page sends: the worker's limit (bytes here, characters there; a file never has fewer bytes). */
export const MAX_IMPORT_BYTES = MAX_IMPORT_CHARS;

export interface ImportProgress {
  phase: ImportPhase;
  /** Bytes sent, of the file's size (while receiving). */
  sent: number;
  size: number;
}

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** The words beside the progress bar. */
export function importProgressText(fileName: string, { phase, sent, size }: ImportProgress): string {
  if (phase === 'receiving') return `Reading ${fileName}: ${mb(sent)} of ${mb(size)}…`;
  if (phase === 'checking') return `Checking ${fileName}…`;
  return `Adding what ${fileName} holds to your library…`;
}

/**
 * The text of a file in parts of at most `bytesPerPart` bytes each. A slice may end inside a
 * character of several UTF-8 bytes; the streaming decoder keeps those bytes for the next part.
 */
export async function* fileTextParts(file: Blob, bytesPerPart: number = IMPORT_PART_BYTES): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < file.size; start += bytesPerPart) {
    const bytes = new Uint8Array(await file.slice(start, start + bytesPerPart).arrayBuffer());
    yield decoder.decode(bytes, { stream: start + bytesPerPart < file.size });
  }
}

/** Sends a file to the worker in parts and imports it: the report, 'cancelled', or the error in words. */
export async function sendImport(
  file: File,
  onProgress: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<Result<ImportReportView | 'cancelled'>> {
  if (file.size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `${file.name} is larger than ${mb(MAX_IMPORT_BYTES)}, so it was not imported. Nothing was changed.`,
      code: 'invalid-request',
    };
  }
  const started = await sendRequest('startImport', { fileName: file.name, size: file.size });
  if (!started.ok) return started;
  const { jobId } = started.value;
  let index = 0;
  let sent = 0;
  onProgress({ phase: 'receiving', sent, size: file.size });
  for await (const text of fileTextParts(file)) {
    if (signal?.aborted) {
      await sendRequest('cancelImport', { jobId });
      return { ok: true, value: 'cancelled' };
    }
    const received = await sendRequest('sendImportPart', { jobId, index: index++, text });
    if (!received.ok) return received;
    sent = Math.min(file.size, sent + IMPORT_PART_BYTES);
    onProgress({ phase: 'receiving', sent, size: file.size });
  }
  onProgress({ phase: 'checking', sent, size: file.size });
  // While the worker checks and writes, ask now and then which of the two it is doing.
  let finished = false;
  const watch = setInterval(async () => {
    const now = await sendRequest('getImportPhase', { jobId });
    if (now.ok && !finished) onProgress({ phase: now.value.phase, sent, size: file.size });
  }, 300);
  try {
    return await sendRequest('finishImport', { jobId });
  } finally {
    finished = true;
    clearInterval(watch);
  }
}
