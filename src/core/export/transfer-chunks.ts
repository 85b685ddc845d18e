// Cuts an export into pieces small enough for one runtime message, and puts them back together.
// Chrome refuses a message above 64 MB and serialises each as JSON, so big files travel in chunks.

/** The most text one chunk carries: 4 Mi UTF-16 code units, at most 24 MB even when every one is escaped. */
export const MAX_CHUNK_CHARS = 4 * 1024 * 1024;
/** The most bytes one binary chunk carries, before base64 makes them a third larger. */
export const MAX_CHUNK_BYTES = 3 * 1024 * 1024;

/**
 * Bytes of a file the page reads per import part. UTF-8 never decodes to more UTF-16 code units than
 * it has bytes, give or take the few bytes of a character cut in two that the decoder carries over
 * from the part before: so a part's text stays within MAX_CHUNK_CHARS, which the worker checks.
 */
export const IMPORT_PART_BYTES = MAX_CHUNK_CHARS - 16;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Takes up to `max` code units of text off the front of `queue` (joining small pieces, cutting a big
 * one), leaving the rest queued. A cut never falls between the two halves of a surrogate pair: each
 * chunk becomes UTF-8 on its own in the page's Blob, and a lone half would turn into U+FFFD there.
 */
export function takeText(queue: string[], max: number = MAX_CHUNK_CHARS): string {
  let out = '';
  while (queue.length && out.length < max) {
    const next = queue[0]!;
    const room = max - out.length;
    if (next.length <= room) {
      out += next;
      queue.shift();
      continue;
    }
    // One unit less when the cut would leave a high surrogate at the end.
    let cut = isHighSurrogate(next.charCodeAt(room - 1)) ? room - 1 : room;
    if (cut === 0) {
      if (out) break;
      // A chunk of one unit cannot hold the pair: it takes both halves rather than none.
      cut = 2;
    }
    out += next.slice(0, cut);
    queue[0] = next.slice(cut);
  }
  return out;
}

/** Takes up to `max` bytes off the front of `queue` as one array, leaving the rest queued. */
export function takeBytes(queue: Uint8Array[], max: number = MAX_CHUNK_BYTES): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (queue.length && size < max) {
    const next = queue[0]!;
    const part = next.length <= max - size ? next : next.subarray(0, max - size);
    if (part === next) queue.shift();
    else queue[0] = next.subarray(part.length);
    parts.push(part);
    size += part.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Queued size of text or bytes, in code units or bytes. */
export function queuedSize(queue: readonly (string | Uint8Array)[]): number {
  let size = 0;
  for (const part of queue) size += part.length;
  return size;
}
