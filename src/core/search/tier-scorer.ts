// Scores one MiniSearch tier's posting lists straight into typed arrays. MiniSearch's own search() makes
// an object per matching document (score, matched terms, a copy of its stored fields), then sorts them
// all: at 100,000 items a common word matches tens of thousands of documents, and that work and the
// garbage it leaves were most of a keystroke. This scorer computes the same BM25+ scores as MiniSearch
// (same term expansion, weights and boosts) into arrays reused across searches; callers pick the few
// best documents and ask which terms and fields matched only for those.
import type { CompactPostings, FieldTermData } from './compact-postings';

/** One query term as a tier sees it. */
export interface TermSpec {
  /** Folded term, as indexed. */
  term: string;
  /** Also match indexed terms that start with it. */
  prefix: boolean;
  /**
   * The word being typed (a prefix in the query, whether or not this tier expands it): with
   * 'any-narrowed' it only adds to items a complete word found, and 'all' scores it last.
   */
  partial: boolean;
  /** Fraction of the length allowed as edit distance (capped by maxFuzzy), or false. */
  fuzzy: number | false;
  /** The bit this term sets in a document's mask when it matches there. */
  bit: number;
}

export interface ScoreOptions {
  /** Boost per field name; fields not named count 1. */
  boosts: Readonly<Record<string, number>>;
  weights: { readonly prefix: number; readonly fuzzy: number };
  maxFuzzy: number;
}

/**
 * - 'all': documents matching every term. Terms are scored in the order given, each only for documents
 *   that matched all the terms before it, so put complete words first and the word being typed last.
 * - 'any': documents matching at least one term.
 * - 'any-narrowed': documents matching at least one term, except that the word being typed only adds to
 *   documents that a complete word found. A bare prefix finds too much to be useful on its own.
 */
export type Combine = 'all' | 'any' | 'any-narrowed';

/** MiniSearch 7's internals read here (not public API; the version is pinned in package.json). */
interface TierInternals {
  _index: {
    get(term: string): FieldTermData | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
  };
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _options: { fields: string[]; searchOptions: { bm25: { k: number; b: number; d: number } } };
}

type Postings = Map<number, number> | CompactPostings;

/**
 * What one search of a tier matched, by MiniSearch's short document id. Valid until the next run() on
 * the same tier, which reuses the arrays: read it, then search again.
 */
export class TierMatches {
  constructor(
    private readonly scorer: TierScorer,
    private readonly generation: number,
    /** Each scored posting list, for explain(). */
    private readonly scored: readonly ScoredList[],
  ) {}

  /** How many documents matched. */
  get count(): number {
    return this.current().count;
  }

  /** The i-th matching document's short id (0 <= i < count). */
  idAt(i: number): number {
    return this.current().ids[i]!;
  }

  /** Sum of a document's weighted term scores, before MiniSearch's "terms matched" multiplier. */
  scoreOf(id: number): number {
    return this.current().score[id]!;
  }

  /** Bits of the terms that matched the document. */
  maskOf(id: number): number {
    return this.current().mask[id]!;
  }

  /** Whether any matching document is accepted. */
  some(accept: (id: number) => boolean): boolean {
    return this.current().someMatch(accept);
  }

  /** Adds a score and term bits to a document (a match found elsewhere, such as in another tier). */
  add(id: number, score: number, bits: number): void {
    this.current().add(id, score, bits);
  }

  /** The tier's document key for a short id (undefined for a document removed since). */
  keyOf(id: number): string | undefined {
    return this.scorer.keyOf(id);
  }

  /** A live document's stored fields (MiniSearch's own object). */
  storedOf(id: number): Record<string, unknown> | undefined {
    return this.scorer.storedOf(id);
  }

  /** The short id of a document key, if it is in the tier. */
  idOf(key: string): number | undefined {
    return this.scorer.idOf(key);
  }

  /** Adds the document's matched index terms and fields to the sets given. Cost grows with the terms expanded. */
  explain(id: number, terms: Set<string>, fields: Set<string>): void {
    const mask = this.maskOf(id);
    for (const list of this.scored) {
      if ((mask & list.bit) === 0 || !list.postings.has(id)) continue;
      terms.add(list.term);
      fields.add(list.field);
    }
  }

  private current(): TierScorer {
    this.scorer.assertCurrent(this.generation);
    return this.scorer;
  }
}

interface ScoredList {
  term: string;
  field: string;
  bit: number;
  postings: Postings;
}

const scorers = new WeakMap<object, TierScorer>();

/** The scorer of a tier (a MiniSearch instance), made on first use and kept while the tier lives. */
export function scorerFor(tier: object): TierScorer {
  let scorer = scorers.get(tier);
  if (!scorer) {
    scorer = new TierScorer(tier as unknown as TierInternals);
    scorers.set(tier, scorer);
  }
  return scorer;
}

export class TierScorer {
  /** By short id: summed score and term bits of the current search. */
  score = new Float64Array(0);
  mask = new Uint32Array(0);
  /** Short ids of the documents matched so far, ids[0..count). */
  ids = new Uint32Array(0);
  count = 0;
  private generation = 0;
  /** Field lengths by short id × field, copied from MiniSearch's per-document arrays as ids appear. */
  private lengths = new Uint32Array(0);
  private lengthsFilled = 0;
  private readonly fieldCount: number;

  constructor(private readonly tier: TierInternals) {
    this.fieldCount = Object.keys(tier._fieldIds).length;
  }

  keyOf(id: number): string | undefined {
    return this.tier._documentIds.get(id) as string | undefined;
  }

  storedOf(id: number): Record<string, unknown> | undefined {
    return this.tier._storedFields.get(id);
  }

  /** The short id of a document key, if it is in the tier. */
  idOf(key: string): number | undefined {
    return this.tier._idToShortId.get(key);
  }

  assertCurrent(generation: number): void {
    if (generation !== this.generation) throw new Error('These matches were overwritten by a later search of the same tier');
  }

  /** Adds to a document of the current search, recording it as matched if it was not. */
  add(id: number, score: number, bits: number): void {
    if (this.mask[id] === 0) this.ids[this.count++] = id;
    this.score[id] = this.score[id]! + score;
    this.mask[id] = this.mask[id]! | bits;
  }

  /**
   * Scores the terms (at most 32, distinct bits) against the tier. With 'any-narrowed', `accept` says
   * which documents count as found by the complete terms (a filter); if none is, prefix terms are scored
   * for every document after all.
   */
  run(terms: readonly TermSpec[], combine: Combine, options: ScoreOptions, accept?: (id: number) => boolean): TierMatches {
    this.reset();
    this.fillLengths();
    const scored: ScoredList[] = [];
    const allBits = terms.reduce((bits, t) => bits | t.bit, 0);
    let before = 0;
    let completeBits = 0;
    for (const spec of terms) {
      // Which documents this term may score: any (0), or only those having all of `need`, or any of `some`.
      let need = 0;
      let some = 0;
      if (combine === 'all') need = before;
      else if (combine === 'any-narrowed' && spec.partial && completeBits !== 0 && this.someMatch(accept)) some = completeBits;
      for (const [term, data, weight] of this.expand(spec, options))
        this.scoreTerm(spec.bit, term, data, weight, need, some, options, scored);
      before |= spec.bit;
      if (!spec.partial) completeBits |= spec.bit;
    }
    if (combine === 'all') this.keepOnly(allBits);
    return new TierMatches(this, this.generation, scored);
  }

  /** Whether any document matched so far is accepted (any at all without `accept`). */
  someMatch(accept?: (id: number) => boolean): boolean {
    if (!accept) return this.count > 0;
    for (let i = 0; i < this.count; i++) if (accept(this.ids[i]!)) return true;
    return false;
  }

  /** The term and its expansions, each with MiniSearch's weight for its kind of match. */
  private *expand(spec: TermSpec, options: ScoreOptions): Generator<[string, FieldTermData, number]> {
    const index = this.tier._index;
    const exact = index.get(spec.term);
    if (exact) yield [spec.term, exact, 1];
    let fuzzy: Map<string, [FieldTermData, number]> | undefined;
    if (spec.fuzzy !== false) {
      const distance = Math.min(options.maxFuzzy, Math.round(spec.term.length * spec.fuzzy));
      if (distance > 0) fuzzy = index.fuzzyGet(spec.term, distance);
    }
    if (spec.prefix) {
      for (const [term, data] of index.atPrefix(spec.term)) {
        const distance = term.length - spec.term.length;
        if (distance === 0) continue;
        // A term both a prefix and a fuzzy match counts as a prefix match, as in MiniSearch.
        fuzzy?.delete(term);
        yield [term, data, (options.weights.prefix * term.length) / (term.length + 0.3 * distance)];
      }
    }
    if (fuzzy) {
      for (const [term, [data, distance]] of fuzzy) {
        if (distance === 0) continue;
        yield [term, data, (options.weights.fuzzy * term.length) / (term.length + distance)];
      }
    }
  }

  private scoreTerm(
    bit: number,
    term: string,
    data: FieldTermData,
    weight: number,
    need: number,
    some: number,
    options: ScoreOptions,
    scored: ScoredList[],
  ): void {
    const tier = this.tier;
    const { k, b, d } = tier._options.searchOptions.bm25;
    const total = tier._documentCount;
    // Postings of discarded documents stay until a vacuum; with none pending every posting is live.
    const checkLive = tier._dirtCount > 0;
    const live = tier._documentIds;
    const lengths = this.lengths;
    const fieldCount = this.fieldCount;
    const score = this.score;
    const mask = this.mask;
    for (const field of tier._options.fields) {
      const fieldId = tier._fieldIds[field]!;
      const postings = data.get(fieldId) as Postings | undefined;
      if (!postings) continue;
      scored.push({ term, field, bit, postings });
      // IDF counts live documents only, as after a vacuum (MiniSearch drops stale postings as it meets them).
      const matching = checkLive ? liveCount(postings, live) : postings.size;
      const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
      const avgLength = tier._avgFieldLength[fieldId]!;
      const factor = weight * (options.boosts[field] || 1);
      // Map.forEach and CompactPostings.forEach both call back with (frequency, id).
      postings.forEach((freq: number, id: number) => {
        const had = mask[id]!;
        if (need !== 0 ? (had & need) !== need : some !== 0 && (had & some) === 0) return;
        if (checkLive && !live.has(id)) return;
        const length = lengths[id * fieldCount + fieldId]!;
        const raw = idf * (d + (freq * (k + 1)) / (freq + k * (1 - b + (b * length) / avgLength)));
        if (had === 0) this.ids[this.count++] = id;
        score[id] = score[id]! + factor * raw;
        mask[id] = had | bit;
      });
    }
  }

  /** Drops matches missing any of `bits` (an 'all' search), keeping the rest in order. */
  private keepOnly(bits: number): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const id = this.ids[i]!;
      if ((this.mask[id]! & bits) === bits) {
        this.ids[kept++] = id;
      } else {
        this.score[id] = 0;
        this.mask[id] = 0;
      }
    }
    this.count = kept;
  }

  /** Clears the previous search's entries and makes room for every short id. */
  private reset(): void {
    this.generation++;
    for (let i = 0; i < this.count; i++) {
      const id = this.ids[i]!;
      this.score[id] = 0;
      this.mask[id] = 0;
    }
    this.count = 0;
    const size = this.tier._nextId;
    if (this.score.length < size) {
      const capacity = Math.ceil(size * 1.25) + 64;
      this.score = new Float64Array(capacity);
      this.mask = new Uint32Array(capacity);
      this.ids = new Uint32Array(capacity);
    }
  }

  /** Does now what the first search would otherwise do first: a restored tier calls it while it loads. */
  prepare(): void {
    this.fillLengths();
    this.reset();
  }

  /**
   * Copies field lengths of documents added since the last search. A short id's lengths never change
   * (an edited document gets a new id), so earlier rows stay valid.
   */
  private fillLengths(): void {
    const next = this.tier._nextId;
    if (this.lengthsFilled >= next) return;
    if (this.lengths.length < next * this.fieldCount) {
      const grown = new Uint32Array(Math.ceil(next * 1.25 + 64) * this.fieldCount);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    for (let id = this.lengthsFilled; id < next; id++) {
      const lengths = this.tier._fieldLength.get(id);
      if (!lengths) continue;
      for (let field = 0; field < this.fieldCount; field++) this.lengths[id * this.fieldCount + field] = lengths[field] ?? 0;
    }
    this.lengthsFilled = next;
  }
}

function liveCount(postings: Postings, live: Map<number, unknown>): number {
  let count = 0;
  postings.forEach((_freq: number, id: number) => {
    if (live.has(id)) count++;
  });
  return count;
}
