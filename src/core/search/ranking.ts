// How results are ordered: field boosts, match-kind weights, tier weighting and the recency tie-break.
import type { ItemType, SearchHit } from './types';

/**
 * Field boosts in the quick tier. A title says what an item is about, so it
 * counts three times; tags and highlighted text were chosen by the curator, so twice.
 */
export const QUICK_BOOSTS: Readonly<Record<string, number>> = {
  title: 3,
  tags: 2,
  text: 2,
  note: 1.5,
  collections: 1.5,
  pageTitle: 1,
  author: 1,
  site: 1,
  excerpt: 1,
};

/** The full tier has one field: the article body. */
export const FULL_BOOSTS: Readonly<Record<string, number>> = { body: 1 };

/**
 * Weights of non-exact matches relative to an exact one (1). Both below 1, so
 * in the same field an exact match always outranks a prefix or fuzzy one;
 * MiniSearch lowers them further with the edit or length distance.
 */
export const MATCH_WEIGHTS = { prefix: 0.375, fuzzy: 0.45 } as const;

/**
 * Scale of full-tier (article body) scores when merged with quick-tier scores.
 * Body text is long and mentions many things in passing; halving it keeps a
 * title, tag or highlight match ahead of a body-only match.
 */
export const FULL_TIER_WEIGHT = 0.5;

// Scores within about 1% of each other count as equal, so recency decides between near-identical matches.
const BUCKET = Math.log1p(0.01);

/** The relevance class a score falls in; equal classes are ordered by recency. */
export function relevanceBucket(score: number): number {
  return score > 0 ? Math.round(Math.log(score) / BUCKET) : Number.NEGATIVE_INFINITY;
}

/** The lowest score in a relevance class (scores this close may still round to the class below: check them). */
export function bucketFloor(bucket: number): number {
  return Math.exp((bucket - 0.5) * BUCKET);
}

/** What ordering looks at, with the relevance class computed once rather than in every comparison. */
export interface RankKey {
  bucket: number;
  savedAt: number;
  type: ItemType;
  id: string;
}

/** The ordering key of a hit. */
export function rankKey(hit: Pick<SearchHit, 'id' | 'type' | 'score' | 'savedAt'>): RankKey {
  return { bucket: relevanceBucket(hit.score), savedAt: hit.savedAt, type: hit.type, id: hit.id };
}

/**
 * Orders hits: more relevant first; at (nearly) equal relevance, more recently
 * saved first; then by type and id, so the order is stable across calls.
 */
export function compareRankKeys(a: RankKey, b: RankKey): number {
  if (a.bucket !== b.bucket) return b.bucket > a.bucket ? 1 : -1;
  if (b.savedAt !== a.savedAt) return b.savedAt - a.savedAt;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** compareRankKeys for whole hits, e.g. to merge result lists the caller holds. */
export function compareHits(a: SearchHit, b: SearchHit): number {
  return compareRankKeys(rankKey(a), rankKey(b));
}
