// Runs in an extension page of the built extension: the worker's connection core over the Brown-corpus
// library, and beside it a naive baseline (every item's full term vector, cosine against all of them).
import {
  ConnectionIndex,
  LibraryConnectionCollector,
  LibraryConnectionTracker,
  clipConnectionItem,
  countTerms,
  type ConnectionItem,
} from '../src/core/connections';
import type { Highlight } from '../src/core/highlight';
import type { BrownFile } from './brown';
import { generateCorpus } from './corpus';
import { createRng } from './prng';

export interface ConnectionsPageApi {
  /** Generates the library (a clip with its highlights is one item); returns the items made. */
  generate: (filesJson: string, size: number) => number;
  /** Indexes all items but the last `arrivals`; returns ms. */
  build: (arrivals: number) => number;
  /** Adds each remaining item and finds its own connections: ms per item. */
  arrive: (shown: number) => number[];
  /** Takes the last `count` items out of the index again, for keepCurrent() to add back. */
  withdraw: (count: number) => void;
  /** The library-wide list found whole, kept for keepCurrent(): ms and pairs. */
  trackAll: () => { ms: number; pairs: number };
  /**
   * Adds each remaining item and brings the library-wide list current (item by item; found whole
   * again when the index starts a new weighting epoch): ms per item, and the whole recomputes among them.
   */
  keepCurrent: () => { ms: number[]; relisted: number[]; recomputes: number[] };
  /** Picks `count` random indexed sources (seeded) for the per-item measurements. */
  pickSources: (count: number, seed: number) => void;
  /** related() then explain() of every item shown, per source: ms of both, and of related() alone. */
  oneItem: (shown: number) => { total: number[]; related: number[] };
  /** Every item's best cross-topic pairs (the Connections page's list) over the first `max` items: ms and pairs. */
  libraryWide: (max: number) => { ms: number; items: number; pairs: number };
  /** The naive baseline's vectors: ms. */
  buildNaive: () => number;
  /** The naive baseline's ranking of the same sources against every item: ms per source. */
  naiveOneItem: (shown: number) => number[];
  /** Lets go of the naive vectors. */
  dropNaive: () => void;
}

let items: ConnectionItem[] = [];
let index = new ConnectionIndex();
let settled = 0;
let tracker: LibraryConnectionTracker | null = null;
let sources: ConnectionItem[] = [];
let byId = new Map<string, ConnectionItem>();
/** Per item: sorted term ids and their tf-idf weights, divided by the vector's length. */
let naive: Array<{ terms: Int32Array; weights: Float64Array }> = [];

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** Cosine of two unit vectors given as sorted term ids: a merge of both lists. */
function cosine(a: { terms: Int32Array; weights: Float64Array }, b: { terms: Int32Array; weights: Float64Array }): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i]!;
    const y = b.terms[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

const api: ConnectionsPageApi = {
  generate(filesJson, size) {
    items = [];
    for (const { clips, highlights } of generateCorpus(JSON.parse(filesJson) as BrownFile[], size)) {
      const byClip = new Map<string, Highlight[]>();
      for (const highlight of highlights) byClip.set(highlight.clipId, [...(byClip.get(highlight.clipId) ?? []), highlight]);
      for (const clip of clips) items.push(clipConnectionItem(clip, [], byClip.get(clip.id) ?? []));
    }
    byId = new Map(items.map((item) => [item.id, item]));
    return items.length;
  },
  build(arrivals) {
    index = new ConnectionIndex();
    settled = Math.max(0, items.length - arrivals);
    return time(() => {
      for (const item of items.slice(0, settled)) index.add(item);
    });
  },
  arrive(shown) {
    return items.slice(settled).map((item) =>
      time(() => {
        index.add(item);
        index.related(item.id, { limit: shown });
      }),
    );
  },
  withdraw(count) {
    settled = Math.max(0, items.length - count);
    for (const item of items.slice(settled)) index.remove(item.id, item);
  },
  trackAll() {
    const fresh = new LibraryConnectionTracker(index);
    const ms = time(() => fresh.collect(index.ids()));
    index.takeTouched();
    tracker = fresh;
    return { ms, pairs: fresh.strongest().length };
  },
  keepCurrent() {
    const ms: number[] = [];
    const relisted: number[] = [];
    const recomputes: number[] = [];
    for (const item of items.slice(settled)) {
      index.add(item);
      const start = performance.now();
      if (tracker!.current) relisted.push(tracker!.changed(index.takeTouched()));
      else {
        index.takeTouched();
        tracker = new LibraryConnectionTracker(index);
        tracker.collect(index.ids());
        recomputes.push(performance.now() - start);
      }
      ms.push(performance.now() - start);
    }
    return { ms, relisted, recomputes };
  },
  pickSources(count, seed) {
    const rng = createRng(seed);
    const ids = index.ids();
    sources = Array.from({ length: count }, () => byId.get(rng.pick(ids))!);
  },
  oneItem(shown) {
    const total: number[] = [];
    const related: number[] = [];
    for (const source of sources) {
      const start = performance.now();
      const found = index.related(source.id, { limit: shown });
      const ranked = performance.now();
      for (const connection of [...found.connections, ...found.sameTopic]) index.explain(source, byId.get(connection.id)!);
      related.push(ranked - start);
      total.push(performance.now() - start);
    }
    return { total, related };
  },
  libraryWide(max) {
    const collector = new LibraryConnectionCollector(index);
    const ids = index.ids().slice(0, max);
    const ms = time(() => collector.collect(ids));
    return { ms, items: ids.length, pairs: collector.strongest().length };
  },
  buildNaive() {
    return time(() => {
      const ids = new Map<string, number>();
      const df: number[] = [];
      const counted = items.map((item) => {
        const counts = countTerms(item.title, item.text).counts;
        const terms = new Int32Array(counts.size);
        const tf = new Float64Array(counts.size);
        let i = 0;
        for (const [term, count] of counts) {
          let id = ids.get(term);
          if (id === undefined) ids.set(term, (id = df.length));
          df[id] = (df[id] ?? 0) + 1;
          terms[i] = id;
          tf[i++] = 1 + Math.log(count);
        }
        return { terms, tf };
      });
      naive = counted.map(({ terms, tf }) => {
        const order = [...terms.keys()].sort((a, b) => terms[a]! - terms[b]!);
        const sorted = Int32Array.from(order, (k) => terms[k]!);
        const weights = Float64Array.from(order, (k) => tf[k]! * Math.log(items.length / df[terms[k]!]!));
        const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0)) || 1;
        for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
        return { terms: sorted, weights };
      });
    });
  },
  naiveOneItem(shown) {
    const position = new Map(items.map((item, i) => [item.id, i]));
    return sources.map((source) =>
      time(() => {
        const own = naive[position.get(source.id)!]!;
        const scores: Array<{ i: number; score: number }> = [];
        for (let i = 0; i < naive.length; i++) if (items[i]!.id !== source.id) scores.push({ i, score: cosine(own, naive[i]!) });
        scores.sort((a, b) => b.score - a.score).slice(0, shown);
      }),
    );
  },
  dropNaive() {
    naive = [];
  },
};

(globalThis as unknown as { crisscrossConnections: ConnectionsPageApi }).crisscrossConnections = api;
