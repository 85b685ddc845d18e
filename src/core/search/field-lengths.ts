// MiniSearch keeps each document's field lengths in an array it fills one field at a time. V8 gives an
// array grown that way room for 17 numbers: at 100,000 documents, megabytes of empty slots (the full
// tier has one field per document). An exact copy holds the same numbers in a fraction of the space.
import type MiniSearch from 'minisearch';

/** MiniSearch 7's internals (not public API; the version is pinned in package.json). */
interface FieldLengthAccess {
  _fieldLength: Map<number, number[]>;
  _nextId: number;
}

/** Per tier, the short ids below which field lengths are already exact copies. */
const trimmedBelow = new WeakMap<object, number>();

/**
 * Records that the tier's field lengths are exact already, as in a tier loaded from a snapshot (arrays
 * parsed from JSON are made to size): the next trim then copies only documents added after this.
 */
export function markFieldLengthsExact<T>(tier: MiniSearch<T>): void {
  trimmedBelow.set(tier, (tier as unknown as FieldLengthAccess)._nextId);
}

/**
 * Replaces the field-length arrays of documents added since the last call by exact copies. A short
 * id's lengths never change once added (an edited document gets a new id), so each is copied once.
 * Returns how many were copied.
 */
export function trimFieldLengths<T>(tier: MiniSearch<T>): number {
  const { _fieldLength: lengths, _nextId: next } = tier as unknown as FieldLengthAccess;
  let copied = 0;
  for (let id = trimmedBelow.get(tier) ?? 0; id < next; id++) {
    const row = lengths.get(id);
    if (row === undefined) continue;
    lengths.set(id, row.slice());
    copied++;
  }
  trimmedBelow.set(tier, next);
  return copied;
}
