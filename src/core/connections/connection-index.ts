// The connection index: each item's top-K terms, an inverted index over them, and the library's word frequencies.
import { fingerprint } from '../search/documents';
import { normalizeKey } from '../search/normalize';
import { bridgeBetween, listTopicPairs, type TopicView, type UnitVector } from './bridges';
import { ConnectionSnapshotError } from './errors';
import { pairItems, pairKey } from './feedback';
import { englishShare } from './english';
import { bestPassage, locateTerms, type LocatedText, type SentenceHits } from './sentences';
import { CONNECTION_INDEX_VERSION, validateSnapshot, type ConnectionSnapshot } from './snapshot';
import { countTerms, isPhrase, type TermCounts } from './terms';
import type {
  Bridge,
  Connection,
  ConnectionItem,
  ExplainInput,
  Explanation,
  PageSource,
  RelatedOptions,
  RelatedResult,
  SharedTerm,
  TopicPair,
} from './types';
import { idf, minScoreFor, phraseIdf, selectionIdf, strengthOf, tfWeight, topKFor } from './weights';

/** Items per list when the caller gives no limit. */
export const DEFAULT_RELATED_LIMIT = 5;
/** Shared terms reported per connection. */
export const TERMS_SHOWN = 5;
/**
 * An item's terms were chosen with the word frequencies of the library as it was then. Once the
 * library has grown this many times over (and by at least STALE_MIN_GROWTH items), stale() lists it
 * so the caller can update() it from storage and its terms are chosen again.
 */
const STALE_GROWTH = 2;
const STALE_MIN_GROWTH = 10;
/** Share of the library that must change before cached weights are recomputed (see ConnectionIndex.epoch). */
const EPOCH_SHARE = 0.01;
const EMPTY_COUNTS = new Uint16Array(0);

/** A term in some item's top K: the items having it (by slot) and its count in each. */
interface Posting {
  term: string;
  label: string;
  /** A phrase's two words, whose frequencies give its idf; null for a word. */
  parts: readonly [string, string] | null;
  slots: number[];
  counts: number[];
  /** idf cached for the weighting epoch `stamp`. */
  idf: number;
  stamp: number;
}

interface Entry {
  id: string;
  page: string;
  topics: string[];
  slot: number;
  postings: Posting[];
  /** Counts of its kept terms, parallel to `postings` (a typed array: a quarter of the memory of numbers). */
  counts: Uint16Array;
  /** Library size when the terms were selected. */
  n0: number;
  /** Fingerprint of title and text. */
  fp: string;
  /** Distinct words counted into df; more than its word postings means a removal must guess. */
  distinct: number;
  /** Vector length cached for the weighting epoch `normStamp`. */
  norm: number;
  normStamp: number;
  /** Where each kept term may occur in the item's text, by sentence (locateTerms), so explaining it does not search the text. */
  hits: SentenceHits | null;
}

/** One term of a source's vector. `weight` is its unit-vector weight (the vector's length is 1). */
interface QueryTerm {
  term: string;
  label: string;
  phrase: boolean;
  posting: Posting | undefined;
  weight: number;
}

/** A candidate of related(). */
interface Ranked {
  entry: Entry;
  score: number;
  confirmed: boolean;
  sharedTopics: string[];
}

/** related()'s order: strongest first, ties by key. */
const byScore = (a: Ranked, b: Ranked) => b.score - a.score || (a.entry.id < b.entry.id ? -1 : 1);

interface Selected {
  term: string;
  label: string;
  count: number;
  weight: number;
}

/** Counts what the index holds, for the caller's logs and rebuild decisions. */
export interface ConnectionIndexHealth {
  items: number;
  /** Distinct words with a document frequency. */
  words: number;
  /** Distinct terms in some item's top K. */
  terms: number;
  postings: number;
  /** Removals that could not take back all of an item's word frequencies (no previous text given). */
  drift: number;
  /** Items whose terms were chosen when the library was much smaller (see stale()). */
  stale: number;
}

/** The last text fingerprinted: a popup explains one source against each of its connections. */
let lastFingerprinted = { title: '', text: '', fp: fingerprint('\n') };

function textFingerprint(title: string, text: string): string {
  if (title !== lastFingerprinted.title || text !== lastFingerprinted.text) {
    lastFingerprinted = { title, text, fp: fingerprint(`${title}\n${text}`) };
  }
  return lastFingerprinted.fp;
}

function normalizeTopics(topics: readonly string[]): string[] {
  return [...new Set(topics.map(normalizeKey).filter(Boolean))];
}

/**
 * Finds saved items related to a source and says whether they share a topic with it.
 *
 * Each item keeps only its top-K terms (raw counts, not weights) and their postings. Word document
 * frequencies are kept for every word, so weights are computed when asked, from the library as it is
 * now: adding items never makes stored weights wrong, only (much later) the choice of which K terms
 * an item keeps; stale() names those items. A source's score against an item is the cosine of their
 * weighted top-K vectors, computed by walking only the postings of the source's own terms.
 */
export class ConnectionIndex {
  /** A fixed K, or null for K adapted to the library's size (topKFor). */
  readonly fixedTopK: number | null;
  /** Share of the library that must change before a new weighting epoch (EPOCH_SHARE unless tests say). */
  private readonly epochShare: number;
  /** Items added, updated or removed since takeTouched() was last called. */
  private touched = new Set<string>();
  private readonly byId = new Map<string, Entry>();
  private readonly entries: Array<Entry | undefined> = [];
  private readonly free: number[] = [];
  private readonly df = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private readonly topicMembers = new Map<string, Set<Entry>>();
  /**
   * Cached idf and vector lengths are valid for one epoch. A new epoch starts once the library has
   * changed by EPOCH_SHARE of its size (every change while it is small): recomputing every weight
   * after each add would make the first query after a clip pay for the whole library, while a 1%
   * change moves weights by far less than the gaps between strength thresholds.
   */
  private epoch = 0;
  private changes = 0;
  private drift = 0;
  // Scratch space of the scorer, reused across queries and grown with the slots.
  private acc = new Float64Array(0);
  private seen = new Int32Array(0);
  private queryStamp = 0;

  /**
   * `topK` fixes how many terms each item keeps; leave it out to let K follow the library's size.
   * `epochShare` is the share of the library that must change before cached weights are recomputed.
   */
  constructor(options: { topK?: number; epochShare?: number } = {}) {
    this.fixedTopK = options.topK === undefined ? null : Math.max(1, Math.floor(options.topK));
    this.epochShare = options.epochShare ?? EPOCH_SHARE;
  }

  /**
   * The weighting epoch: scores of unchanged items stay exactly the same while it does not change
   * (see `epoch`), so a list of scores computed in it stays true for the pairs of unchanged items.
   */
  get weightsEpoch(): number {
    return this.epoch;
  }

  /** Keys of the items added, updated or removed since the last call (in no particular order), and forgets them. */
  takeTouched(): string[] {
    const ids = [...this.touched];
    this.touched.clear();
    return ids;
  }

  /** Terms an item added now keeps. */
  get topK(): number {
    return this.fixedTopK ?? topKFor(this.size);
  }

  /** Items in the index. */
  get size(): number {
    return this.byId.size;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Keys of the indexed items, in the order they were added. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** The topics an indexed item is in, or undefined. */
  topicsOf(id: string): readonly string[] | undefined {
    return this.byId.get(id)?.topics;
  }

  /** Adds an item (an item already indexed under its id is updated instead). */
  add(item: ConnectionItem): void {
    if (this.byId.has(item.id)) {
      this.update(item);
      return;
    }
    const counts = countTerms(item.title, item.text);
    let distinct = 0;
    for (const term of counts.counts.keys()) {
      if (isPhrase(term)) continue;
      this.df.set(term, (this.df.get(term) ?? 0) + 1);
      distinct++;
    }
    const slot = this.free.pop() ?? this.entries.length;
    const entry: Entry = {
      id: item.id,
      page: item.page,
      topics: [],
      slot,
      postings: [],
      counts: EMPTY_COUNTS,
      n0: 0,
      fp: textFingerprint(item.title, item.text),
      distinct,
      norm: 0,
      normStamp: -1,
      hits: null,
    };
    this.entries[slot] = entry;
    this.byId.set(item.id, entry);
    this.touched.add(item.id);
    this.changed();
    this.setTopics(entry, item.topics);
    this.attach(entry, this.select(counts, this.size, 0), item.text);
  }

  /**
   * Removes an item; returns whether it was indexed. Its postings go exactly (its top-K terms name
   * them). Its word frequencies go exactly when `previous` (the title and text it was indexed with) is
   * given; otherwise only its top-K words are taken back and the rest stay counted (see health().drift).
   */
  remove(id: string, previous?: { title: string; text: string }): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    if (previous && textFingerprint(previous.title, previous.text) === entry.fp) {
      for (const term of countTerms(previous.title, previous.text).counts.keys()) if (!isPhrase(term)) this.decrementDf(term);
    } else {
      let taken = 0;
      for (const posting of entry.postings) {
        if (posting.parts) continue;
        this.decrementDf(posting.term);
        taken++;
      }
      if (taken < entry.distinct) this.drift++;
    }
    // After the frequencies: the guess above reads the postings detach() drops.
    this.detach(entry);
    this.setTopics(entry, []);
    this.byId.delete(id);
    this.entries[entry.slot] = undefined;
    this.free.push(entry.slot);
    this.touched.add(id);
    this.changed();
    return true;
  }

  /**
   * Updates an item: remove and add, except that an unchanged title and text only changes its topics
   * and page (a tag edit costs no re-analysis), and re-chooses its terms if they are stale.
   * `previous` is as for remove().
   */
  update(item: ConnectionItem, previous?: { title: string; text: string }): void {
    const entry = this.byId.get(item.id);
    if (!entry) {
      this.add(item);
      return;
    }
    if (entry.fp !== textFingerprint(item.title, item.text)) {
      this.remove(item.id, previous);
      this.add(item);
      return;
    }
    const topics = normalizeTopics(item.topics);
    if (entry.page !== item.page || topics.length !== entry.topics.length || topics.some((topic, i) => topic !== entry.topics[i])) {
      this.touched.add(item.id);
    }
    entry.page = item.page;
    this.setTopics(entry, item.topics);
    if (this.isStale(entry)) {
      this.touched.add(item.id);
      this.detach(entry);
      this.attach(entry, this.select(countTerms(item.title, item.text), this.size, 0), item.text);
    }
  }

  /** Up to `limit` items whose terms were chosen when the library was much smaller: update() them from storage when idle. */
  stale(limit = 100): string[] {
    const ids: string[] = [];
    for (const entry of this.byId.values()) {
      if (ids.length >= limit) break;
      if (this.isStale(entry)) ids.push(entry.id);
    }
    return ids;
  }

  health(): ConnectionIndexHealth {
    let postings = 0;
    for (const posting of this.postings.values()) postings += posting.slots.length;
    let stale = 0;
    for (const entry of this.byId.values()) if (this.isStale(entry)) stale++;
    return { items: this.size, words: this.df.size, terms: this.postings.size, postings, drift: this.drift, stale };
  }

  /**
   * Items related to a source: a saved item's key, or the page open in the browser (saved or not).
   * Cross-topic ones are connections; the others are "more on this topic". Items of the source's own
   * page, dismissed pairs and scores under the minimum are left out; confirmed pairs are marked.
   */
  related(source: string | PageSource, options: RelatedOptions = {}): RelatedResult {
    const limit = options.limit ?? DEFAULT_RELATED_LIMIT;
    const { query, cross, same } = this.rank(source, options);
    const byQuery = new Map(query.filter((term) => term.posting).map((term) => [term.posting!, term]));
    const finish = (list: Ranked[]): Connection[] =>
      list
        .sort(byScore)
        .slice(0, limit)
        .map(({ entry, score, confirmed, sharedTopics }) => {
          const terms = this.sharedTerms(byQuery, entry);
          return {
            id: entry.id,
            score,
            strength: strengthOf(score, terms.length),
            sharedTopics,
            terms: terms.slice(0, TERMS_SHOWN),
            confirmed,
          };
        });
    return { connections: finish(cross), sameTopic: finish(same) };
  }

  /**
   * Every item related() would list as a connection of an indexed item, without a limit, best first,
   * with scores only (no shared terms): what may enter other items' lists when this one changes.
   */
  connectionScores(id: string, options: Omit<RelatedOptions, 'limit'> = {}): Array<{ id: string; score: number }> {
    return this.rank(id, options)
      .cross.sort(byScore)
      .map(({ entry, score }) => ({ id: entry.id, score }));
  }

  /** related()'s candidates, split into cross-topic and same-topic, unsorted. */
  private rank(source: string | PageSource, options: RelatedOptions): { query: QueryTerm[]; cross: Ranked[]; same: Ranked[] } {
    const minScore = options.minScore ?? minScoreFor(this.size);
    let query: QueryTerm[];
    let sourceId: string | undefined;
    let page: string | undefined;
    let topics: string[];
    if (typeof source === 'string') {
      const entry = this.byId.get(source);
      if (!entry) return { query: [], cross: [], same: [] };
      query = this.entryVector(entry);
      sourceId = entry.id;
      page = entry.page;
      topics = entry.topics;
    } else {
      query = this.textVector(source.title, source.text);
      sourceId = source.id;
      page = source.page;
      topics = normalizeTopics(source.topics);
    }
    // Most items touched score under the minimum: they are dropped before any pair key is built.
    const confirmedWith = sourceId === undefined ? new Set<string>() : partnersOf(sourceId, options.confirmed);
    const scored = this.score(
      query,
      (entry, score) => entry.id !== sourceId && entry.page !== page && (score >= minScore || confirmedWith.has(entry.id)),
    );
    const cross: Ranked[] = [];
    const same: Ranked[] = [];
    for (const { entry, score } of scored) {
      if (sourceId !== undefined && options.dismissed?.has(pairKey(sourceId, entry.id))) continue;
      const confirmed = confirmedWith.has(entry.id);
      const sharedTopics = entry.topics.filter((topic) => topics.includes(topic));
      (sharedTopics.length > 0 ? same : cross).push({ entry, score, confirmed, sharedTopics });
    }
    return { query, cross, same };
  }

  /** The shared terms of two indexed items, strongest first (empty when either is missing). */
  pairTerms(a: string, b: string, limit = TERMS_SHOWN): SharedTerm[] {
    const source = this.byId.get(a);
    const target = this.byId.get(b);
    if (!source || !target) return [];
    const query = this.entryVector(source);
    const byQuery = new Map(query.filter((term) => term.posting).map((term) => [term.posting!, term]));
    return this.sharedTerms(byQuery, target).slice(0, limit);
  }

  /** The score of one pair of indexed items (0 when either is missing), e.g. for a confirmed pair not listed. */
  pairScore(a: string, b: string): number {
    const source = this.byId.get(a);
    if (!source || !this.byId.has(b)) return 0;
    return this.score(this.entryVector(source), (entry) => entry.id === b)[0]?.score ?? 0;
  }

  /**
   * Why two items are related: their score, the shared terms carrying it, and from each side the
   * sentence where those terms weigh most. Pass each item's text (the index keeps none); an input whose
   * `id` is indexed with the same text uses its indexed terms, so the score is the one related() gave.
   */
  explain(source: ExplainInput, target: ExplainInput, options: { terms?: number } = {}): Explanation {
    const sourceEntry = this.indexedAs(source);
    const targetEntry = this.indexedAs(target);
    const sourceVector = sourceEntry ? this.entryVector(sourceEntry) : this.textVector(source.title, source.text);
    const targetVector = targetEntry ? this.entryVector(targetEntry) : this.textVector(target.title, target.text);
    const targetByTerm = new Map(targetVector.map((term) => [term.term, term]));
    const terms: SharedTerm[] = [];
    for (const term of sourceVector) {
      const other = targetByTerm.get(term.term);
      if (!other) continue;
      terms.push({ term: term.term, label: term.label, contribution: term.weight * other.weight, phrase: term.phrase });
    }
    terms.sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1));
    const score = terms.reduce((sum, term) => sum + term.contribution, 0);
    const weights = new Map(terms.map((term) => [term.term, term.contribution]));
    const sourceTopics = normalizeTopics(source.topics ?? (source.id ? (this.byId.get(source.id)?.topics ?? []) : []));
    const targetTopics = normalizeTopics(target.topics ?? (target.id ? (this.byId.get(target.id)?.topics ?? []) : []));
    const passage = (input: ExplainInput, entry: Entry | undefined) =>
      bestPassage(input.text, weights, undefined, entry && located(entry)) ?? bestPassage(input.title, weights);
    return {
      score,
      strength: strengthOf(score, terms.length),
      sharedTopics: sourceTopics.filter((topic) => targetTopics.includes(topic)),
      terms: terms.slice(0, options.terms ?? TERMS_SHOWN),
      source: passage(source, sourceEntry),
      target: passage(target, targetEntry),
    };
  }

  /** What connects two topics: items in both, terms distinctive in both, their similarity and best pairs. */
  bridges(topicA: string, topicB: string, options: { terms?: number; pairs?: number } = {}): Bridge {
    return bridgeBetween(this.topicView(), normalizeKey(topicA), normalizeKey(topicB), options);
  }

  /** Pairs of topics with their bridge strength, strongest first. */
  topicPairs(options: { limit?: number; minItems?: number } = {}): TopicPair[] {
    return listTopicPairs(this.topicView(), options);
  }

  /** Topics and how many items each has, largest first. */
  topics(): Array<{ topic: string; items: number }> {
    return [...this.topicMembers]
      .map(([topic, members]) => ({ topic, items: members.size }))
      .sort((a, b) => b.items - a.items || (a.topic < b.topic ? -1 : 1));
  }

  /** A JSON-safe snapshot, to persist like the search index and restore with fromJSON. */
  toJSON(): ConnectionSnapshot {
    const vocabIndex = new Map<Posting, number>();
    const vocab = { terms: [] as string[], labels: [] as string[] };
    for (const posting of this.postings.values()) {
      vocabIndex.set(posting, vocab.terms.length);
      vocab.terms.push(posting.term);
      vocab.labels.push(posting.label);
    }
    return {
      version: CONNECTION_INDEX_VERSION,
      topK: this.fixedTopK,
      drift: this.drift,
      df: { terms: [...this.df.keys()], counts: [...this.df.values()] },
      vocab,
      items: [...this.byId.values()].map((entry) => ({
        id: entry.id,
        page: entry.page,
        topics: [...entry.topics],
        n0: entry.n0,
        fp: entry.fp,
        distinct: entry.distinct,
        terms: entry.postings.map((posting) => vocabIndex.get(posting)!),
        counts: [...entry.counts],
        hits: entry.hits ? [...entry.hits] : [],
      })),
    };
  }

  /** Restores a snapshot; throws ConnectionSnapshotError (then rebuild from storage) if it is of another version or damaged. */
  static fromJSON(value: unknown): ConnectionIndex {
    const snapshot = validateSnapshot(value);
    const index = new ConnectionIndex(snapshot.topK === null ? {} : { topK: snapshot.topK });
    index.drift = snapshot.drift;
    snapshot.df.terms.forEach((term, i) => index.df.set(term, snapshot.df.counts[i]!));
    // Postings are built by vocabulary position (no lookup by term), each array allocated at its final length.
    const lengths = new Uint32Array(snapshot.vocab.terms.length);
    for (const item of snapshot.items) for (const term of item.terms) lengths[term]!++;
    const postings: Posting[] = snapshot.vocab.terms.map((term, i) => ({
      term,
      label: snapshot.vocab.labels[i]!,
      parts: splitPhrase(term),
      slots: new Array<number>(lengths[i]!),
      counts: new Array<number>(lengths[i]!),
      idf: 0,
      stamp: -1,
    }));
    const filled = new Uint32Array(postings.length);
    for (const item of snapshot.items) {
      if (index.byId.has(item.id)) throw new ConnectionSnapshotError('corrupt', `Connection snapshot lists ${item.id} twice`);
      const slot = index.entries.length;
      const counts = new Uint16Array(item.counts.length);
      for (let i = 0; i < counts.length; i++) counts[i] = Math.min(item.counts[i]!, 0xffff);
      const entry: Entry = {
        id: item.id,
        page: item.page,
        topics: [],
        slot,
        postings: [],
        counts,
        n0: item.n0,
        fp: item.fp,
        distinct: item.distinct,
        norm: 0,
        normStamp: -1,
        hits: item.hits.length > 0 ? Uint16Array.from(item.hits) : null,
      };
      index.entries.push(entry);
      index.byId.set(item.id, entry);
      index.setTopics(entry, item.topics);
      entry.postings = item.terms.map((term, i) => {
        const posting = postings[term]!;
        const at = filled[term]!++;
        posting.slots[at] = slot;
        posting.counts[at] = counts[i]!;
        return posting;
      });
    }
    for (const posting of postings) if (posting.slots.length > 0) index.postings.set(posting.term, posting);
    return index;
  }

  // --- internals -------------------------------------------------------------------------------

  /** Counts a change of document frequencies; starts a new weighting epoch when enough have accumulated. */
  private changed(): void {
    this.changes++;
    if (this.changes >= Math.max(1, this.size * this.epochShare)) {
      this.epoch++;
      this.changes = 0;
    }
  }

  private isStale(entry: Entry): boolean {
    return this.size >= STALE_GROWTH * entry.n0 && this.size - entry.n0 >= STALE_MIN_GROWTH;
  }

  private decrementDf(term: string): void {
    const count = this.df.get(term);
    if (count === undefined) return;
    if (count <= 1) this.df.delete(term);
    else this.df.set(term, count - 1);
  }

  private setTopics(entry: Entry, topics: readonly string[]): void {
    for (const topic of entry.topics) {
      const members = this.topicMembers.get(topic);
      members?.delete(entry);
      if (members?.size === 0) this.topicMembers.delete(topic);
    }
    entry.topics = normalizeTopics(topics);
    for (const topic of entry.topics) {
      let members = this.topicMembers.get(topic);
      if (!members) this.topicMembers.set(topic, (members = new Set()));
      members.add(entry);
    }
  }

  /** idf of a word or phrase in a library of `n` items, counting `extra` more items having it. */
  private termIdf(term: string, parts: readonly [string, string] | null, n: number, extra: number, weigh = idf): number {
    const word = (key: string) => weigh((this.df.get(key) ?? 0) + extra, n, englishShare(key));
    return parts ? phraseIdf(word(parts[0]), word(parts[1])) : word(term);
  }

  private postingIdf(posting: Posting): number {
    if (posting.stamp !== this.epoch) {
      posting.idf = this.termIdf(posting.term, posting.parts, this.size, 0);
      posting.stamp = this.epoch;
    }
    return posting.idf;
  }

  private norm(entry: Entry): number {
    if (entry.normStamp !== this.epoch) {
      let sum = 0;
      for (let i = 0; i < entry.postings.length; i++) {
        const weight = tfWeight(entry.counts[i]!) * this.postingIdf(entry.postings[i]!);
        sum += weight * weight;
      }
      entry.norm = Math.sqrt(sum);
      entry.normStamp = this.epoch;
    }
    return entry.norm;
  }

  /**
   * The top-K terms of counted text in a library of `n` items (`extra` = 1 for a text not in it),
   * ranked by selectionIdf so a tiny library still gets terms; `weight` is the scoring weight.
   */
  private select(counts: TermCounts, n: number, extra: number): Selected[] {
    const topK = this.fixedTopK ?? topKFor(n);
    const ranked: Array<{ term: string; count: number; rank: number }> = [];
    for (const [term, count] of counts.counts) {
      ranked.push({ term, count, rank: tfWeight(count) * this.termIdf(term, splitPhrase(term), n, extra, selectionIdf) });
    }
    ranked.sort((a, b) => b.rank - a.rank || (a.term < b.term ? -1 : 1));
    // Scoring weights are needed for the kept terms only.
    return ranked.slice(0, topK).map(({ term, count }) => ({
      term,
      count,
      label: counts.labels.get(term) ?? term,
      weight: tfWeight(count) * this.termIdf(term, splitPhrase(term), n, extra),
    }));
  }

  /** Makes `selected` the entry's terms, and locates them in its `text`. */
  private attach(entry: Entry, selected: readonly Selected[], text: string): void {
    entry.counts = new Uint16Array(selected.length);
    entry.n0 = this.size;
    entry.normStamp = -1;
    // Built with map, not push: an array of exactly K pointers, without growth slack, per item.
    entry.postings = selected.map(({ term, label, count }, i) => {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = { term, label, parts: splitPhrase(term), slots: [], counts: [], idf: 0, stamp: -1 };
        this.postings.set(term, posting);
      }
      const clamped = Math.min(count, 0xffff);
      posting.slots.push(entry.slot);
      posting.counts.push(clamped);
      entry.counts[i] = clamped;
      return posting;
    });
    entry.hits = locateTerms(
      text,
      entry.postings.map((posting) => posting.term),
    );
  }

  private detach(entry: Entry): void {
    for (const posting of entry.postings) {
      const at = posting.slots.indexOf(entry.slot);
      if (at < 0) continue;
      // Order within a posting does not matter: swap with the last and drop it.
      const last = posting.slots.length - 1;
      posting.slots[at] = posting.slots[last]!;
      posting.counts[at] = posting.counts[last]!;
      posting.slots.pop();
      posting.counts.pop();
      if (posting.slots.length === 0) this.postings.delete(posting.term);
    }
    entry.postings = [];
    entry.counts = EMPTY_COUNTS;
    entry.hits = null;
  }

  /** An indexed item's unit vector over its top-K terms. */
  private entryVector(entry: Entry): QueryTerm[] {
    const norm = this.norm(entry);
    return entry.postings.map((posting, i) => ({
      term: posting.term,
      label: posting.label,
      phrase: posting.parts !== null,
      posting,
      weight: norm > 0 ? (tfWeight(entry.counts[i]!) * this.postingIdf(posting)) / norm : 0,
    }));
  }

  /** The unit vector of a text not in the index, weighted as if it had been added. */
  private textVector(title: string, text: string): QueryTerm[] {
    const selected = this.select(countTerms(title, text), this.size + 1, 1);
    const norm = Math.sqrt(selected.reduce((sum, term) => sum + term.weight * term.weight, 0));
    return selected.map((term) => ({
      term: term.term,
      label: term.label,
      phrase: isPhrase(term.term),
      posting: this.postings.get(term.term),
      weight: norm > 0 ? term.weight / norm : 0,
    }));
  }

  /** The entry an explained input is, when it is indexed with this very title and text (else it is analysed afresh). */
  private indexedAs(input: ExplainInput): Entry | undefined {
    const entry = input.id === undefined ? undefined : this.byId.get(input.id);
    return entry && entry.fp === textFingerprint(input.title, input.text) ? entry : undefined;
  }

  /** Cosine of the query with every item sharing one of its terms and passing `accept`. */
  private score(query: readonly QueryTerm[], accept: (entry: Entry, score: number) => boolean): Array<{ entry: Entry; score: number }> {
    if (this.acc.length < this.entries.length) {
      const capacity = Math.max(64, this.entries.length * 2);
      this.acc = new Float64Array(capacity);
      this.seen = new Int32Array(capacity);
      this.queryStamp = 0;
    }
    const stamp = ++this.queryStamp;
    const touched: number[] = [];
    const { acc, seen } = this;
    for (const term of query) {
      const posting = term.posting;
      if (!posting || term.weight <= 0) continue;
      const factor = term.weight * this.postingIdf(posting);
      if (factor <= 0) continue;
      const { slots, counts } = posting;
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        if (seen[slot] !== stamp) {
          seen[slot] = stamp;
          acc[slot] = 0;
          touched.push(slot);
        }
        acc[slot]! += factor * tfWeight(counts[i]!);
      }
    }
    const results: Array<{ entry: Entry; score: number }> = [];
    for (const slot of touched) {
      const entry = this.entries[slot]!;
      const norm = this.norm(entry);
      if (norm <= 0) continue;
      // Rounding can push a perfect match a hair past 1.
      const score = Math.min(1, acc[slot]! / norm);
      if (accept(entry, score)) results.push({ entry, score });
    }
    return results;
  }

  /** Shared terms of a query and an item with their contributions, largest first. */
  private sharedTerms(query: ReadonlyMap<Posting, QueryTerm>, entry: Entry): SharedTerm[] {
    const norm = this.norm(entry);
    const terms: SharedTerm[] = [];
    entry.postings.forEach((posting, i) => {
      const term = query.get(posting);
      if (!term || norm <= 0) return;
      const contribution = (term.weight * tfWeight(entry.counts[i]!) * this.postingIdf(posting)) / norm;
      if (contribution > 0) terms.push({ term: posting.term, label: posting.label, contribution, phrase: posting.parts !== null });
    });
    return terms.sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1));
  }

  /** What bridges.ts needs: topic members, unit vectors and restricted scoring. */
  private topicView(): TopicView {
    return {
      minScore: minScoreFor(this.size),
      topics: () => [...this.topicMembers.keys()],
      members: (topic) => [...(this.topicMembers.get(topic) ?? [])].map((entry) => entry.id),
      vector: (id): UnitVector => {
        const entry = this.byId.get(id);
        const vector: UnitVector = new Map();
        if (entry) for (const term of this.entryVector(entry)) vector.set(term.term, term.weight);
        return vector;
      },
      label: (term) => this.postings.get(term)?.label ?? term,
      pairs: (sourceId, candidates) => {
        const entry = this.byId.get(sourceId);
        if (!entry) return [];
        const query = this.entryVector(entry);
        const byQuery = new Map(query.filter((term) => term.posting).map((term) => [term.posting!, term]));
        return this.score(query, (other) => candidates.has(other.id) && other.page !== entry.page).map(({ entry: other, score }) => ({
          id: other.id,
          score,
          sharedTerms: this.sharedTerms(byQuery, other).length,
        }));
      },
    };
  }
}

/** Where an entry's kept terms are in its text, for bestPassage; undefined when they were not located. */
function located(entry: Entry): LocatedText | undefined {
  const { hits, postings } = entry;
  if (!hits) return undefined;
  return {
    hits,
    position: (term) => {
      const at = postings.findIndex((posting) => posting.term === term);
      return at < 0 ? undefined : at;
    },
  };
}

/** The items confirmed as connected to `id`, from unordered pair keys. */
function partnersOf(id: string, confirmed: ReadonlySet<string> | undefined): Set<string> {
  const partners = new Set<string>();
  for (const key of confirmed ?? []) {
    const [a, b] = pairItems(key);
    if (a === id) partners.add(b);
    else if (b === id) partners.add(a);
  }
  return partners;
}

function splitPhrase(term: string): readonly [string, string] | null {
  const space = term.indexOf(' ');
  return space < 0 ? null : [term.slice(0, space), term.slice(space + 1)];
}
