// Bridges between topics: items in both, terms distinctive in both at once, and the pairs that link them.
import type { Bridge, BridgeTerm, TopicPair } from './types';
import { strengthOf } from './weights';

/** An item's unit vector over its top-K terms: term key -> weight. */
export type UnitVector = Map<string, number>;

/** The read-only view of the index the bridge computations need. */
export interface TopicView {
  /** Lowest score of a pair listed as a bridge (the index's minScoreFor its size). */
  minScore: number;
  topics(): string[];
  members(topic: string): string[];
  vector(id: string): UnitVector;
  /** The readable form of a term. */
  label(term: string): string;
  /** Scores of `sourceId` against the candidates sharing a term with it (its own page left out). */
  pairs(sourceId: string, candidates: ReadonlySet<string>): Array<{ id: string; score: number; sharedTerms: number }>;
}

/** Items of the smaller side scored against the other when looking for a bridge's best pairs; bounds the cost. */
const MAX_PAIR_SOURCES = 200;
/** Terms kept per topic centroid when comparing every pair of topics. */
const CENTROID_TERMS = 256;

function memoized(view: TopicView): TopicView {
  const vectors = new Map<string, UnitVector>();
  return {
    ...view,
    vector: (id) => {
      let vector = vectors.get(id);
      if (!vector) vectors.set(id, (vector = view.vector(id)));
      return vector;
    },
  };
}

/** The mean of the items' unit vectors: how much each term matters across a topic. */
function centroid(view: TopicView, ids: readonly string[], maxTerms = Number.POSITIVE_INFINITY): UnitVector {
  const sum: UnitVector = new Map();
  const share = 1 / Math.max(1, ids.length);
  for (const id of ids) {
    for (const [term, weight] of view.vector(id)) sum.set(term, (sum.get(term) ?? 0) + weight * share);
  }
  if (sum.size <= maxTerms) return sum;
  return new Map([...sum].sort((a, b) => b[1] - a[1]).slice(0, maxTerms));
}

function cosine(a: UnitVector, b: UnitVector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const weight of a.values()) normA += weight * weight;
  for (const weight of b.values()) normB += weight * weight;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
  return normA > 0 && normB > 0 ? Math.min(1, dot / Math.sqrt(normA * normB)) : 0;
}

/** Members of each side without the items in both; a side wholly inside the other keeps all its members. */
function exclusive(membersA: readonly string[], membersB: readonly string[]): { onlyA: string[]; onlyB: string[]; shared: string[] } {
  const setB = new Set(membersB);
  const shared = membersA.filter((id) => setB.has(id));
  const sharedSet = new Set(shared);
  return {
    onlyA: membersA.filter((id) => !sharedSet.has(id)),
    onlyB: membersB.filter((id) => !sharedSet.has(id)),
    shared,
  };
}

/** See ConnectionIndex.bridges. Topic keys are normalised by the caller. */
export function bridgeBetween(base: TopicView, a: string, b: string, options: { terms?: number; pairs?: number } = {}): Bridge {
  const view = memoized(base);
  const membersA = view.members(a);
  const membersB = view.members(b);
  const { onlyA, onlyB, shared } = exclusive(membersA, membersB);
  // Items in both topics would make each side look like the other; they are reported as bridges instead.
  const centroidA = centroid(view, onlyA.length > 0 ? onlyA : membersA);
  const centroidB = centroid(view, onlyB.length > 0 ? onlyB : membersB);
  const terms: BridgeTerm[] = [];
  for (const [term, weight] of centroidA) {
    const other = centroidB.get(term);
    if (other) terms.push({ term, label: view.label(term), weightA: weight, weightB: other, score: Math.sqrt(weight * other) });
  }
  terms.sort((x, y) => y.score - x.score || (x.term < y.term ? -1 : 1));

  const pairs: Bridge['pairs'] = [];
  const fromA = onlyA.length <= onlyB.length;
  const sources = (fromA ? onlyA : onlyB).slice(0, MAX_PAIR_SOURCES);
  const candidates = new Set(fromA ? onlyB : onlyA);
  for (const source of sources) {
    for (const { id, score, sharedTerms } of view.pairs(source, candidates)) {
      if (score < view.minScore) continue;
      const strength = strengthOf(score, sharedTerms);
      pairs.push(fromA ? { a: source, b: id, score, strength } : { a: id, b: source, score, strength });
    }
  }
  pairs.sort((x, y) => y.score - x.score || (x.a + x.b < y.a + y.b ? -1 : 1));
  return {
    a,
    b,
    shared,
    terms: terms.slice(0, options.terms ?? 10),
    similarity: cosine(centroidA, centroidB),
    pairs: pairs.slice(0, options.pairs ?? 5),
  };
}

/** See ConnectionIndex.topicPairs. */
export function listTopicPairs(base: TopicView, options: { limit?: number; minItems?: number } = {}): TopicPair[] {
  const view = memoized(base);
  const minItems = options.minItems ?? 1;
  const topics = view
    .topics()
    .map((topic) => ({ topic, members: view.members(topic) }))
    .filter((entry) => entry.members.length >= minItems)
    .sort((x, y) => (x.topic < y.topic ? -1 : 1));
  const centroids = new Map(topics.map(({ topic, members }) => [topic, centroid(view, members, CENTROID_TERMS)]));
  const pairs: TopicPair[] = [];
  for (let i = 0; i < topics.length; i++) {
    for (let j = i + 1; j < topics.length; j++) {
      const x = topics[i]!;
      const y = topics[j]!;
      const { onlyA, onlyB, shared } = exclusive(x.members, y.members);
      // Without shared items the full centroids are the exclusive ones; with them, recompute without.
      const similarity =
        shared.length === 0
          ? cosine(centroids.get(x.topic)!, centroids.get(y.topic)!)
          : cosine(
              centroid(view, onlyA.length > 0 ? onlyA : x.members, CENTROID_TERMS),
              centroid(view, onlyB.length > 0 ? onlyB : y.members, CENTROID_TERMS),
            );
      const sharedShare = shared.length / Math.min(x.members.length, y.members.length);
      const strength = 1 - (1 - similarity) * (1 - sharedShare);
      if (strength > 0) pairs.push({ a: x.topic, b: y.topic, shared: shared.length, similarity, strength });
    }
  }
  pairs.sort((x, y) => y.strength - x.strength || (x.a + x.b < y.a + y.b ? -1 : 1));
  return pairs.slice(0, options.limit ?? 20);
}
