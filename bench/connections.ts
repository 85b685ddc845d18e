// Connections benchmark (part of `npm run bench`, or alone: node scripts/run-ts.mjs bench/run-connections.ts --sizes=1000,10000).
// The connection index is pure core code that the worker runs as is, so it is measured here in Node,
// on the same Brown-corpus libraries as search: a clip's highlights and notes count toward its terms,
// as in the extension. Per size it measures:
//  - connections for one item: related() (ranking) plus explain() of the 5 shown (the popup's work);
//  - keeping connections current as items arrive: adding an item and finding its own connections
//    (scores are symmetric, so a new pair is found from the new item's side);
//  - the library-wide list (the Connections page): recomputing every item's best cross-topic pairs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConnectionIndex, LibraryConnectionCollector, clipConnectionItem, type ConnectionItem } from '../src/core/connections';
import type { Highlight } from '../src/core/highlight';
import { ROOT } from '../test/e2e/paths';
import { loadBrown } from './brown';
import { DEFAULT_SEED, generateCorpus } from './corpus';
import { createRng } from './prng';
import { round, summarize, type Summary } from './stats';

/** Items added last, one at a time, to measure arrivals. */
const ARRIVALS = 200;
/** Sources sampled for "connections for one item". */
const SOURCES = 300;
/** Connections explained per source, as the popup shows. */
const SHOWN = 5;
/** Above this size the library-wide recompute is estimated from a sample instead of run whole. */
const FULL_RECOMPUTE_MAX = 20_000;
const RECOMPUTE_SAMPLE = 2_000;
const TARGET_P95_MS_AT_10K = 20;

export interface ConnectionsSizeResult {
  size: number;
  /** Items in the index (clips: highlights count toward their clip). */
  indexed: number;
  buildMs: number;
  /** related() + explain() of the shown connections, per source. */
  oneItem: Summary;
  /** related() alone. */
  related: Summary;
  /** add() + related() of the new item, per arriving item. */
  arrival: Summary;
  /** Every item's best cross-topic pairs, deduplicated: measured whole, or estimated from a sample. */
  libraryWide: { ms: number; estimated: boolean; pairs: number | null };
  heapMB: number;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** The library of `size` items as connection items (each clip with its highlights), in corpus order. */
function libraryItems(size: number): ConnectionItem[] {
  const items: ConnectionItem[] = [];
  for (const { clips, highlights } of generateCorpus(loadBrown(), size)) {
    const byClip = new Map<string, Highlight[]>();
    for (const highlight of highlights) byClip.set(highlight.clipId, [...(byClip.get(highlight.clipId) ?? []), highlight]);
    for (const clip of clips) items.push(clipConnectionItem(clip, [], byClip.get(clip.id) ?? []));
  }
  return items;
}

export async function measureConnectionsAt(size: number, log: (message: string) => void): Promise<ConnectionsSizeResult> {
  const items = libraryItems(size);
  const byId = new Map(items.map((item) => [item.id, item]));
  const index = new ConnectionIndex();
  const settled = items.slice(0, Math.max(0, items.length - ARRIVALS));
  const [, buildMs] = time(() => {
    for (const item of settled) index.add(item);
  });
  log(`connections ${size}: ${settled.length} items indexed in ${round(buildMs / 1000)} s`);

  const arrival: number[] = [];
  for (const item of items.slice(settled.length)) {
    arrival.push(
      time(() => {
        index.add(item);
        index.related(item.id, { limit: SHOWN });
      })[1],
    );
  }

  const rng = createRng(DEFAULT_SEED ^ size);
  const ids = index.ids();
  const oneItem: number[] = [];
  const related: number[] = [];
  for (let i = 0; i < SOURCES; i++) {
    const source = byId.get(rng.pick(ids))!;
    const [found, relatedMs] = time(() => index.related(source.id, { limit: SHOWN }));
    const [, explainMs] = time(() => {
      for (const connection of [...found.connections, ...found.sameTopic]) index.explain(source, byId.get(connection.id)!);
    });
    related.push(relatedMs);
    oneItem.push(relatedMs + explainMs);
  }

  const collector = new LibraryConnectionCollector(index);
  const whole = ids.length <= FULL_RECOMPUTE_MAX;
  const slice = whole ? ids : ids.slice(0, RECOMPUTE_SAMPLE);
  const [, sliceMs] = time(() => collector.collect(slice));
  const libraryWide = {
    ms: round(whole ? sliceMs : (sliceMs / slice.length) * ids.length),
    estimated: !whole,
    pairs: whole ? collector.strongest().length : null,
  };
  log(`connections ${size}: one item p95 ${round(summarize(oneItem).p95)} ms, library-wide ${round(libraryWide.ms / 1000)} s`);
  return {
    size,
    indexed: index.size,
    buildMs: round(buildMs),
    oneItem: summarize(oneItem),
    related: summarize(related),
    arrival: summarize(arrival),
    libraryWide,
    heapMB: round(process.memoryUsage().heapUsed / 1e6),
  };
}

export function connectionsMarkdown(results: readonly ConnectionsSizeResult[]): string {
  const ms = (value: number) => `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
  const lines = [
    '# Connections benchmark',
    '',
    `Node ${process.versions.node}, ${new Date().toISOString().slice(0, 10)}. The connection index is the worker's own core code, run in Node on the`,
    'Brown-corpus libraries of the search benchmark (a clip with its highlights is one item). See bench/connections.ts.',
    '',
    '| items | indexed clips | connections for one item p50 / p95 (related + explain of those shown) | related p95 | new item arrives: add + its connections p50 / p95 | library-wide list, recomputed | build |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.size.toLocaleString('en-US')} | ${r.indexed.toLocaleString('en-US')} | ${ms(r.oneItem.p50)} / ${ms(r.oneItem.p95)} | ${ms(r.related.p95)} | ` +
        `${ms(r.arrival.p50)} / ${ms(r.arrival.p95)} | ${r.libraryWide.estimated ? '~' : ''}${ms(r.libraryWide.ms)}${r.libraryWide.estimated ? ' (estimated from 2,000 items)' : ''} | ${ms(r.buildMs)} |`,
    ),
    '',
  ];
  const at10k = results.find((r) => r.size === 10_000);
  if (at10k) {
    const met = at10k.oneItem.p95 < TARGET_P95_MS_AT_10K;
    lines.push(
      `Target: connections for one item p95 under ${TARGET_P95_MS_AT_10K} ms at 10,000 items: ${met ? 'met' : 'not met'} (${ms(at10k.oneItem.p95)}).`,
      '',
    );
  }
  lines.push(
    'Keeping connections current: an arriving item is indexed and its own connections found at once (the cost above); the',
    'library-wide list is recomputed lazily, in slices, the next time the Connections page asks after a change (the last column).',
    '',
  );
  return lines.join('\n');
}

/** Measures every size and writes bench/results/connections.json and .md. */
export async function runConnectionsBench(sizes: readonly number[], log: (message: string) => void): Promise<string> {
  const results: ConnectionsSizeResult[] = [];
  for (const size of sizes) results.push(await measureConnectionsAt(size, log));
  const markdown = connectionsMarkdown(results);
  const dir = join(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'connections.json'),
    `${JSON.stringify({ date: new Date().toISOString(), node: process.versions.node, results }, null, 2)}\n`,
  );
  await writeFile(join(dir, 'connections.md'), markdown);
  return markdown;
}
