// The tier scorer must find what MiniSearch's own search() finds, with the same scores and matched terms.
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng';
import { compactTermIndex } from '../../../src/core/search/compact-postings';
import { docKey, toQuickDoc, type QuickDoc } from '../../../src/core/search/documents';
import { MATCH_WEIGHTS, QUICK_BOOSTS } from '../../../src/core/search/ranking';
import { createQuickTier } from '../../../src/core/search/tiers';
import { scorerFor, type Combine, type ScoreOptions, type TermSpec } from '../../../src/core/search/tier-scorer';
import { clip, highlight } from './helpers';

const WORDS = [
  'govern',
  'government',
  'governor',
  'governing',
  'policy',
  'police',
  'polite',
  'politics',
  'science',
  'scientist',
  'fiction',
  'friction',
  'president',
  'preside',
  'press',
  'kennedy',
  'kenneth',
  'market',
  'marker',
  'garden',
];
const OPTIONS: ScoreOptions = { boosts: QUICK_BOOSTS, weights: MATCH_WEIGHTS, maxFuzzy: 2 };

/** A quick tier of seeded items: shared words with common prefixes and one-edit neighbours, in several fields. */
function buildTier(seed: number, count = 300): MiniSearch<QuickDoc> {
  const rng = createRng(seed);
  const words = (n: number) =>
    Array.from({ length: n }, () => (rng.next() < 0.8 ? WORDS[rng.int(0, WORDS.length - 1)] : `w${rng.int(0, 400)}`)).join(' ');
  const tier = createQuickTier();
  for (let d = 0; d < count; d++) {
    const item =
      d % 4 === 0
        ? highlight({ id: `h${d}`, text: words(rng.int(3, 12)), note: rng.next() < 0.5 ? words(4) : '' })
        : clip({ id: `c${d}`, title: words(rng.int(2, 8)), excerpt: words(rng.int(5, 30)), tags: rng.next() < 0.3 ? ['politics'] : [] });
    tier.add(toQuickDoc(item));
  }
  return tier;
}

const spec = (term: string, prefix: boolean, fuzzy: number | false, index: number): TermSpec => ({
  term,
  prefix,
  fuzzy,
  partial: prefix,
  bit: 1 << index,
});

/** Term lists as the search index plans them: complete words first, the word being typed last. */
const CASES: TermSpec[][] = [
  [spec('government', false, 0.2, 0)],
  [spec('gov', true, false, 0)],
  [spec('polic', true, 0.2, 0)],
  [spec('science', false, 0.2, 0), spec('fic', true, false, 1)],
  [spec('president', false, 0.2, 0), spec('kenned', true, 0.2, 1)],
  [spec('governmnet', false, 0.2, 0), spec('politics', false, 0.2, 1)],
  [spec('market', false, false, 0), spec('garden', false, false, 1), spec('pre', true, false, 2)],
  [spec('nothing', false, 0.2, 0)],
];

/** MiniSearch's answer, as search-index.ts asked it before the scorer: one sub-query per term. */
function miniSearch(tier: MiniSearch<QuickDoc>, terms: readonly TermSpec[], combineWith: 'AND' | 'OR') {
  const options: SearchOptions = {
    boost: { ...QUICK_BOOSTS },
    weights: { ...MATCH_WEIGHTS },
    maxFuzzy: 2,
    tokenize: (q) => [q],
    processTerm: (t) => t,
  };
  const query: Query = { combineWith, queries: terms.map((t) => ({ queries: [t.term], prefix: t.prefix, fuzzy: t.fuzzy })) };
  return tier.search(query, options).map((r) => ({
    key: String(r.id),
    score: r.score,
    terms: Object.keys(r.match).sort(),
    fields: [...new Set(Object.values(r.match).flat())].sort(),
  }));
}

function scorer(tier: MiniSearch<QuickDoc>, terms: readonly TermSpec[], combine: Combine) {
  const matches = scorerFor(tier).run(terms, combine, OPTIONS);
  const found = [];
  for (let i = 0; i < matches.count; i++) {
    const id = matches.idAt(i);
    const mask = matches.maskOf(id);
    const terms = new Set<string>();
    const fields = new Set<string>();
    matches.explain(id, terms, fields);
    found.push({
      key: matches.keyOf(id)!,
      // MiniSearch multiplies by the number of query terms matched; the scorer leaves that to its caller.
      score: matches.scoreOf(id) * bitCount(mask),
      terms: [...terms].sort(),
      fields: [...fields].sort(),
    });
  }
  return found;
}

function bitCount(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}

function expectSame(ours: ReturnType<typeof scorer>, theirs: ReturnType<typeof miniSearch>) {
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  ours.sort(byKey);
  theirs.sort(byKey);
  expect(ours.map((r) => r.key)).toEqual(theirs.map((r) => r.key));
  ours.forEach((r, i) => {
    const expected = theirs[i]!;
    expect(r.score).toBeCloseTo(expected.score, 9);
    expect(r.terms).toEqual(expected.terms);
    expect(r.fields).toEqual(expected.fields);
  });
}

describe('TierScorer', () => {
  it('finds the same items as MiniSearch, with the same scores, matched terms and fields (Map and compact lists)', async () => {
    for (const seed of [1, 2]) {
      const tier = buildTier(seed);
      // Compact half the lists: both kinds of posting list get scored.
      if (seed === 2) expect(await compactTermIndex(tier, async () => undefined)).toBeGreaterThan(10);
      let matched = 0;
      for (const terms of CASES) {
        const any = scorer(tier, terms, 'any');
        expectSame(any, miniSearch(tier, terms, 'OR'));
        expectSame(scorer(tier, terms, 'all'), miniSearch(tier, terms, 'AND'));
        matched += any.length;
      }
      expect(matched).toBeGreaterThan(500);
    }
  });

  it('with any-narrowed, scores the word being typed only for items a complete word found, unless none did', () => {
    const tier = buildTier(3);
    const typed = [spec('market', false, false, 0), spec('pre', true, false, 1)];
    const narrowed = scorer(tier, typed, 'any-narrowed');
    const marketOnly = new Set(miniSearch(tier, [typed[0]!], 'OR').map((r) => r.key));
    expect(narrowed.length).toBe(marketOnly.size);
    expect(narrowed.every((r) => marketOnly.has(r.key))).toBe(true);
    // Some of them have the prefix too, and score higher for it.
    expect(narrowed.some((r) => r.terms.some((t) => t.startsWith('pre')))).toBe(true);

    const fromNothing = [spec('zzzz', false, false, 0), spec('pre', true, false, 1)];
    expectSame(scorer(tier, fromNothing, 'any-narrowed'), miniSearch(tier, fromNothing, 'OR'));
  });

  it('never returns a discarded item, and scores as MiniSearch again after a vacuum', async () => {
    const tier = buildTier(4);
    const gone = new Set<string>();
    for (let d = 1; d < 300; d += 7) {
      const key = d % 4 === 0 ? docKey('highlight', `h${d}`) : docKey('clip', `c${d}`);
      if (tier.has(key)) {
        tier.discard(key);
        gone.add(key);
      }
    }
    tier.add(toQuickDoc(clip({ id: 'late', title: 'government policy late' })));
    expect(tier.dirtCount).toBeGreaterThan(0);
    for (const terms of CASES) {
      const found = scorer(tier, terms, 'any');
      expect(found.filter((r) => gone.has(r.key))).toEqual([]);
      expect(found.map((r) => r.key).sort()).toEqual(
        miniSearch(tier, terms, 'OR')
          .map((r) => r.key)
          .sort(),
      );
    }
    expect(scorer(tier, [spec('late', false, false, 0)], 'any').map((r) => r.key)).toEqual([docKey('clip', 'late')]);
    await tier.vacuum();
    for (const terms of CASES) expectSame(scorer(tier, terms, 'any'), miniSearch(tier, terms, 'OR'));
  });

  it('refuses to read matches a later search of the same tier has overwritten', () => {
    const tier = buildTier(5, 40);
    const first = scorerFor(tier).run([spec('government', false, false, 0)], 'any', OPTIONS);
    expect(first.count).toBeGreaterThan(0);
    scorerFor(tier).run([spec('policy', false, false, 0)], 'any', OPTIONS);
    expect(() => first.idAt(0)).toThrow(/overwritten/);
  });
});
