// A search snapshot cut into parts small enough for one message, and checked to arrive in order.
// The search host (an offscreen document in Chromium) builds snapshots; the worker, the only writer of
// the database, stores each part as it arrives. The full tier is 86 MB at 100k items (the quick tier 30):
// too big for one message, and too big to hold as one string on either side.
//
// Parts travel as UTF-8 bytes, not strings. A part's string is a large object in V8, freed only by a full
// garbage collection: 116 MB of them per save at 100k, which the search host's heap held on top of the
// index (at 30k, 140 MB held while saving against 94 with bytes). Bytes are written a piece at a time
// into a buffer that is handed over to the worker, not copied; the worker stores the text.
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
  /** The tier's text from where the previous part ended, as UTF-8: whole characters, so it decodes on its own. */
  bytes: Uint8Array;
  last: boolean;
}

/** How a snapshot is cut: bytes per part, and the pauses between slices of making them. */
export interface SplitOptions {
  /** At least 4, the longest character in UTF-8. */
  maxBytes: number;
  /** Awaited between slices of work (default: a zero-delay timer). */
  pause?: Pause;
  /** Work between pauses, in milliseconds (default 8). */
  sliceMs?: number;
}

/**
 * Cuts a snapshot into parts of at most `maxBytes`, made as they are read, each tier cut between any
 * two characters (the loaders join a tier's parts again). Its pieces are made a few milliseconds of
 * work at a time, with `pause` awaited in between: on the thread that also answers searches (and, in
 * Chromium, draws the popup), a save must not hold it while a large tier's JSON is made (hundreds of
 * milliseconds).
 */
export async function* splitSnapshot(snapshot: SearchSnapshot, transfer: string, options: SplitOptions): AsyncGenerator<SnapshotPart> {
  if (!(options.maxBytes >= 4)) throw new RangeError('maxBytes must be at least 4');
  const { version, watermark } = snapshot;
  let seq = 0;
  const part = (tier: 'quick' | 'full', bytes: Uint8Array, last: boolean): SnapshotPart => ({
    transfer,
    seq: seq++,
    version,
    watermark,
    tier,
    bytes,
    last,
  });
  for await (const bytes of byteParts(snapshot.quick, options)) yield part('quick', bytes, false);
  // One part held back, to mark the last one.
  let held: Uint8Array | null = null;
  for await (const bytes of byteParts(snapshot.full, options)) {
    if (held !== null) yield part('full', held, false);
    held = bytes;
  }
  yield part('full', held ?? new Uint8Array(0), true);
}

/** Text given in pieces, as UTF-8 parts of `maxBytes` (see encodeParts), pausing once `sliceMs` of work have passed since the last pause. */
async function* byteParts(
  pieces: Iterable<string>,
  { maxBytes, pause = yieldToEvents, sliceMs = 8 }: SplitOptions,
): AsyncGenerator<Uint8Array> {
  let sliceStart = performance.now();
  for (const part of encodeParts(pieces, maxBytes)) {
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

const encoder = new TextEncoder();

/**
 * Text given in pieces, as UTF-8 parts of at most `maxBytes` (at least 4), each ending between two
 * characters: at least one part, even of nothing. A surrogate pair split between two pieces is joined
 * first. Yields null after each piece is taken, where a caller whose pieces are made as they are read
 * may pause; the parts are the byte arrays, each in a buffer of its own (a caller may transfer it).
 */
export function* encodeParts(pieces: Iterable<string>, maxBytes: number): Generator<Uint8Array | null> {
  if (!(maxBytes >= 4)) throw new RangeError('maxBytes must be at least 4');
  let buffer = new Uint8Array(maxBytes);
  let written = 0;
  let cut = 0;
  const filled = () => (written === buffer.length ? buffer : buffer.slice(0, written));
  function* encode(text: string): Generator<Uint8Array> {
    for (;;) {
      const { read, written: added } = encoder.encodeInto(text, buffer.subarray(written));
      written += added;
      if (read === text.length) return;
      // The next character does not fit: the part is done.
      yield filled();
      cut++;
      buffer = new Uint8Array(maxBytes);
      written = 0;
      text = text.slice(read);
    }
  }
  let carried = '';
  for (const piece of pieces) {
    let text = carried + piece;
    carried = '';
    if (isHighSurrogate(text.charCodeAt(text.length - 1))) {
      carried = text.slice(-1);
      text = text.slice(0, -1);
    }
    yield* encode(text);
    yield null;
  }
  // A high surrogate with nothing after it, encoded as a string's would be (U+FFFD).
  yield* encode(carried);
  if (written > 0 || cut === 0) yield filled();
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

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
