// How a tier's terms are saved and loaded. A posting list is saved as text: base64 of (id gap, frequency)
// pairs as variable-length integers. MiniSearch's JSON spells each posting as `"48213":2,` (about 9
// characters, parsed into an object, then read key by key); this takes about 3.5 and decodes in one loop
// into the typed arrays a CompactPostings keeps. Terms saved in MiniSearch's own JSON still load.
import type MiniSearch from 'minisearch';
import type { AsPlainObject } from 'minisearch';
import { CompactPostings, MIN_COMPACT_SIZE, postingList, type FieldTermData } from './compact-postings';
import { fromBase64, toBase64 } from '../base64';
import { SearchSnapshotError } from './errors';

/**
 * How MiniSearch 7 keeps its terms. MiniSearch fills its term map only through loadJS, with Maps, all at
 * once; to fill it with compact lists, a chunk at a time, this reaches the (protected) map. The shape is
 * checked before use, and the unit tests compare the results with MiniSearch's own loadJS.
 */
interface TermIndexAccess {
  _index?: { set?: (term: string, data: FieldTermData) => unknown };
}

/** Stores one saved term's posting lists in a tier; throws SearchSnapshotError if MiniSearch keeps terms differently. */
export function termWriter<T>(tier: MiniSearch<T>): (entry: unknown) => void {
  const terms = (tier as unknown as TermIndexAccess)._index;
  if (typeof terms?.set !== 'function') corrupt('this MiniSearch version keeps its index differently');
  const set = terms.set.bind(terms);
  return (entry) => set(...termEntry(entry));
}

/** Loads a tier saved by tierPieces (tier-json.ts) or MiniSearch's toJSON (serialization version 2), with compact posting lists. */
export function loadCompact<T>(js: AsPlainObject, load: (header: AsPlainObject) => MiniSearch<T>): MiniSearch<T> {
  const tier = load({ ...js, index: [] });
  const write = termWriter(tier);
  for (const entry of js.index) write(entry);
  return tier;
}

/** Encodes postings (any order; ids distinct, frequencies at least 1) as base64 text. */
export function encodePostings(postings: Iterable<readonly [number, number]>): string {
  // A compact list's bytes are the saved form already, unless postings were deleted from it.
  const saved = postings instanceof CompactPostings ? postings.encoded() : null;
  return toBase64(saved ?? CompactPostings.from(postings).encoded()!);
}

/**
 * Decodes text from encodePostings into the list MiniSearch will keep (compact when long). Throws
 * Error on text that is not such a list; the caller turns it into a snapshot error.
 */
export function decodePostings(text: string): Map<number, number> {
  const bytes = fromBase64(text);
  // The saved bytes are the compact list's own: it checks them and keeps them.
  const list = CompactPostings.fromBytes(bytes);
  if (list.size < MIN_COMPACT_SIZE) return new Map(list.entries());
  return list as unknown as Map<number, number>;
}

/** One saved term as MiniSearch keeps it in memory. */
function termEntry(entry: unknown): [string, FieldTermData] {
  if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'object' || entry[1] === null) {
    corrupt('a posting list is damaged');
  }
  const data: FieldTermData = new Map();
  for (const [fieldId, postings] of Object.entries(entry[1] as Record<string, unknown>)) {
    data.set(Number(fieldId), savedPostingList(postings));
  }
  return [entry[0], data];
}

function savedPostingList(postings: unknown): Map<number, number> {
  if (typeof postings === 'string') {
    try {
      return decodePostings(postings);
    } catch (cause) {
      throw new SearchSnapshotError('corrupt', 'Search snapshot could not be loaded: a posting list is damaged', { cause });
    }
  }
  if (typeof postings !== 'object' || postings === null) corrupt('a posting list is damaged');
  const byId = postings as Record<string, unknown>;
  const ids = Object.keys(byId);
  // Integer-like keys come back in ascending order, the order CompactPostings appends fastest in.
  return postingList(jsonPostings(ids, byId), ids.length);
}

function* jsonPostings(ids: readonly string[], postings: Record<string, unknown>): Generator<[number, number]> {
  for (const id of ids) {
    const freq = postings[id];
    if (typeof freq !== 'number' || !(freq >= 1)) corrupt('a term frequency is damaged');
    yield [Number(id), freq];
  }
}

function corrupt(why: string): never {
  throw new SearchSnapshotError('corrupt', `Search snapshot could not be loaded: ${why}`);
}
