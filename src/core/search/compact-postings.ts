// Posting lists in typed arrays. MiniSearch keeps, per term and field, a Map from short document id to
// term frequency: about 20 bytes a posting in V8, and at 100,000 articles tens of millions of postings,
// most of the search host's heap. A CompactPostings answers the same Map calls MiniSearch makes on those
// lists (get, set, delete, has, size, iteration) from 5 bytes a posting, so scores and results are
// unchanged. Lists are swapped in by compactTermIndex(); MiniSearch's own Maps keep serving new terms.
import type MiniSearch from 'minisearch';
import { forEachInSlices, type Pause } from '../time-slices';

/** Shorter lists stay Maps: a typed-array pair costs more than a small Map. */
export const MIN_COMPACT_SIZE = 8;

// Frequencies are one byte. 0 marks a deleted posting (a real frequency is at least 1), so deleting
// never moves entries under a running iteration; 255 means "see the overflow map".
const DELETED = 0;
const OVERFLOW = 255;

export type FieldTermData = Map<number, Map<number, number>>;

/**
 * A Map<number, number> subset over sorted document ids. MiniSearch gives ids in increasing order
 * (new documents get the next id), so adding is an append; another id is inserted in place.
 */
export class CompactPostings {
  private ids: Uint32Array;
  private freqs: Uint8Array;
  /** Slots in use, deleted ones included. */
  private used = 0;
  private live = 0;
  private overflow: Map<number, number> | null = null;
  /**
   * The slot last found or given out by iteration. MiniSearch reads each id's frequency with get()
   * right after iterating to it, in order; checking this slot and the next first makes that read O(1).
   */
  private cursor = 0;

  constructor(capacity: number) {
    this.ids = new Uint32Array(Math.max(1, capacity));
    this.freqs = new Uint8Array(this.ids.length);
  }

  /** A compact copy of `entries`, whose ids must be distinct. */
  static from(entries: Iterable<readonly [number, number]>, sizeHint = 0): CompactPostings {
    const list = new CompactPostings(sizeHint);
    for (const [id, freq] of entries) list.set(id, freq);
    return list;
  }

  /** A compact copy of ascending, distinct ids and their frequencies (at least 1 each). */
  static fromSorted(ids: Uint32Array, freqs: ArrayLike<number>): CompactPostings {
    const list = new CompactPostings(0);
    list.ids = ids.slice();
    list.freqs = new Uint8Array(ids.length);
    for (let slot = 0; slot < ids.length; slot++) list.writeFreq(slot, ids[slot]!, freqs[slot]!);
    list.used = ids.length;
    list.live = ids.length;
    return list;
  }

  get size(): number {
    return this.live;
  }

  has(id: number): boolean {
    return this.slotOf(id) >= 0;
  }

  get(id: number): number | undefined {
    const slot = this.slotOf(id);
    return slot < 0 ? undefined : this.freqAt(slot);
  }

  set(id: number, freq: number): this {
    if (!(freq >= 1)) throw new RangeError(`A term frequency must be at least 1, not ${freq}`);
    let slot = this.used === 0 || id > this.ids[this.used - 1]! ? -1 : this.findSlot(id);
    if (slot < 0) {
      slot = this.insertSlot(id);
      this.live++;
    } else if (this.freqs[slot] === DELETED) {
      this.live++;
    }
    this.writeFreq(slot, id, freq);
    return this;
  }

  delete(id: number): boolean {
    const slot = this.slotOf(id);
    if (slot < 0) return false;
    this.freqs[slot] = DELETED;
    this.overflow?.delete(id);
    this.live--;
    return true;
  }

  keys(): IterableIterator<number> {
    // With nothing deleted, the ids array's own iterator: MiniSearch walks every id of every matched
    // term on each keystroke, and V8 runs a typed array's iterator far faster than one written here.
    if (this.live === this.used) return this.ids.subarray(0, this.used)[Symbol.iterator]();
    return new KeyIterator(this);
  }

  values(): IterableIterator<number> {
    return new ValueIterator(this);
  }

  entries(): IterableIterator<[number, number]> {
    return new EntryIterator(this);
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  /** Calls back for each live posting in id order, as Map.forEach does: the scorer's path, with no iterator objects. */
  forEach(callback: (freq: number, id: number) => void): void {
    const { ids, freqs, used } = this;
    for (let slot = 0; slot < used; slot++) {
      const freq = freqs[slot]!;
      if (freq === DELETED) continue;
      callback(freq === OVERFLOW ? this.overflow!.get(ids[slot]!)! : freq, ids[slot]!);
    }
  }

  /** Bytes held by the arrays (for tests and measurements). */
  get byteLength(): number {
    return this.ids.byteLength + this.freqs.byteLength;
  }

  /** The next live slot at or after `slot`, or -1; moves the cursor there (used by iteration). */
  nextLiveSlot(slot: number): number {
    const freqs = this.freqs;
    const used = this.used;
    for (let s = slot; s < used; s++) {
      if (freqs[s] !== DELETED) {
        this.cursor = s;
        return s;
      }
    }
    return -1;
  }

  /** The id in a slot (used by iteration). */
  idAt(slot: number): number {
    return this.ids[slot]!;
  }

  /** The frequency in a live slot (used by iteration). */
  freqAt(slot: number): number {
    const freq = this.freqs[slot]!;
    return freq === OVERFLOW ? this.overflow!.get(this.ids[slot]!)! : freq;
  }

  private writeFreq(slot: number, id: number, freq: number): void {
    if (freq < OVERFLOW) {
      this.freqs[slot] = freq;
      this.overflow?.delete(id);
    } else {
      this.freqs[slot] = OVERFLOW;
      (this.overflow ??= new Map()).set(id, freq);
    }
  }

  /** The slot of a live id, or -1. */
  private slotOf(id: number): number {
    const slot = this.findSlot(id);
    return slot >= 0 && this.freqs[slot] !== DELETED ? slot : -1;
  }

  /** The slot holding `id`, deleted or not, or -1. */
  private findSlot(id: number): number {
    const cursor = this.cursor;
    if (cursor < this.used && this.ids[cursor] === id) return cursor;
    // Walking the ids in order (keys() then get() for each, as MiniSearch scores a term) asks for the next slot.
    if (cursor + 1 < this.used && this.ids[cursor + 1] === id) return (this.cursor = cursor + 1);
    let low = 0;
    let high = this.used - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = this.ids[mid]!;
      if (value === id) return (this.cursor = mid);
      if (value < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** Makes a slot for a new id, in order. Never called while iterating (MiniSearch adds no ids then). */
  private insertSlot(id: number): number {
    if (this.used === this.ids.length) this.grow();
    let slot = this.used;
    if (slot > 0 && this.ids[slot - 1]! > id) {
      slot = this.lowerBound(id);
      this.ids.copyWithin(slot + 1, slot, this.used);
      this.freqs.copyWithin(slot + 1, slot, this.used);
    }
    this.ids[slot] = id;
    this.used++;
    return slot;
  }

  private lowerBound(id: number): number {
    let low = 0;
    let high = this.used;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.ids[mid]! < id) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Drops deleted slots, then if still full makes room for half as many postings again. */
  private grow(): void {
    this.dropDeleted();
    if (this.used < this.ids.length) return;
    const capacity = Math.max(MIN_COMPACT_SIZE, Math.ceil(this.used * 1.5));
    const ids = new Uint32Array(capacity);
    const freqs = new Uint8Array(capacity);
    ids.set(this.ids.subarray(0, this.used));
    freqs.set(this.freqs.subarray(0, this.used));
    this.ids = ids;
    this.freqs = freqs;
  }

  /** Moves live postings down over deleted slots, keeping their order. */
  private dropDeleted(): void {
    let kept = 0;
    for (let slot = 0; slot < this.used; slot++) {
      if (this.freqs[slot] === DELETED) continue;
      this.ids[kept] = this.ids[slot]!;
      this.freqs[kept] = this.freqs[slot]!;
      kept++;
    }
    this.used = kept;
    this.cursor = 0;
  }
}

/** Iterates live postings, skipping any deleted during iteration as a Map would. */
abstract class PostingIterator<T> implements IterableIterator<T> {
  private slot = 0;

  constructor(protected readonly list: CompactPostings) {}

  next(): IteratorResult<T> {
    const slot = this.list.nextLiveSlot(this.slot);
    if (slot < 0) return { done: true, value: undefined };
    this.slot = slot + 1;
    return { done: false, value: this.read(slot) };
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }

  protected abstract read(slot: number): T;
}

// One class per kind keeps each iterator's next() monomorphic: MiniSearch walks millions of postings.
class KeyIterator extends PostingIterator<number> {
  protected read(slot: number): number {
    return this.list.idAt(slot);
  }
}

class ValueIterator extends PostingIterator<number> {
  protected read(slot: number): number {
    return this.list.freqAt(slot);
  }
}

class EntryIterator extends PostingIterator<[number, number]> {
  protected read(slot: number): [number, number] {
    return [this.list.idAt(slot), this.list.freqAt(slot)];
  }
}

/**
 * A term's posting list as MiniSearch will keep it: compact when long enough, else a Map.
 * `entries` must have distinct ids.
 */
export function postingList(entries: Iterable<readonly [number, number]>, size: number): Map<number, number> {
  if (size >= MIN_COMPACT_SIZE) return CompactPostings.from(entries, size) as unknown as Map<number, number>;
  return new Map(entries as Iterable<[number, number]>);
}

/** MiniSearch 7's term map (not public API; see termWriter in posting-codec.ts). */
interface TermIndexAccess {
  _index?: Iterable<[string, FieldTermData]>;
}

/**
 * Replaces the tier's long Map posting lists by CompactPostings, calling `pause` every `sliceMs` of
 * work so searches run meanwhile. Search results are the same before and after. Returns how many
 * lists were replaced. Safe to run again: compact lists and short Maps are left as they are.
 */
export async function compactTermIndex<T>(tier: MiniSearch<T>, pause: Pause, sliceMs = 8): Promise<number> {
  const terms = (tier as unknown as TermIndexAccess)._index;
  if (!terms) return 0;
  // Collected first: the term map must not be walked across pauses, when searches may change it.
  const fieldMaps: FieldTermData[] = [];
  for (const [, data] of terms) fieldMaps.push(data);
  let replaced = 0;
  const compactTerm = (data: FieldTermData) => {
    for (const [fieldId, postings] of data) {
      if (postings instanceof Map && postings.size >= MIN_COMPACT_SIZE) {
        data.set(fieldId, postingList(postings, postings.size));
        replaced++;
      }
    }
  };
  await forEachInSlices(fieldMaps, compactTerm, pause, sliceMs);
  return replaced;
}
