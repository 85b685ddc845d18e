// A tier's JSON (MiniSearch's toJSON, each posting list as encodePostings text) made a small piece at a
// time from a capture of the tier, so whoever saves it can pause between pieces. Made at once, the quick
// tier's JSON took 1.2 s at 30,000 items (in Node), and the full tier's first part, its header (every
// document's id and field lengths), 400 ms at 10,000: the extension's pages, popup included, froze meanwhile.
//
// The quick tier keeps changing while its pieces are made (it answers every keystroke, so its changes
// cannot wait in a journal as the full tier's do). A capture therefore copies what changes in place (the
// header's maps and numbers) and lists the terms, all at one moment; the posting lists are read later,
// and postings of documents added since the capture (ids from its nextId on) are left out. What changed
// after the capture is newer than the snapshot's watermark, so a restore's catch-up applies it again.
import type MiniSearch from 'minisearch';
import { CompactPostings, type FieldTermData } from './compact-postings';
import { encodePostings } from './posting-codec';

/** One saved term: [term, {fieldId: encoded postings}]. */
export type SavedTerm = [string, Record<string, string>];

/** A tier's parts as its JSON is made from them: the numbers, and each map's entries in its order. */
export interface TierCapture {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: readonly number[];
  dirtCount: number;
  documentIds: Iterable<readonly [number, string]>;
  fieldLength: Iterable<readonly [number, readonly number[]]>;
  storedFields: Iterable<readonly [number, unknown]>;
  /** Every term with its fields' posting lists: the lists themselves are read when saved. */
  terms: Iterable<readonly [string, FieldTermData]>;
}

/** SearchableMap's radix tree: edges to child nodes, and '' to a term's data at the node ending it. */
type TermNode = Map<string, TermNode | FieldTermData>;

/**
 * How MiniSearch 7 keeps a tier in memory (protected fields: its toJSON reads them the same way, but
 * only all at once). The shape is checked before use, and the unit tests compare the result with toJSON.
 */
interface TierInternals {
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
  _index: Iterable<[string, FieldTermData]> & { _tree: TermNode; _prefix: string };
}

function internals<T>(tier: MiniSearch<T>): TierInternals {
  const t = tier as unknown as Partial<TierInternals>;
  const maps = [t._documentIds, t._fieldLength, t._storedFields, t._index?._tree];
  const terms = t._index;
  if (
    !maps.every((map) => map instanceof Map) ||
    !Array.isArray(t._avgFieldLength) ||
    terms?._prefix !== '' ||
    !(Symbol.iterator in terms)
  ) {
    throw new Error('this MiniSearch version keeps its index differently');
  }
  return t as TierInternals;
}

/**
 * Copies what a tier's JSON is made of, at this moment, for a tier that keeps changing: each map's keys
 * and values as arrays (about 10 ms for two maps of 100,000 entries in Node, where copying the maps took
 * about 100) and the terms as a list.
 */
export function captureTier<T>(tier: MiniSearch<T>): TierCapture {
  const inner = internals(tier);
  const terms: string[] = [];
  const termData: FieldTermData[] = [];
  collectTerms(inner._index._tree, '', terms, termData);
  return {
    ...numbersOf(inner),
    documentIds: zip([...inner._documentIds.keys()], [...inner._documentIds.values()]),
    fieldLength: zip([...inner._fieldLength.keys()], [...inner._fieldLength.values()]),
    storedFields: zip([...inner._storedFields.keys()], [...inner._storedFields.values()]),
    terms: zip(terms, termData),
  };
}

/**
 * What a tier's JSON is made of, read from the tier itself as the JSON is made: nothing is copied, so
 * the tier must not change until the JSON is made (the full tier's changes wait in a journal meanwhile).
 */
export function viewTier<T>(tier: MiniSearch<T>): TierCapture {
  const inner = internals(tier);
  return {
    ...numbersOf(inner),
    documentIds: inner._documentIds,
    fieldLength: inner._fieldLength,
    storedFields: inner._storedFields,
    terms: inner._index,
  };
}

function numbersOf(inner: TierInternals) {
  return {
    documentCount: inner._documentCount,
    nextId: inner._nextId,
    fieldIds: { ...inner._fieldIds },
    averageFieldLength: [...inner._avgFieldLength],
    dirtCount: inner._dirtCount,
  };
}

/**
 * Every term under a node of the radix tree, with its data: in Node at 10,000 items, 19 ms for the quick
 * tier against 43 ms with SearchableMap's own iterator, which builds each term again from its path.
 */
function collectTerms(node: TermNode, prefix: string, terms: string[], termData: FieldTermData[]): void {
  for (const [edge, child] of node) {
    if (edge === '') {
      terms.push(prefix);
      termData.push(child as FieldTermData);
    } else {
      collectTerms(child as TermNode, prefix + edge, terms, termData);
    }
  }
}

/** Pairs of two arrays' items, read lazily. */
function* zip<K, V>(keys: readonly K[], values: readonly V[]): Generator<[K, V]> {
  for (let i = 0; i < keys.length; i++) yield [keys[i]!, values[i]!];
}

/**
 * The tier's header (toJSON without its terms) as pieces of about `chunkChars`, left open: the caller
 * adds the terms and the closing brace, or only the brace.
 */
export function* openHeaderPieces(capture: TierCapture, chunkChars: number): Generator<string> {
  const { documentCount, nextId, fieldIds, averageFieldLength, dirtCount } = capture;
  yield `{"documentCount":${documentCount},"nextId":${nextId},"documentIds":`;
  yield* objectPieces(capture.documentIds, chunkChars);
  yield `,"fieldIds":${JSON.stringify(fieldIds)},"fieldLength":`;
  yield* objectPieces(capture.fieldLength, chunkChars);
  yield `,"averageFieldLength":${JSON.stringify(averageFieldLength)},"storedFields":`;
  yield* objectPieces(capture.storedFields, chunkChars);
  yield `,"dirtCount":${dirtCount},"serializationVersion":2`;
}

/** A whole tier's JSON in pieces (joined, they are the JSON MiniSearch's loadJS takes, see loadCompact). */
export function* tierPieces(capture: TierCapture, chunkChars: number): Generator<string> {
  yield* openHeaderPieces(capture, chunkChars);
  yield ',"index":';
  yield* bracketedRuns(savedTermChunks(capture, chunkChars), '[', ']');
  yield '}';
}

/** The captured terms, one saved entry at a time; postings of documents added since the capture are left out. */
export function* savedTerms(capture: TierCapture): Generator<SavedTerm> {
  for (const [term, data] of capture.terms) {
    const fields: Record<string, string> = {};
    let saved = false;
    for (const [fieldId, postings] of data) {
      const text = encodePostings(capturedPostings(postings, capture.nextId));
      if (text === '') continue;
      fields[fieldId] = text;
      saved = true;
    }
    if (saved) yield [term, fields];
  }
}

/**
 * Saved terms as JSON, a run of them at a time: comma-separated entries (no brackets) of about
 * `chunkChars`. Each run is one string the size of a chunk, so saving a tier never builds the JSON of
 * all its terms at once (an array of every entry, then one string of it, are garbage the size of the tier).
 */
export function* savedTermChunks(capture: TierCapture, chunkChars: number): Generator<string> {
  yield* joinedRuns(savedTermsJson(capture), chunkChars);
}

function* savedTermsJson(capture: TierCapture): Generator<string> {
  for (const entry of savedTerms(capture)) yield JSON.stringify(entry);
}

/** A posting list without the documents added after a capture whose next id was `nextId`. */
function capturedPostings(postings: Map<number, number>, nextId: number): Iterable<readonly [number, number]> {
  // A compact list's ids ascend: if its last is older than the capture, all are (the common case, no copy).
  if (postings instanceof CompactPostings && postings.maxId < nextId) return postings;
  return [...postings].filter(([id]) => id < nextId);
}

/** A map as a JSON object, in pieces of about `chunkChars`. */
function objectPieces(map: Iterable<readonly [number, unknown]>, chunkChars: number): Generator<string> {
  return bracketedRuns(joinedRuns(objectMembers(map), chunkChars), '{', '}');
}

/** Runs of comma-separated JSON between brackets: `open` and the first run, `,` and each next run, `close`. */
function* bracketedRuns(runs: Iterable<string>, open: string, close: string): Generator<string> {
  let before = open;
  for (const run of runs) {
    yield before + run;
    before = ',';
  }
  yield before === open ? open + close : close;
}

function* objectMembers(map: Iterable<readonly [number, unknown]>): Generator<string> {
  for (const [key, value] of map) {
    // As in toJSON's JSON: a member whose value JSON leaves out (undefined) is left out. Keys are short
    // ids (integers), so they need no escaping.
    const json = JSON.stringify(value) as string | undefined;
    if (json !== undefined) yield `"${key}":${json}`;
  }
}

/** Strings joined with commas into runs of about `chunkChars`. */
function* joinedRuns(items: Iterable<string>, chunkChars: number): Generator<string> {
  let run: string[] = [];
  let chars = 0;
  for (const item of items) {
    run.push(item);
    chars += item.length;
    if (chars >= chunkChars) {
      yield run.join(',');
      run = [];
      chars = 0;
    }
  }
  if (run.length > 0) yield run.join(',');
}
