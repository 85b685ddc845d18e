// A search snapshot cut into parts small enough for one runtime message, and put back together in order.
// The search host (an offscreen document in Chromium) builds snapshots; the worker, the only writer of
// the database, stores them. The full tier is 25 MB at 10k items and 273 MB at 100k: too big for one message.
import type { SearchSnapshot } from './snapshot';

/** One piece of a snapshot. Parts go in order, quick tier first; `last` marks the final one. */
export interface SnapshotPart {
  /** Names one snapshot's transfer; a part of another transfer starts over. */
  transfer: string;
  seq: number;
  version: number;
  watermark: number;
  tier: 'quick' | 'full';
  text: string;
  last: boolean;
}

/** Cuts a snapshot into parts of at most `maxChars` characters (an empty tier is still one part). */
export function* splitSnapshot(snapshot: SearchSnapshot, transfer: string, maxChars: number): Generator<SnapshotPart> {
  if (!(maxChars >= 1)) throw new RangeError('maxChars must be at least 1');
  const { version, watermark } = snapshot;
  let seq = 0;
  for (const tier of ['quick', 'full'] as const) {
    const json = snapshot[tier];
    for (let start = 0; start === 0 || start < json.length; start += maxChars) {
      const text = json.slice(start, start + maxChars);
      const last = tier === 'full' && start + maxChars >= json.length;
      yield { transfer, seq: seq++, version, watermark, tier, text, last };
    }
  }
}

/**
 * Collects parts until the last, then hands back the whole snapshot. A part out of order (a lost part,
 * or a worker that restarted mid-transfer and forgot the start) drops the transfer: the sender is told
 * and tries again later, the snapshot being a cache.
 */
export function createSnapshotAssembler() {
  let current: { transfer: string; next: number; version: number; watermark: number; quick: string[]; full: string[] } | null = null;
  return {
    /** Adds a part: the snapshot when it was the last one, null while more are due; throws when out of order. */
    add(part: SnapshotPart): SearchSnapshot | null {
      if (part.seq === 0) {
        current = { transfer: part.transfer, next: 0, version: part.version, watermark: part.watermark, quick: [], full: [] };
      }
      if (!current || current.transfer !== part.transfer || current.next !== part.seq || current.watermark !== part.watermark) {
        current = null;
        throw new Error(`snapshot part ${part.seq} of ${part.transfer} arrived out of order`);
      }
      current[part.tier].push(part.text);
      current.next++;
      if (!part.last) return null;
      const { version, watermark, quick, full } = current;
      current = null;
      return { version, watermark, quick: quick.join(''), full: full.join('') };
    },
  };
}
