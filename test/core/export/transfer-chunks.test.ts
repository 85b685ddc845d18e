// Chunks of an export: within the size limit, never splitting a surrogate pair, and put back together exactly.
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../src/core/base64';
import { queuedSize, takeBytes, takeText } from '../../../src/core/export/transfer-chunks';

/** Cuts the queue into chunks of at most `max` and checks each becomes valid UTF-8 on its own. */
function chunksOf(parts: string[], max: number): string[] {
  const queue = [...parts];
  const chunks: string[] = [];
  while (queue.length) chunks.push(takeText(queue, max));
  return chunks;
}

describe('takeText', () => {
  it('joins small parts and cuts big ones, so chunks are full and the text comes back whole', () => {
    const parts = ['ab', 'cdefgh', '', 'i', 'jklmnopqrstuvwxyz'];
    const chunks = chunksOf(parts, 5);
    expect(chunks).toEqual(['abcde', 'fghij', 'klmno', 'pqrst', 'uvwxy', 'z']);
    expect(chunks.join('')).toBe(parts.join(''));
  });

  it('never ends a chunk inside a surrogate pair, so each chunk encodes to UTF-8 without replacement', () => {
    const text = 'a😀b😀😀c𝔘𝔫𝔦😀'.repeat(50);
    for (const max of [1, 2, 3, 4, 7, 64]) {
      const chunks = chunksOf([text], max);
      expect(chunks.join('')).toBe(text);
      const decoded = chunks.map((chunk) => new TextDecoder().decode(new TextEncoder().encode(chunk))).join('');
      expect(decoded).toBe(text);
      for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(Math.max(max, 2));
    }
  });
});

describe('takeBytes and base64', () => {
  it('takes at most max bytes across parts and restores them exactly through base64', () => {
    const parts = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(Array.from({ length: 300 }, (_, i) => i % 256))];
    const queue = [...parts];
    expect(queuedSize(queue)).toBe(303);
    const chunks: Uint8Array[] = [];
    while (queue.length) chunks.push(fromBase64(toBase64(takeBytes(queue, 128))));
    expect(chunks.map((chunk) => chunk.length)).toEqual([128, 128, 47]);
    expect(Buffer.concat(chunks)).toEqual(Buffer.concat(parts));
  });
});
