// Posting lists as bytes. MiniSearch keeps, per term and field, a Map from short document id to term
// frequency: about 20 bytes a posting in V8, and at 100,000 articles tens of millions of postings, most of
// the search host's memory. A CompactPostings answers the same Map calls MiniSearch makes on those lists
// (get, set, delete, has, size, iteration) from about 2.5 bytes a posting: each posting is the gap from the
// previous id and the frequency, as variable-length integers, the same bytes a snapshot saves them as.
// Lists are swapped in by compactTermIndex() and by loading a snapshot; MiniSearch's own Maps keep
// serving new terms.
import type MiniSearch from 'minisearch';
import { forEachInSlices, type Pause } from '../time-slices';

/** Shorter lists stay Maps: the arrays cost more than a small Map. */
export const MIN_COMPACT_SIZE = 8;

/** Postings per entry of the lookup index: a lookup by id decodes at most this many. */
const BLOCK = 32;
/** The index of a list with one block (shared: it is never written). */
const NO_INDEX: number[] = [];

export type FieldTermData = Map<number, Map<number, number>>;

/**
 * A Map<number, number> subset over ascending document ids, kept as (id gap - 1, frequency) varint pairs.
 * MiniSearch gives ids in increasing order (new documents get the next id), so adding is an append and
 * raising the frequency of the document being added rewrites the last bytes. A deleted posting keeps its
 * bytes, its frequency rewritten as a zero of the same length, so deleting never moves postings under a
 * running iteration; appends drop deleted postings when they need room.
 */
export class CompactPostings {
  /** The postings, bytes[0..end). */
  private bytes: Uint8Array;
  private end = 0;
  /** Postings in `bytes`, deleted ones included. */
  private slots = 0;
  private live = 0;
  private lastId = -1;
  /** Where the last posting's frequency starts. */
  private lastFreqAt = 0;
  /**
   * For every BLOCK-th posting after the first: the offset of its gap and the id before it, plus 1
   * (pairs). The first block starts at offset 0 after id -1, so a list of one block needs no index.
   * A plain array of small integers, not a typed array: a typed array brings an ArrayBuffer of its
   * own, and with it about 200 bytes of objects in and out of the JS heap, for every long list.
   */
  private index = NO_INDEX;
  /** Where the last id found or iterated to has its frequency: MiniSearch's vacuum reads each id right after iterating to it. */
  private memoId = -1;
  private memoFreqAt = 0;
  /** Set by readVarint: where the number read ends. */
  private readEnd = 0;
  /** Set by step(): the posting read. */
  stepId = -1;
  stepFreq = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(4, capacity * 2));
  }

  /** A compact copy of `entries`, whose ids must be distinct. */
  static from(entries: Iterable<readonly [number, number]>, sizeHint = 0): CompactPostings {
    const sorted = [...entries];
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]![0] <= sorted[i - 1]![0]) {
        sorted.sort((x, y) => x[0] - y[0]);
        break;
      }
    }
    const list = new CompactPostings(Math.max(sizeHint, sorted.length));
    for (const [id, freq] of sorted) list.set(id, freq);
    list.trim();
    return list;
  }

  /**
   * The list held by `bytes`, (gap - 1, frequency) varint pairs as encodePostings() writes them (the
   * array is kept, not copied). Throws Error when the bytes are not such a list.
   */
  static fromBytes(bytes: Uint8Array): CompactPostings {
    const list = new CompactPostings(0);
    list.bytes = bytes;
    let at = 0;
    while (at < bytes.length) {
      if (list.slots % BLOCK === 0) list.addIndexEntry(at);
      const gap = list.readVarint(at, bytes.length);
      list.lastFreqAt = list.readEnd;
      const freq = list.readVarint(list.readEnd, bytes.length);
      if (freq < 1) throw new Error('a posting has no frequency');
      at = list.readEnd;
      list.lastId += gap + 1;
      list.slots++;
    }
    list.end = at;
    list.live = list.slots;
    list.trim();
    return list;
  }

  get size(): number {
    return this.live;
  }

  /** The largest id the list has held (-1 when none): ids ascend, so every id in it is at most this. */
  get maxId(): number {
    return this.lastId;
  }

  has(id: number): boolean {
    return this.get(id) !== undefined;
  }

  get(id: number): number | undefined {
    const freqAt = this.findFreq(id);
    if (freqAt < 0) return undefined;
    const freq = this.readVarint(freqAt, this.end);
    return freq === 0 ? undefined : freq;
  }

  set(id: number, freq: number): this {
    if (!(freq >= 1)) throw new RangeError(`A term frequency must be at least 1, not ${freq}`);
    if (id > this.lastId) {
      this.append(id, freq);
      return this;
    }
    const freqAt = id === this.lastId ? this.lastFreqAt : this.findFreq(id);
    if (freqAt < 0) {
      // An id before the last one, not in the list: only happens when entries arrive out of order.
      this.rebuild(new Map([[id, freq]]));
      return this;
    }
    const old = this.readVarint(freqAt, this.end);
    const length = this.readEnd - freqAt;
    if (varintLength(freq) <= length) {
      this.writeVarint(freqAt, freq, length);
    } else if (freqAt === this.lastFreqAt) {
      // The last posting (the document being added) may simply get longer.
      this.grow(5);
      this.end = this.writeVarint(freqAt, freq, 0);
    } else {
      this.rebuild(new Map([[id, freq]]));
      return this;
    }
    if (old === 0) this.live++;
    return this;
  }

  delete(id: number): boolean {
    const freqAt = this.findFreq(id);
    if (freqAt < 0 || this.readVarint(freqAt, this.end) === 0) return false;
    this.writeVarint(freqAt, 0, this.readEnd - freqAt);
    this.live--;
    return true;
  }

  keys(): IterableIterator<number> {
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
    const bytes = this.bytes;
    const end = this.end;
    let at = 0;
    let id = -1;
    while (at < end) {
      // Most gaps and frequencies take one byte: read those inline, longer numbers through readVarint.
      let gap = bytes[at]!;
      if (gap < 0x80) at++;
      else {
        gap = this.readVarint(at, end);
        at = this.readEnd;
      }
      let freq = bytes[at]!;
      if (freq < 0x80) at++;
      else {
        freq = this.readVarint(at, end);
        at = this.readEnd;
      }
      id += gap + 1;
      if (freq !== 0) callback(freq, id);
    }
  }

  /** The postings as encodePostings() writes them, when none is deleted (a view: do not change it). */
  encoded(): Uint8Array | null {
    return this.live === this.slots ? this.bytes.subarray(0, this.end) : null;
  }

  /** Bytes held by the arrays (for tests and measurements), an index entry counted as the 4 bytes a small integer takes in Chromium's heap. */
  get byteLength(): number {
    return this.bytes.byteLength + this.index.length * 4;
  }

  /**
   * Reads the posting at `at`, which follows id `before` (for iteration): returns where it ends, or -1
   * at the end. Its id and frequency (0 if deleted) are left in stepId and stepFreq.
   */
  step(at: number, before: number): number {
    if (at >= this.end) return -1;
    const id = before + this.readVarint(at, this.end) + 1;
    const freqAt = this.readEnd;
    this.stepFreq = this.readVarint(freqAt, this.end);
    this.stepId = id;
    this.memoId = id;
    this.memoFreqAt = freqAt;
    return this.readEnd;
  }

  private append(id: number, freq: number): void {
    this.reserve(10);
    if (this.slots % BLOCK === 0) this.addIndexEntry(this.end);
    const freqAt = this.writeVarint(this.end, id - this.lastId - 1, 0);
    this.end = this.writeVarint(freqAt, freq, 0);
    this.lastFreqAt = freqAt;
    this.lastId = id;
    this.slots++;
    this.live++;
  }

  /** Lets go of spare room: a loaded or compacted list rarely grows (only an item being indexed adds to it). */
  private trim(): void {
    if (this.bytes.length > this.end) this.bytes = this.bytes.slice(0, this.end);
    // An array pushed to keeps spare room for more entries; its copy has none.
    if (this.index !== NO_INDEX) this.index = this.index.slice();
  }

  /** Where the frequency of `id` starts (deleted or not), or -1. */
  private findFreq(id: number): number {
    if (id === this.memoId) return this.memoFreqAt;
    if (id > this.lastId || id < 0) return -1;
    // The last block whose first id is at most `id`: entry k - 1 holds block k's (offset, id before it + 1).
    const index = this.index;
    let low = 0;
    // Blocks 1..high have entries (spare room in the array past them is not in use).
    let high = Math.ceil(this.slots / BLOCK) - 1;
    while (low < high) {
      const block = (low + high + 1) >>> 1;
      if (index[2 * block - 1]! <= id) low = block;
      else high = block - 1;
    }
    let at = low === 0 ? 0 : index[2 * low - 2]!;
    let current = low === 0 ? -1 : index[2 * low - 1]! - 1;
    for (let n = 0; n < BLOCK && at < this.end; n++) {
      current += this.readVarint(at, this.end) + 1;
      const freqAt = this.readEnd;
      if (current === id) {
        this.memoId = id;
        this.memoFreqAt = freqAt;
        return freqAt;
      }
      if (current > id) return -1;
      this.readVarint(freqAt, this.end);
      at = this.readEnd;
    }
    return -1;
  }

  /** Records where block `slots / BLOCK` starts (the first block needs no entry). */
  private addIndexEntry(at: number): void {
    const block = this.slots / BLOCK;
    if (block === 0) return;
    // A literal holds its two numbers exactly, where pushing to an empty array would make room for 17:
    // about a third of the lists with an index never get a third block.
    if (this.index === NO_INDEX) this.index = [at, this.lastId + 1];
    else this.index.push(at, this.lastId + 1);
  }

  /** Makes room for `extra` more bytes, first by dropping deleted postings. Never called while iterating. */
  private reserve(extra: number): void {
    if (this.end + extra <= this.bytes.length) return;
    if (this.live < this.slots) this.rebuild(new Map());
    this.grow(extra);
  }

  /** Makes room for `extra` more bytes; postings keep their offsets. */
  private grow(extra: number): void {
    if (this.end + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.ceil((this.end + extra) * 1.5));
    grown.set(this.bytes.subarray(0, this.end));
    this.bytes = grown;
  }

  /** Writes the live postings again, with `changes` (id to frequency) applied, dropping deleted ones. */
  private rebuild(changes: Map<number, number>): void {
    const entries = new Map<number, number>();
    this.forEach((freq, id) => entries.set(id, freq));
    for (const [id, freq] of changes) entries.set(id, freq);
    const ids = [...entries.keys()].sort((x, y) => x - y);
    this.bytes = new Uint8Array(Math.max(4, this.end + 16));
    this.index = NO_INDEX;
    this.end = 0;
    this.slots = 0;
    this.live = 0;
    this.lastId = -1;
    this.lastFreqAt = 0;
    this.memoId = -1;
    for (const id of ids) this.append(id, entries.get(id)!);
  }

  /** Reads a varint at `at`, leaving its end in readEnd. */
  private readVarint(at: number, end: number): number {
    const bytes = this.bytes;
    let value = 0;
    let scale = 1;
    for (let pos = at; pos < end;) {
      const byte = bytes[pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        this.readEnd = pos;
        return value;
      }
      scale *= 0x80;
      // Ids and frequencies fit in 32 bits: five bytes at most.
      if (scale > 2 ** 35) break;
    }
    throw new Error('a posting list ends in the middle of a number, or holds one too large');
  }

  /** Writes `value` at `at` in at least `length` bytes (padding with zero-valued continuation bytes); returns where it ends. */
  private writeVarint(at: number, value: number, length: number): number {
    const bytes = this.bytes;
    let rest = value;
    let pos = at;
    while (rest >= 0x80 || pos - at < length - 1) {
      bytes[pos++] = (rest & 0x7f) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    bytes[pos++] = rest;
    return pos;
  }
}

function varintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest >= 0x80; rest = Math.floor(rest / 0x80)) length++;
  return length;
}

/** Iterates live postings, skipping any deleted during iteration as a Map would. */
abstract class PostingIterator<T> implements IterableIterator<T> {
  private at = 0;
  private id = -1;

  constructor(protected readonly list: CompactPostings) {}

  next(): IteratorResult<T> {
    const list = this.list;
    for (;;) {
      const end = list.step(this.at, this.id);
      if (end < 0) return { done: true, value: undefined };
      this.at = end;
      this.id = list.stepId;
      if (list.stepFreq !== 0) return { done: false, value: this.read(list.stepId, list.stepFreq) };
    }
  }

  [Symbol.iterator](): IterableIterator<T> {
    return this;
  }

  protected abstract read(id: number, freq: number): T;
}

// One class per kind keeps each iterator's next() monomorphic.
class KeyIterator extends PostingIterator<number> {
  protected read(id: number): number {
    return id;
  }
}

class ValueIterator extends PostingIterator<number> {
  protected read(_id: number, freq: number): number {
    return freq;
  }
}

class EntryIterator extends PostingIterator<[number, number]> {
  protected read(id: number, freq: number): [number, number] {
    return [id, freq];
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
  _index?: { values(): Iterable<FieldTermData> };
}

/** Whether a posting list is still kept as a Map and long enough to compact. */
const isLongMap = (postings: Map<number, number>) => postings instanceof Map && postings.size >= MIN_COMPACT_SIZE;

/** Whether a term has such a list in any field. */
function hasLongMap(data: FieldTermData): boolean {
  for (const postings of data.values()) if (isLongMap(postings)) return true;
  return false;
}

/**
 * Replaces the tier's long Map posting lists by CompactPostings, calling `pause` every `sliceMs` of
 * work so searches run meanwhile. Search results are the same before and after. Returns how many
 * lists were replaced. Safe to run again: compact lists and short Maps are left as they are.
 */
export async function compactTermIndex<T>(tier: MiniSearch<T>, pause: Pause, sliceMs = 8): Promise<number> {
  const terms = (tier as unknown as TermIndexAccess)._index;
  if (!terms) return 0;
  // Collected first: the term map must not be walked across pauses, when searches may change it. Values
  // only (building each term's string from the tree would be most of the walk), and only terms with a list
  // to compact: during a rebuild, a few thousand of the hundreds of thousands walked.
  const fieldMaps: FieldTermData[] = [];
  for (const data of terms.values()) if (hasLongMap(data)) fieldMaps.push(data);
  let replaced = 0;
  const compactTerm = (data: FieldTermData) => {
    for (const [fieldId, postings] of data) {
      if (isLongMap(postings)) {
        data.set(fieldId, postingList(postings, postings.size));
        replaced++;
      }
    }
  };
  await forEachInSlices(fieldMaps, compactTerm, pause, sliceMs);
  return replaced;
}
