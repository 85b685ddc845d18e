// The search index the background worker keeps: a quick tier for every keystroke, a full tier for
// article text, both MiniSearch; plus snapshots and catch-up so a restarted worker need not rebuild.
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { SearchSnapshotError } from './errors';
import { QUICK_FIELDS, docKey, refFromKey, toFullDoc, toQuickDoc, type FullDoc, type QuickDoc } from './documents';
import { compileFilter, hasFilters, type StoredFields } from './filters';
import { mergeFilters, parseQuery, type ParsedQuery } from './query-parser';
import { MAX_FUZZY, MIN_FULL_PREFIX_LENGTH, planQuery, type PlannedTerm } from './query-plan';
import { codePointLength } from './normalize';
import {
  FULL_BOOSTS,
  FULL_TIER_WEIGHT,
  MATCH_WEIGHTS,
  QUICK_BOOSTS,
  bucketFloor,
  compareRankKeys,
  relevanceBucket,
  type RankKey,
} from './ranking';
import { SharedKeys } from './shared-keys';
import { TwinIds } from './twin-ids';
import { scorerFor, type ScoreOptions, type TermSpec, type TierMatches } from './tier-scorer';
import { INDEX_VERSION, guardLoad, parseTier, validateEnvelope, type FullTierSource, type SearchSnapshot } from './snapshot';
import { createFullTier, createQuickTier, loadQuickTier } from './tiers';
import { compactTermIndex } from './compact-postings';
import { markFieldLengthsExact, trimFieldLengths } from './field-lengths';
import { CHUNK_CHARS, fullTierPieces, loadFullTierParts } from './full-tier-codec';
import { captureTier, tierPieces, viewTier } from './tier-json';
import type { ItemRef, SearchFilters, SearchHit, SearchItem } from './types';
import { yieldToEvents, type Pause } from '../time-slices';

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

interface Ranked extends RankKey {
  score: number;
  /** Adds what matched in the item (read only for the hits returned). */
  explain: (into: Matched) => void;
}

interface Matched {
  terms: Set<string>;
  queryTerms: Set<string>;
  fields: Set<string>;
}

type Predicate = (stored: Partial<StoredFields> | undefined) => boolean;

/** A plan's terms with the bit each sets in a document's mask. */
type BitTerm = PlannedTerm & { bit: number };

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
  private readonly keys = new SharedKeys();
  private readonly twins = new TwinIds();

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
    markFieldLengthsExact(index.quick);
    // Part of restoring: the first keystroke should not be the one copying 100,000 items' field lengths.
    scorerFor(index.quick).prepare();
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
    const doc = this.shareKeys(toQuickDoc(item));
    // replace() is MiniSearch's discard + add: old postings are cleaned up by vacuuming, not now.
    if (this.quick.has(doc.key)) this.quick.replace(doc);
    else this.quick.add(doc);
    this.meta.set(doc.key, this.storedOf(doc.key) ?? {});
    this.twins.changed();
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
    this.twins.changed();
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
  loadFullTier(pause: Pause = yieldToEvents): Promise<void> {
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
   * Moves long posting lists into typed arrays (the same results from about half the memory) and lets
   * go of the spare room in new documents' field lengths. A loaded snapshot is compact already; this
   * catches what grew from added items. Runs in slices of a few milliseconds, awaiting `pause` between them.
   */
  async compact(pause: Pause = yieldToEvents): Promise<void> {
    await compactTermIndex(this.quick, pause);
    trimFieldLengths(this.quick);
    if (!this.full) return;
    await compactTermIndex(this.full, pause);
    trimFieldLengths(this.full);
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
   * The index as a snapshot to persist, made a piece at a time as it is read (read it to the end or stop
   * with return(), as for-of does). The quick tier is captured now, so it keeps answering and changing
   * meanwhile; the full tier is read as it is (see savedFullPieces). A restored index must have loaded
   * its full tier first (loadFullTier()): the saved one is read in parts, too slowly to pass through here,
   * and a snapshot without it would lose article text.
   */
  toSnapshot(): SearchSnapshot {
    if (this.awaitingFull) throw new Error('The full tier has not been attached yet: a snapshot now would lose it');
    if (!this.full) throw new Error('The full tier is not loaded yet: load it before taking a snapshot');
    return {
      version: INDEX_VERSION,
      quick: tierPieces(captureTier(this.quick), CHUNK_CHARS),
      full: this.savedFullPieces(this.full),
      watermark: this.mark,
    };
  }

  /**
   * The full tier's pieces, read between the messages of a transfer while items keep being indexed: from
   * the first piece to the last, full-tier changes wait in the journal (article text changed meanwhile is
   * found once the pieces are read), as its posting lists are read piece by piece. The tier may be ahead
   * of the quick tier's watermark by then: catch-up after a restore applies those changes again, which is
   * harmless.
   */
  private *savedFullPieces(tier: MiniSearch<FullDoc>): Generator<string> {
    if (this.savingFull) throw new Error('The full tier is already being saved');
    this.savingFull = true;
    try {
      yield* fullTierPieces(viewTier(tier));
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
    const terms: BitTerm[] = plan.terms.map((t, i) => ({ ...t, bit: 1 << i }));
    if (mode === 'both') return this.searchBoth(terms, predicate, limit);

    const tier = mode === 'quick' ? this.quick : this.full;
    if (!tier) return [];
    const scorer = scorerFor(tier);
    // Stored fields of an item, for filters and recency: the full tier stores none, its quick twin has them.
    const metaOf =
      mode === 'quick'
        ? (id: number) => scorer.storedOf(id) as Partial<StoredFields> | undefined
        : (id: number) => {
            const key = scorer.keyOf(id);
            return key === undefined ? undefined : this.meta.get(key);
          };
    const accept = accepting(metaOf, predicate);
    const options = scoreOptions(tier === this.full);
    // Items having every required word; complete words first, so the word being typed (a prefix that may
    // expand to hundreds of terms) is scored only for items that have the others.
    const required = terms.filter((t) => t.required).sort((x, y) => Number(x.prefix) - Number(y.prefix));
    let matches = required.length > 0 ? scorer.run(this.specs(tier, required), 'all', options) : null;
    // No item has every word (or no word is required): fall back to items having any.
    if (!matches || !matches.some(accept)) matches = scorer.run(this.specs(tier, terms), 'any-narrowed', options, accept);
    const found = matches;
    return this.top(found, terms, accept, metaOf, limit, (id, into) => found.explain(id, into.terms, into.fields));
  }

  /**
   * Both tiers, merged: every query word must be found somewhere in an item, in either tier (one word may
   * be in the title, another in the body); if no item has them all, items matching some are returned.
   */
  private searchBoth(terms: readonly BitTerm[], predicate: Predicate | null, limit: number): SearchHit[] {
    const quick = scorerFor(this.quick).run(this.specs(this.quick, terms), 'any', scoreOptions(false));
    const full = this.full ? scorerFor(this.full).run(this.specs(this.full, terms), 'any', scoreOptions(true)) : null;
    // Full-tier scores are added to each item's quick-tier entry; items gone from the quick tier are stale.
    for (let i = 0; full && i < full.count; i++) {
      const id = full.idAt(i);
      const twin = this.twins.twinOf(full, id, quick);
      if (twin !== undefined) quick.add(twin, full.scoreOf(id) * FULL_TIER_WEIGHT, full.maskOf(id));
    }
    const requiredMask = terms.reduce((mask, t) => (t.required ? mask | t.bit : mask), 0);
    const metaOf = (id: number) => quick.storedOf(id) as Partial<StoredFields> | undefined;
    const passes = accepting(metaOf, predicate);
    const complete = (id: number) => (quick.maskOf(id) & requiredMask) === requiredMask;
    const anyComplete = quick.some((id) => complete(id) && passes(id));
    const accept = anyComplete ? (id: number) => complete(id) && passes(id) : passes;
    return this.top(quick, terms, accept, metaOf, limit, (id, into) => {
      quick.explain(id, into.terms, into.fields);
      const key = quick.keyOf(id);
      const twin = key === undefined ? undefined : full?.idOf(key);
      if (twin !== undefined) full?.explain(twin, into.terms, into.fields);
    });
  }

  /** The tier's view of planned terms: article bodies wait for a longer prefix. */
  private specs(tier: MiniSearch<QuickDoc> | MiniSearch<FullDoc>, terms: readonly BitTerm[]): TermSpec[] {
    const isFull = tier === this.full;
    return terms.map((t) => ({
      term: t.term,
      // Article bodies hold far more distinct words: a three-letter prefix there expands to
      // thousands of terms (hundreds of ms) for little value, so the full tier waits for a fourth.
      prefix: t.prefix && (!isFull || codePointLength(t.term) >= MIN_FULL_PREFIX_LENGTH),
      fuzzy: t.fuzzy,
      partial: t.prefix,
      bit: t.bit,
    }));
  }

  /**
   * The best `limit` accepted matches: more relevant first, then more recent. A match's score is its
   * summed term scores times the number of query words it has. Only items whose relevance class can
   * still reach the top are looked at closely; the rest of a 50,000-match keystroke is compared by score alone.
   */
  private top(
    matches: TierMatches,
    terms: readonly BitTerm[],
    accept: (id: number) => boolean,
    metaOf: (id: number) => Partial<StoredFields> | undefined,
    limit: number,
    explain: (id: number, into: Matched) => void,
  ): SearchHit[] {
    const scoreOf = (id: number) => matches.scoreOf(id) * bitCount(matches.maskOf(id));
    const floor = lowestTopScore(matches, scoreOf, accept, limit);
    const cutoff = relevanceBucket(floor);
    const near = floor === Number.NEGATIVE_INFINITY ? floor : bucketFloor(cutoff) * (1 - 1e-9);
    const ranked: Ranked[] = [];
    for (let i = 0; i < matches.count; i++) {
      const id = matches.idAt(i);
      const score = scoreOf(id);
      if (score < near) continue;
      const bucket = relevanceBucket(score);
      if (bucket < cutoff || !accept(id)) continue;
      const key = matches.keyOf(id);
      if (key === undefined) continue;
      const mask = matches.maskOf(id);
      ranked.push({
        ...refFromKey(key),
        score,
        savedAt: metaOf(id)?.savedAt ?? 0,
        bucket,
        explain: (into) => {
          for (const t of terms) if (mask & t.bit) into.queryTerms.add(t.term);
          explain(id, into);
        },
      });
    }
    ranked.sort(compareRankKeys);
    return ranked.slice(0, limit).map(toHit);
  }

  /** Lists items matching filters alone, newest first, straight from the stored fields. */
  private browse(predicate: Predicate, limit: number): SearchHit[] {
    const listed: Ranked[] = [];
    for (const [key, stored] of this.meta) {
      if (!predicate(stored)) continue;
      listed.push({ ...refFromKey(key), score: 1, savedAt: stored.savedAt ?? 0, bucket: 0, explain: () => {} });
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
    for (const [shortId, key] of Object.entries(js.documentIds)) this.meta.set(key as string, this.shareKeys(stored[shortId] ?? {}));
  }

  /** Puts shared copies of an item's filter keys in its fields (see SharedKeys); returns the same object. */
  private shareKeys<T extends Partial<StoredFields>>(fields: T): T {
    for (const name of ['tagKeys', 'siteKeys', 'collectionKeys'] as const) {
      const keys = fields[name];
      if (Array.isArray(keys)) fields[name] = this.keys.share(keys);
    }
    return fields;
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
    this.twins.changed();
    markFieldLengthsExact(tier);
    scorerFor(tier).prepare();
    this.full = tier;
    this.pendingFull = null;
    for (const [key, doc] of this.journal) applyFull(tier, key, doc);
    this.journal.clear();
  }
}

/** Terms per batch of a requested vacuum, and the pause after each. */
const EXPLICIT_VACUUM = { batchSize: 200, batchWait: 1 };

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

function scoreOptions(isFull: boolean): ScoreOptions {
  return { boosts: isFull ? FULL_BOOSTS : QUICK_BOOSTS, weights: MATCH_WEIGHTS, maxFuzzy: MAX_FUZZY };
}

/**
 * Whether an item may be a result: it passes the filters, and it is still in the quick tier (a full-tier
 * match whose item has left it has no stored fields there: it is stale).
 */
function accepting(metaOf: (id: number) => Partial<StoredFields> | undefined, predicate: Predicate | null): (id: number) => boolean {
  return (id) => {
    const meta = metaOf(id);
    return meta?.savedAt !== undefined && (!predicate || predicate(meta));
  };
}

/**
 * The `limit`-th highest score among accepted matches (a min-heap of the best so far, so `accept` runs
 * only for a match that would enter it), or -Infinity when fewer are accepted.
 */
function lowestTopScore(matches: TierMatches, scoreOf: (id: number) => number, accept: (id: number) => boolean, limit: number): number {
  if (limit <= 0) return Number.POSITIVE_INFINITY;
  const heap = new Float64Array(limit);
  let size = 0;
  for (let i = 0; i < matches.count; i++) {
    const id = matches.idAt(i);
    const score = scoreOf(id);
    if (size === limit && score <= heap[0]!) continue;
    if (!accept(id)) continue;
    if (size < limit) {
      let child = size++;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if (heap[parent]! <= score) break;
        heap[child] = heap[parent]!;
        child = parent;
      }
      heap[child] = score;
    } else {
      let parent = 0;
      for (;;) {
        let child = 2 * parent + 1;
        if (child >= size) break;
        if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
        if (heap[child]! >= score) break;
        heap[parent] = heap[child]!;
        parent = child;
      }
      heap[parent] = score;
    }
  }
  return size < limit ? Number.NEGATIVE_INFINITY : heap[0]!;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function toHit(r: Ranked): SearchHit {
  const matched: Matched = { terms: new Set(), queryTerms: new Set(), fields: new Set() };
  r.explain(matched);
  return {
    id: r.id,
    type: r.type,
    score: r.score,
    savedAt: r.savedAt,
    terms: [...matched.terms],
    queryTerms: [...matched.queryTerms],
    fields: [...matched.fields],
  };
}
