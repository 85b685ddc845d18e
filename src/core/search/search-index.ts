// The search index the background worker keeps: a quick tier for every keystroke, a full tier for
// article text, both MiniSearch; plus snapshots and catch-up so a restarted worker need not rebuild.
import MiniSearch, { type AsPlainObject, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { SearchSnapshotError } from './errors';
import { QUICK_FIELDS, docKey, refFromKey, toFullDoc, toQuickDoc, type FullDoc, type QuickDoc } from './documents';
import { compileFilter, hasFilters, type StoredFields } from './filters';
import { mergeFilters, parseQuery, type ParsedQuery } from './query-parser';
import { MAX_FUZZY, MIN_FULL_PREFIX_LENGTH, planQuery, type PlannedTerm, type QueryPlan } from './query-plan';
import { codePointLength } from './normalize';
import { FULL_BOOSTS, FULL_TIER_WEIGHT, MATCH_WEIGHTS, QUICK_BOOSTS, compareRankKeys, relevanceBucket, type RankKey } from './ranking';
import { INDEX_VERSION, guardLoad, parseTier, validateEnvelope, type FullTierSource, type SearchSnapshot } from './snapshot';
import { createFullTier, createQuickTier, loadQuickTier } from './tiers';
import { compactTermIndex } from './compact-postings';
import { serializeTier } from './posting-codec';
import { fullTierLines, loadFullTierParts } from './full-tier-codec';
import type { ItemRef, SearchFilters, SearchHit, SearchItem } from './types';

/** Results returned when no limit is given: more than a results list shows, few enough to stay cheap. */
export const DEFAULT_LIMIT = 50;

/** What changed in storage since the index's watermark. */
export interface SearchChanges {
  /** Items created or edited (their current state). */
  upserts?: readonly SearchItem[];
  /** Items deleted. Applied before upserts: an item both deleted and present again was re-created. */
  deletions?: readonly ItemRef[];
  /** The change-feed position these changes bring the index up to. */
  watermark?: number;
}

/** A query as typed in the search box, or already parsed with parseQuery. */
export type QueryInput = string | ParsedQuery;

interface Accumulated {
  /** Sum over tiers of tier-weighted scores, before the "words matched" multiplier. */
  raw: number;
  /** Bit i set: the plan's term i matched somewhere in the item. */
  mask: number;
  /** The tier results, read again only for the few hits returned (matched terms and fields). */
  results: SearchResult[];
}

interface Ranked extends RankKey {
  score: number;
  /** The tier results behind the hit, read only for hits returned (matched terms and fields). */
  results: readonly SearchResult[];
}

type Predicate = (stored: Partial<StoredFields> | undefined) => boolean;

// Query terms are planned and normalised already: one term per sub-query, processed no further.
const splitPlanned = (query: string): string[] => [query];
const identity = (term: string): string => term;

/**
 * Two MiniSearch tiers over the same items. The quick tier (titles, sites,
 * excerpts, tags, collections, highlight text and notes) answers every keystroke;
 * the full tier (article text) refines results once typing pauses. Items are
 * keyed by (type, id). Not thread-safe by design: the worker is single-threaded.
 */
export class SearchIndex {
  private quick: MiniSearch<QuickDoc> = createQuickTier();
  private full: MiniSearch<FullDoc> | null = createFullTier();
  /** Where the saved full tier is read from once it is needed. */
  private pendingFull: FullTierSource | null = null;
  /** Full-tier changes made while the full tier is not loaded or is being saved, latest per key (null: removed). */
  private readonly journal = new Map<string, FullDoc | null>();
  private loadingFull: Promise<void> | null = null;
  /** The full tier's lines are being read for a snapshot: it must not change meanwhile, so changes wait in the journal. */
  private savingFull = false;
  /** A quick-only restore whose full tier has not been attached: it must not be replaced by an empty one. */
  private awaitingFull = false;
  private mark = 0;
  /**
   * The quick tier's stored fields by key (MiniSearch's own objects, not copies): lets
   * filter-only listings and full-tier results reach them without a search.
   */
  private readonly meta = new Map<string, Partial<StoredFields>>();

  /**
   * Restores the quick tier of a snapshot (its envelope and quick tier as read back from storage), so
   * as-you-type search answers at once; the large full tier is handed over with attachFullTier() and
   * loaded with loadFullTier(). Throws SearchSnapshotError when the snapshot is of another
   * INDEX_VERSION or damaged: catch it and rebuild.
   */
  static fromQuickSnapshot(snapshot: unknown): SearchIndex {
    const envelope = validateEnvelope(snapshot);
    const quickJs = parseTier(envelope.quick, QUICK_FIELDS, 'quick');
    const index = new SearchIndex();
    index.quick = guardLoad(() => loadQuickTier(quickJs), 'quick');
    index.indexStoredFields(quickJs);
    index.mark = envelope.watermark;
    index.full = null;
    index.awaitingFull = true;
    return index;
  }

  /** Hands over where the full tier of a quick-only restore is read from; loadFullTier() then loads it. */
  attachFullTier(source: FullTierSource): void {
    if (!this.awaitingFull) return;
    this.awaitingFull = false;
    this.pendingFull = source;
  }

  /** The change-feed position the index is current up to (0 for a fresh index). */
  get watermark(): number {
    return this.mark;
  }

  /** Number of items (clips and highlights) indexed. */
  get size(): number {
    return this.quick.documentCount;
  }

  /** Whether article text is searchable yet; until then search() answers from the quick tier. */
  get fullTierLoaded(): boolean {
    return this.full !== null;
  }

  /** Whether an item is indexed. */
  has(ref: ItemRef): boolean {
    return this.quick.has(docKey(ref.type, ref.id));
  }

  /** Adds or replaces an item in both tiers. Re-indexing an unchanged article body is skipped. */
  upsert(item: SearchItem): void {
    const doc = toQuickDoc(item);
    // replace() is MiniSearch's discard + add: old postings are cleaned up by vacuuming, not now.
    if (this.quick.has(doc.key)) this.quick.replace(doc);
    else this.quick.add(doc);
    this.meta.set(doc.key, this.storedOf(doc.key) ?? {});
    this.setFull(doc.key, toFullDoc(item));
  }

  /** Adds or replaces many items (an initial build). */
  addAll(items: Iterable<SearchItem>): void {
    for (const item of items) this.upsert(item);
  }

  /** Removes an item; removing one that is not indexed does nothing, so catch-up can repeat safely. */
  remove(ref: ItemRef): void {
    const key = docKey(ref.type, ref.id);
    // discard() is O(1) now and leaves stale postings for the (batched, background) vacuum.
    if (this.quick.has(key)) this.quick.discard(key);
    this.meta.delete(key);
    this.setFull(key, null);
  }

  /**
   * Catch-up after a restore: applies what changed in storage since `watermark`
   * (deletions first, then upserts) and moves the watermark forward. Idempotent,
   * so a watermark that lags behind the index only costs repeated work.
   */
  applyChanges(changes: SearchChanges): void {
    for (const ref of changes.deletions ?? []) this.remove(ref);
    for (const item of changes.upserts ?? []) this.upsert(item);
    if (changes.watermark !== undefined) this.advanceWatermark(changes.watermark);
  }

  /** Records that the index reflects storage up to `watermark` (it never moves back). */
  advanceWatermark(watermark: number): void {
    if (Number.isFinite(watermark) && watermark > this.mark) this.mark = watermark;
  }

  /**
   * Loads the attached full tier, a part at a time and a few milliseconds of work at a time with
   * `pause` awaited in between (searches run then), then applies the changes made since. Throws
   * SearchSnapshotError if a part is damaged or missing (the caller rebuilds). Safe to call repeatedly.
   */
  loadFullTier(pause: () => Promise<void> = yieldToTimers): Promise<void> {
    if (this.full) return Promise.resolve();
    if (this.awaitingFull) return Promise.reject(new Error('The full tier has not been attached yet'));
    this.loadingFull ??= this.loadFullAsync(pause).finally(() => {
      this.loadingFull = null;
    });
    return this.loadingFull;
  }

  /** Searches the quick tier only: for every keystroke. Filters add to those in the query. */
  searchQuick(query: QueryInput, filters: SearchFilters = {}, limit = DEFAULT_LIMIT): SearchHit[] {
    return this.run(query, filters, limit, 'quick');
  }

  /** Searches article text only (clips). Empty while the full tier is not loaded. */
  searchFull(query: QueryInput, filters: SearchFilters = {}, limit = DEFAULT_LIMIT): SearchHit[] {
    return this.run(query, filters, limit, 'full');
  }

  /**
   * Searches both tiers and merges them: for when typing pauses. Every query word
   * must be found somewhere in an item, in either tier; if no item has them all,
   * items matching some of them are returned instead, best first.
   */
  search(query: QueryInput, filters: SearchFilters = {}, limit = DEFAULT_LIMIT): SearchHit[] {
    return this.run(query, filters, limit, 'both');
  }

  /**
   * Moves long posting lists into typed arrays: the same results from about half the memory. Lists
   * loaded from a snapshot are compact already; this catches those that grew from added items.
   * Runs in slices of a few milliseconds, awaiting `pause` between them.
   */
  async compactPostings(pause: () => Promise<void> = yieldToTimers): Promise<void> {
    await compactTermIndex(this.quick, pause);
    if (this.full) await compactTermIndex(this.full, pause);
  }

  /** Cleans up stale postings left by updates and removals; worth awaiting before toSnapshot(). */
  async vacuum(): Promise<void> {
    // A vacuum walks every posting (tens of millions at 100k items), so only a tier with stale ones gets one,
    // in batches small enough that a search waiting between them is not held up for long.
    const clean = async (tier: MiniSearch<QuickDoc> | MiniSearch<FullDoc> | null) => {
      if (tier && tier.dirtCount > 0) await tier.vacuum(EXPLICIT_VACUUM);
    };
    await Promise.all([clean(this.quick), clean(this.full)]);
  }

  /**
   * The index as a snapshot to persist, its full tier made a line at a time as it is read (read it to
   * the end or stop with return(), as for-of does). A restored index must have loaded its full tier first
   * (loadFullTier()): the saved one is read in parts, too slowly to pass through here, and a snapshot
   * without it would lose article text.
   */
  toSnapshot(): SearchSnapshot {
    if (this.awaitingFull) throw new Error('The full tier has not been attached yet: a snapshot now would lose it');
    if (!this.full) throw new Error('The full tier is not loaded yet: load it before taking a snapshot');
    return { version: INDEX_VERSION, quick: serializeTier(this.quick), full: this.savedFullLines(this.full), watermark: this.mark };
  }

  /**
   * The full tier's lines, read between the messages of a transfer while items keep being indexed: from
   * the first line to the last, full-tier changes wait in the journal (article text changed meanwhile is
   * found once the lines are read). The tier may be ahead of the quick tier's watermark by then: catch-up
   * after a restore applies those changes again, which is harmless.
   */
  private *savedFullLines(tier: MiniSearch<FullDoc>): Generator<string> {
    if (this.savingFull) throw new Error('The full tier is already being saved');
    this.savingFull = true;
    try {
      yield* fullTierLines(tier);
    } finally {
      this.savingFull = false;
      if (this.full === tier) this.install(tier);
    }
  }

  private run(query: QueryInput, filters: SearchFilters, limit: number, mode: 'quick' | 'full' | 'both'): SearchHit[] {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const merged = mergeFilters(parsed.filters, filters);
    const predicate = hasFilters(merged) ? compileFilter(merged) : null;
    const plan = planQuery(parsed.text, parsed.lastWordComplete);

    if (plan.terms.length === 0) {
      // Filters alone ("tag:design") list what they match, newest first; nothing at all lists nothing.
      return predicate && mode !== 'full' ? this.browse(predicate, limit) : [];
    }

    const quickFilter = predicate ? (r: SearchResult) => predicate(r as Partial<StoredFields>) : undefined;
    // Full documents store no filter fields; their quick twin has them.
    const fullFilter = predicate ? (r: SearchResult) => predicate(this.meta.get(r.id as string)) : undefined;

    if (mode === 'both') {
      // OR in each tier, "every word" checked in rank(): one word may be in the title, another in the body.
      const found = new Map<string, Accumulated>();
      const bits = termBits(plan);
      accumulate(this.query(this.quick, plan.terms, 'OR', quickFilter), 1, bits, found);
      if (this.full) accumulate(this.query(this.full, plan.terms, 'OR', fullFilter), FULL_TIER_WEIGHT, bits, found);
      return this.rank(found, plan, limit);
    }

    const tier = mode === 'quick' ? this.quick : this.full;
    if (!tier) return [];
    const filter = mode === 'quick' ? quickFilter : fullFilter;
    // Within one tier MiniSearch intersects the required words itself, so only items having
    // them all become result objects to filter and sort: cheaper on every keystroke.
    const required = plan.terms.filter((t) => t.required);
    let results = required.length > 0 ? this.queryAll(tier, required, filter) : [];
    // No item has every word (or no word is required): fall back to items having any.
    if (results.length === 0) results = this.queryAny(tier, plan.terms, filter);
    return this.rankSorted(results, limit);
  }

  /**
   * Items of one tier having every term. The word being typed is a prefix that can
   * expand to hundreds of terms, all of whose postings MiniSearch would score before
   * intersecting; so the complete words narrow the candidates first, and the prefix
   * then scores only those.
   */
  private queryAll(
    tier: MiniSearch<QuickDoc> | MiniSearch<FullDoc>,
    terms: readonly PlannedTerm[],
    filter: ((r: SearchResult) => boolean) | undefined,
  ): SearchResult[] {
    const complete = terms.filter((t) => !t.prefix);
    if (complete.length === 0 || complete.length === terms.length) return this.query(tier, terms, 'AND', filter);
    const narrowed = this.query(tier, complete, 'AND', filter);
    if (narrowed.length === 0) return [];
    const candidates = new Set(narrowed.map((r) => r.id as string));
    return this.query(tier, terms, 'AND', filter, (id) => (candidates.has(id as string) ? 1 : 0));
  }

  /**
   * Items of one tier having any term, for when none has them all. The word being
   * typed only adds to items found by a complete word (a bare three-letter stub
   * finds too much to be useful, and costs the most), unless the complete words find nothing.
   */
  private queryAny(
    tier: MiniSearch<QuickDoc> | MiniSearch<FullDoc>,
    terms: readonly PlannedTerm[],
    filter: ((r: SearchResult) => boolean) | undefined,
  ): SearchResult[] {
    const complete = terms.filter((t) => !t.prefix);
    if (complete.length === 0 || complete.length === terms.length) return this.query(tier, terms, 'OR', filter);
    const narrowed = this.query(tier, complete, 'OR', filter);
    if (narrowed.length === 0) return this.query(tier, terms, 'OR', filter);
    const candidates = new Set(narrowed.map((r) => r.id as string));
    return this.query(tier, terms, 'OR', filter, (id) => (candidates.has(id as string) ? 1 : 0));
  }

  /** Runs planned terms against one tier, each term a sub-query with its own prefix and fuzzy settings. */
  private query(
    tier: MiniSearch<QuickDoc> | MiniSearch<FullDoc>,
    terms: readonly PlannedTerm[],
    combineWith: 'AND' | 'OR',
    filter: ((r: SearchResult) => boolean) | undefined,
    // MiniSearch skips documents boosted by 0 before scoring them: the cheap way to restrict a search.
    boostDocument?: (id: unknown) => number,
  ): SearchResult[] {
    const isFull = tier === this.full;
    const options: SearchOptions = {
      boost: { ...(isFull ? FULL_BOOSTS : QUICK_BOOSTS) },
      weights: { ...MATCH_WEIGHTS },
      maxFuzzy: MAX_FUZZY,
      tokenize: splitPlanned,
      processTerm: identity,
    };
    if (filter) options.filter = filter;
    if (boostDocument) options.boostDocument = boostDocument;
    const query: Query = {
      combineWith,
      queries: terms.map((t) => ({
        queries: [t.term],
        // Article bodies hold far more distinct words: a three-letter prefix there expands to
        // thousands of terms (hundreds of ms) for little value, so the full tier waits for a fourth.
        prefix: t.prefix && (!isFull || codePointLength(t.term) >= MIN_FULL_PREFIX_LENGTH),
        fuzzy: t.fuzzy,
      })),
    };
    return tier.search(query, options);
  }

  /**
   * Ranks one tier's results, which MiniSearch returns sorted by score. Only the
   * results that can still reach the top `limit` once recency breaks ties are
   * looked at: the rest of a 5,000-result keystroke is never touched.
   */
  private rankSorted(results: readonly SearchResult[], limit: number): SearchHit[] {
    const ranked: Ranked[] = [];
    let cutoff = Number.NEGATIVE_INFINITY;
    for (const result of results) {
      const bucket = relevanceBucket(result.score);
      if (ranked.length >= limit && bucket < cutoff) break;
      const key = result.id as string;
      const savedAt = this.meta.get(key)?.savedAt;
      // A full-tier result whose item is gone from the quick tier is stale: skip it.
      if (savedAt === undefined) continue;
      ranked.push({ ...refFromKey(key), score: result.score, savedAt, bucket, results: [result] });
      if (ranked.length === limit) cutoff = bucket;
    }
    ranked.sort(compareRankKeys);
    return ranked.slice(0, limit).map(toHit);
  }

  private rank(found: Map<string, Accumulated>, plan: QueryPlan, limit: number): SearchHit[] {
    let requiredMask = 0;
    plan.terms.forEach((t, i) => {
      if (t.required) requiredMask |= 1 << i;
    });
    const complete: Ranked[] = [];
    const partial: Ranked[] = [];
    for (const [key, acc] of found) {
      const savedAt = this.meta.get(key)?.savedAt;
      // A full-tier result whose item is gone from the quick tier is stale: skip it.
      if (savedAt === undefined) continue;
      const score = acc.raw * bitCount(acc.mask);
      const ranked: Ranked = { ...refFromKey(key), score, savedAt, bucket: relevanceBucket(score), results: acc.results };
      ((acc.mask & requiredMask) === requiredMask ? complete : partial).push(ranked);
    }
    const chosen = complete.length > 0 ? complete : partial;
    chosen.sort(compareRankKeys);
    return chosen.slice(0, limit).map(toHit);
  }

  /** Lists items matching filters alone, newest first, straight from the stored fields. */
  private browse(predicate: Predicate, limit: number): SearchHit[] {
    const listed: Ranked[] = [];
    for (const [key, stored] of this.meta) {
      if (!predicate(stored)) continue;
      listed.push({ ...refFromKey(key), score: 1, savedAt: stored.savedAt ?? 0, bucket: 0, results: [] });
    }
    listed.sort(compareRankKeys);
    return listed.slice(0, limit).map(toHit);
  }

  /**
   * Fills `meta` after a restore, from the snapshot's own objects (MiniSearch keeps those same objects as
   * stored fields): a wildcard search would build a result per item to reach them.
   */
  private indexStoredFields(js: AsPlainObject): void {
    this.meta.clear();
    const stored = js.storedFields as Record<string, Partial<StoredFields> | undefined>;
    for (const [shortId, key] of Object.entries(js.documentIds)) this.meta.set(key as string, stored[shortId] ?? {});
  }

  private storedOf(key: string): Partial<StoredFields> | undefined {
    return this.quick.getStoredFields(key) as Partial<StoredFields> | undefined;
  }

  private setFull(key: string, doc: FullDoc | null): void {
    if (this.full && !this.savingFull) applyFull(this.full, key, doc);
    else this.journal.set(key, doc);
  }

  private async loadFullAsync(pause: () => Promise<void>): Promise<void> {
    const source = this.pendingFull;
    if (source === null) return;
    let tier: MiniSearch<FullDoc>;
    try {
      tier = await loadFullTierParts(source, pause);
    } catch (cause) {
      if (cause instanceof SearchSnapshotError) throw cause;
      // Same remedy as a parse failure: rebuild.
      throw new SearchSnapshotError('corrupt', "Search snapshot's full tier could not be loaded", { cause });
    }
    this.install(tier);
  }

  private install(tier: MiniSearch<FullDoc>): void {
    this.full = tier;
    this.pendingFull = null;
    for (const [key, doc] of this.journal) applyFull(tier, key, doc);
    this.journal.clear();
  }
}

/** Terms per batch of a requested vacuum, and the pause after each. */
const EXPLICIT_VACUUM = { batchSize: 200, batchWait: 1 };

/** The default pause between slices of a full-tier load: lets timers and messages run. */
const yieldToTimers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function applyFull(tier: MiniSearch<FullDoc>, key: string, doc: FullDoc | null): void {
  if (!doc) {
    if (tier.has(key)) tier.discard(key);
    return;
  }
  if (!tier.has(key)) {
    tier.add(doc);
    return;
  }
  // Tag or title edits re-send the whole clip; a megabyte body need not be re-indexed for them.
  if (tier.getStoredFields(key)?.['sig'] === doc.sig) return;
  tier.replace(doc);
}

/** Adds one tier's results into the per-item totals of a two-tier search. */
function accumulate(results: readonly SearchResult[], weight: number, bits: Map<string, number>, into: Map<string, Accumulated>): void {
  for (const result of results) {
    const key = result.id as string;
    let acc = into.get(key);
    if (!acc) {
      acc = { raw: 0, mask: 0, results: [] };
      into.set(key, acc);
    }
    // MiniSearch multiplies by the number of query terms matched; undo it so tiers add up, redo it in rank().
    acc.raw += (result.score / Math.max(1, result.queryTerms.length)) * weight;
    for (const term of result.queryTerms) acc.mask |= bits.get(term) ?? 0;
    acc.results.push(result);
  }
}

/** Bit per plan term, by term text (MiniSearch reports matched query terms by text). */
function termBits(plan: QueryPlan): Map<string, number> {
  return new Map(plan.terms.map((t, i) => [t.term, 1 << i]));
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function toHit(r: Ranked): SearchHit {
  const terms = new Set<string>();
  const queryTerms = new Set<string>();
  const fields = new Set<string>();
  for (const result of r.results) {
    for (const term of result.queryTerms) queryTerms.add(term);
    for (const [term, matchedFields] of Object.entries(result.match)) {
      terms.add(term);
      for (const field of matchedFields) fields.add(field);
    }
  }
  return {
    id: r.id,
    type: r.type,
    score: r.score,
    savedAt: r.savedAt,
    terms: [...terms],
    queryTerms: [...queryTerms],
    fields: [...fields],
  };
}
