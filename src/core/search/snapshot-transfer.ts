// A search snapshot cut into parts small enough for one runtime message, and checked to arrive in order.
// The search host (an offscreen document in Chromium) builds snapshots; the worker, the only writer of
// the database, stores each part as it arrives. The full tier is 86 MB at 100k items (the quick tier 30):
// too big for one message, and too big to hold as one string on either side.
import { yieldToEvents, type Pause } from '../time-slices';
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

/** How a snapshot is cut: characters per part, and the pauses between slices of making them. */
export interface SplitOptions {
  maxChars: number;
  /** Awaited between slices of work (default: a zero-delay timer). */
  pause?: Pause;
  /** Work between pauses, in milliseconds (default 8). */
  sliceMs?: number;
}

/**
 * Cuts a snapshot into parts of at most `maxChars` characters, made as they are read, each tier cut
 * anywhere (the loaders join a tier's parts again). Its pieces are made a few milliseconds of work at a
 * time, with `pause` awaited in between: on the thread that also answers searches (and, in Chromium,
 * draws the popup), a save must not hold it while a large tier's JSON is made (hundreds of milliseconds).
 */
export async function* splitSnapshot(snapshot: SearchSnapshot, transfer: string, options: SplitOptions): AsyncGenerator<SnapshotPart> {
  if (!(options.maxChars >= 1)) throw new RangeError('maxChars must be at least 1');
  const { version, watermark } = snapshot;
  let seq = 0;
  const part = (tier: 'quick' | 'full', text: string, last: boolean): SnapshotPart => ({
    transfer,
    seq: seq++,
    version,
    watermark,
    tier,
    text,
    last,
  });
  for await (const text of textParts(snapshot.quick, options)) yield part('quick', text, false);
  // One part held back, to mark the last one.
  let held: string | null = null;
  for await (const text of textParts(snapshot.full, options)) {
    if (held !== null) yield part('full', held, false);
    held = text;
  }
  yield part('full', held ?? '', true);
}

/** Text given in pieces, as parts of `maxChars` (see cutText), pausing once `sliceMs` of work have passed since the last pause. */
async function* textParts(
  pieces: Iterable<string>,
  { maxChars, pause = yieldToEvents, sliceMs = 8 }: SplitOptions,
): AsyncGenerator<string> {
  let sliceStart = performance.now();
  for (const part of cutText(pieces, maxChars)) {
    if (part !== null) {
      yield part;
    } else if (performance.now() - sliceStart < sliceMs) {
      continue;
    } else {
      await pause();
    }
    sliceStart = performance.now();
  }
}

/**
 * Text given in pieces, cut into parts of exactly `maxChars` (the last one shorter): at least one part,
 * even of nothing. Yields null after each piece is taken, where a caller whose pieces are made as they
 * are read may pause; the parts are the strings.
 */
export function* cutText(pieces: Iterable<string>, maxChars: number): Generator<string | null> {
  let held = '';
  let cut = 0;
  for (const piece of pieces) {
    held += piece;
    for (; held.length >= maxChars; cut++) {
      yield held.slice(0, maxChars);
      held = held.slice(maxChars);
    }
    yield null;
  }
  if (held !== '' || cut === 0) yield held;
}

/** Where a part goes: its place in its tier, and on the last part how many parts each tier has. */
export interface PlacedPart {
  index: number;
  complete: { quick: number; full: number } | null;
}

/**
 * Checks that parts arrive in order and places each in its tier. A part out of order (a lost part, or a
 * worker that restarted mid-transfer and forgot the start) drops the transfer: the sender is told and
 * tries again later, the snapshot being a cache.
 */
export function createPartSequencer() {
  let current: { transfer: string; next: number; watermark: number; counts: { quick: number; full: number } } | null = null;
  return {
    /** Places a part; throws when it is out of order. */
    add(part: SnapshotPart): PlacedPart {
      if (part.seq === 0) current = { transfer: part.transfer, next: 0, watermark: part.watermark, counts: { quick: 0, full: 0 } };
      const inOrder =
        current !== null &&
        current.transfer === part.transfer &&
        current.next === part.seq &&
        current.watermark === part.watermark &&
        // The quick tier comes first, and the transfer ends with the full tier.
        (part.tier === 'full' || current.counts.full === 0) &&
        (!part.last || part.tier === 'full');
      if (!inOrder || !current) {
        current = null;
        throw new Error(`snapshot part ${part.seq} of ${part.transfer} arrived out of order`);
      }
      const index = current.counts[part.tier]++;
      current.next++;
      if (!part.last) return { index, complete: null };
      const complete = current.counts;
      current = null;
      return { index, complete };
    },
  };
}
