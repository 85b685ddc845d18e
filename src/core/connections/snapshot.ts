// The persisted form of a connection index: a versioned plain object, and its validation on the way back.
import { ConnectionSnapshotError } from './errors';

/**
 * Version of everything that shapes the index: the analyser (stop words, stemming, phrases, title
 * weight), the weighting, what an item's topics are (tags, collections, site), where terms are found
 * in sentences (locateTerms) and the snapshot layout. Bump it with any such change (including a change
 * to the search stop-word list, which the analyser reuses); other versions are refused and rebuilt.
 */
export const CONNECTION_INDEX_VERSION = 4;

/** One item's stored terms: indexes into the snapshot's `vocab`, and their counts. */
export interface SnapshotItem {
  id: string;
  page: string;
  topics: string[];
  /** Library size when its terms were selected (staleness). */
  n0: number;
  /** Fingerprint of its title and text (an unchanged text is not re-analysed). */
  fp: string;
  /** Distinct words it counted into df. */
  distinct: number;
  terms: number[];
  counts: number[];
  /** Where its terms are in its text, by sentence (see SentenceHits); empty when not located. */
  hits: number[];
}

/** A saved connection index. JSON-safe: store it as it is, or JSON.stringify it. */
export interface ConnectionSnapshot {
  version: number;
  /** The index's fixed K, or null when K follows the library's size. */
  topK: number | null;
  /** Removals whose words' document frequencies were only partly taken back. */
  drift: number;
  /** Document frequency of every word in the library: parallel arrays. */
  df: { terms: string[]; counts: number[] };
  /** The terms items selected, with their labels: parallel arrays. */
  vocab: { terms: string[]; labels: string[] };
  items: SnapshotItem[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((entry) => typeof entry === 'string');
const isCounts = (value: unknown): value is number[] => Array.isArray(value) && value.every(isCount);

function corrupt(what: string): never {
  throw new ConnectionSnapshotError('corrupt', `Connection snapshot is damaged: ${what}`);
}

/** Empty, or runs for `terms` terms that start after the run table, follow each other and end where the array does. */
function validHits(hits: number[], terms: number): boolean {
  if (hits.length === 0) return true;
  if (hits.length < terms + 2 || hits.length > 0xffff || hits[1 + terms] !== hits.length || hits[0]! > 0xffff) return false;
  for (let i = 0; i < terms; i++) if (hits[1 + i]! < terms + 2 || hits[1 + i]! > hits[2 + i]!) return false;
  return hits.slice(terms + 2).every((sentence) => sentence < hits[0]!);
}

function validItem(value: unknown, vocabSize: number): value is SnapshotItem {
  if (!isObject(value)) return false;
  const { id, page, topics, n0, fp, distinct, terms, counts, hits } = value;
  return (
    typeof id === 'string' &&
    typeof page === 'string' &&
    isStrings(topics) &&
    isCount(n0) &&
    typeof fp === 'string' &&
    isCount(distinct) &&
    isCounts(terms) &&
    isCounts(counts) &&
    terms.length === counts.length &&
    isCounts(hits) &&
    validHits(hits, terms.length) &&
    terms.every((term) => term < vocabSize)
  );
}

/** Checks a value read back from storage; throws ConnectionSnapshotError when it cannot be used. */
export function validateSnapshot(value: unknown): ConnectionSnapshot {
  if (!isObject(value)) corrupt('not an object');
  const { version, topK, drift, df, vocab, items } = value;
  if (typeof version !== 'number') corrupt('no version');
  if (version !== CONNECTION_INDEX_VERSION) {
    throw new ConnectionSnapshotError(
      'version-mismatch',
      `Connection snapshot is version ${version}, this build reads version ${CONNECTION_INDEX_VERSION}`,
    );
  }
  if (!(topK === null || (isCount(topK) && topK > 0)) || !isCount(drift)) corrupt('bad settings');
  if (!isObject(df) || !isStrings(df.terms) || !isCounts(df.counts) || df.terms.length !== df.counts.length) corrupt('bad df');
  if (!isObject(vocab) || !isStrings(vocab.terms) || !isStrings(vocab.labels) || vocab.terms.length !== vocab.labels.length) {
    corrupt('bad vocabulary');
  }
  const vocabSize = vocab.terms.length;
  if (!Array.isArray(items) || !items.every((item) => validItem(item, vocabSize))) corrupt('bad items');
  return value as unknown as ConnectionSnapshot;
}
