// Connections benchmark (part of `npm run bench`, or alone: node scripts/run-ts.mjs bench/run-connections.ts --sizes=1000,10000).
// The connection index is core code the worker runs as is. It is measured in real Chromium, in an
// extension page of the built extension (popup.html?tab=none, the helper evaluated into it), on the
// same Brown-corpus libraries as search: a clip's highlights and notes count toward its terms, as in
// the extension. Beside it, in the same page and run, a naive baseline ranks the same sources: every
// item's full tf-idf vector, cosine against every other item. Per size it measures:
//  - connections for one item: related() (ranking) plus explain() of those shown (the popup's work);
//  - keeping connections current as items arrive: adding an item and finding its own connections
//    (scores are symmetric, so a new pair is found from the new item's side);
//  - the library-wide list (the Connections page): every item's best cross-topic pairs.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, newProfileDir } from '../test/e2e/extension';
import { ROOT } from '../test/e2e/paths';
import { brownJson } from './brown';
import { bundlePageScript } from './bundle';
import type { ConnectionsPageApi } from './connections-page';
import { DEFAULT_SEED } from './corpus';
import { pageHeap } from './memory';
import { round, summarize, type Summary } from './stats';

/** Items added last, one at a time, to measure arrivals. */
const ARRIVALS = 200;
/** Sources sampled for "connections for one item". */
const SOURCES = 300;
/** Sources explained untimed before the timed ones. */
const WARM_UP_SOURCES = 20;
/** The naive baseline ranks against every item: fewer sources keep it within minutes at 100,000. */
const NAIVE_SOURCES = 50;
/** Connections listed per source, as the popup shows (5 connections and up to 5 "more on this topic"). */
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
  /**
   * Keeping the library-wide list current as items arrive (the list kept item by item, found whole
   * again when the index starts a new weighting epoch), per added item after add(); null where the
   * whole list is only estimated. `recomputes` are the whole recomputes among them.
   */
  keepCurrent: { perItem: Summary; relisted: Summary; recomputes: number[]; meanMs: number } | null;
  /** JS heap of the page after garbage collection: generated items alone, then with the built index. */
  heapMB: { items: number; withIndex: number; index: number };
  /** Every item's best cross-topic pairs, deduplicated: measured whole, or estimated from a sample. */
  libraryWide: { ms: number; estimated: boolean; pairs: number | null };
  /** The naive baseline in the same page: vectors built, and ranking the first NAIVE_SOURCES sources. */
  naive: { buildMs: number; oneItem: Summary };
  /** ours related() p95 / naive ranking p95, and ours one item (with explanations) p95 / naive ranking p95. */
  ratios: { related: number; oneItem: number };
}

type PageGlobal = { crisscrossConnections: ConnectionsPageApi };

/** Typed calls into the helper (each function runs in the page, so each names the global itself). */
function pageApi(page: Page) {
  return {
    generate: (files: string, size: number) =>
      page.evaluate(([f, n]) => (globalThis as unknown as PageGlobal).crisscrossConnections.generate(f, n), [files, size] as const),
    build: (arrivals: number) => page.evaluate((a) => (globalThis as unknown as PageGlobal).crisscrossConnections.build(a), arrivals),
    arrive: (shown: number) => page.evaluate((n) => (globalThis as unknown as PageGlobal).crisscrossConnections.arrive(n), shown),
    pickSources: (count: number, seed: number) =>
      page.evaluate(([c, s]) => (globalThis as unknown as PageGlobal).crisscrossConnections.pickSources(c, s), [count, seed] as const),
    oneItem: (shown: number) => page.evaluate((n) => (globalThis as unknown as PageGlobal).crisscrossConnections.oneItem(n), shown),
    withdraw: (count: number) => page.evaluate((c) => (globalThis as unknown as PageGlobal).crisscrossConnections.withdraw(c), count),
    trackAll: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossConnections.trackAll()),
    keepCurrent: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossConnections.keepCurrent()),
    libraryWide: (max: number) => page.evaluate((m) => (globalThis as unknown as PageGlobal).crisscrossConnections.libraryWide(m), max),
    buildNaive: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossConnections.buildNaive()),
    naiveOneItem: (shown: number) =>
      page.evaluate((n) => (globalThis as unknown as PageGlobal).crisscrossConnections.naiveOneItem(n), shown),
    dropNaive: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossConnections.dropNaive()),
  };
}

export async function measureConnectionsAt(size: number, helper: string, log: (message: string) => void): Promise<ConnectionsSizeResult> {
  const profileDir = await newProfileDir();
  const session = await launchExtension(profileDir);
  try {
    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=none`);
    // Evaluated through the DevTools protocol: the page's CSP forbids inline scripts, not this.
    await page.evaluate(helper);
    const api = pageApi(page);
    const indexed = await api.generate(brownJson(), size);
    const heapItems = await pageHeap(session.context, page);
    const buildMs = await api.build(ARRIVALS);
    const heapIndex = await pageHeap(session.context, page);
    const heapMB = { items: heapItems.usedMB, withIndex: heapIndex.usedMB, index: heapIndex.usedMB - heapItems.usedMB };
    log(`connections ${size}: index heap ${heapMB.index} MB`);
    log(`connections ${size}: indexed in ${round(buildMs / 1000)} s (extension page, Chromium)`);
    const arrival = await api.arrive(SHOWN);
    // A few sources first, untimed, so the explanation code is compiled before it is timed (arrivals do not explain).
    await api.pickSources(WARM_UP_SOURCES, DEFAULT_SEED ^ size ^ 1);
    await api.oneItem(SHOWN);
    await api.pickSources(SOURCES, DEFAULT_SEED ^ size);
    const one = await api.oneItem(SHOWN);
    const whole = size <= FULL_RECOMPUTE_MAX;
    const wide = await api.libraryWide(whole ? Number.MAX_SAFE_INTEGER : RECOMPUTE_SAMPLE);
    let keepCurrent: ConnectionsSizeResult['keepCurrent'] = null;
    if (whole) {
      // The last arrivals are taken out, the whole list found, then they arrive again one by one.
      await api.withdraw(ARRIVALS);
      await api.trackAll();
      const kept = await api.keepCurrent();
      keepCurrent = {
        perItem: summarize(kept.ms),
        relisted: summarize(kept.relisted),
        recomputes: kept.recomputes.map((ms) => round(ms)),
        meanMs: round(kept.ms.reduce((sum, ms) => sum + ms, 0) / kept.ms.length),
      };
      log(`connections ${size}: list kept current p95 ${keepCurrent.perItem.p95} ms, ${kept.recomputes.length} whole recomputes`);
    }
    const libraryWide = {
      ms: round(whole ? wide.ms : (wide.ms / wide.items) * indexed),
      estimated: !whole,
      pairs: whole ? wide.pairs : null,
    };
    log(`connections ${size}: one item p95 ${summarize(one.total).p95} ms, library-wide ${round(libraryWide.ms / 1000)} s`);
    await api.pickSources(NAIVE_SOURCES, DEFAULT_SEED ^ size);
    const naiveBuildMs = await api.buildNaive();
    const naive = summarize(await api.naiveOneItem(SHOWN));
    await api.dropNaive();
    log(`connections ${size}: naive baseline ranking p95 ${naive.p95} ms`);
    const oneItem = summarize(one.total);
    const related = summarize(one.related);
    return {
      size,
      indexed,
      buildMs: round(buildMs),
      oneItem,
      related,
      arrival: summarize(arrival),
      keepCurrent,
      heapMB,
      libraryWide,
      naive: { buildMs: round(naiveBuildMs), oneItem: naive },
      ratios: { related: round(related.p95 / naive.p95, 3), oneItem: round(oneItem.p95 / naive.p95, 3) },
    };
  } finally {
    await session.close();
    await rm(profileDir, { recursive: true, force: true });
  }
}

function keptCell(r: ConnectionsSizeResult): string {
  if (!r.keepCurrent) return 'not measured';
  const { perItem, meanMs } = r.keepCurrent;
  return `${perItem.p50.toLocaleString('en-US', { maximumFractionDigits: 1 })} / ${perItem.p95.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms (${meanMs.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms)`;
}

export function connectionsMarkdown(results: readonly ConnectionsSizeResult[], environment: string): string {
  const ms = (value: number) => `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
  const lines = [
    '# Connections benchmark',
    '',
    `${environment}. The connection index is the worker's own core code, run in an extension page of the built extension`,
    'in headless Chromium, on the Brown-corpus libraries of the search benchmark (a clip with its highlights is one item).',
    `The naive baseline runs in the same page: full tf-idf vectors, cosine of a source against every item (${NAIVE_SOURCES} of the same sources).`,
    'See bench/connections.ts and bench/connections-page.ts.',
    '',
    '| items | indexed clips | connections for one item p50 / p95 (related + explain of those shown) | related p95 | naive ranking p95 | ratio related / naive (p95) | ratio one item / naive (p95) | new item arrives: add + its connections p50 / p95 | library-wide list kept current, per added item p50 / p95 (mean) | library-wide list, recomputed | build | index heap |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.size.toLocaleString('en-US')} | ${r.indexed.toLocaleString('en-US')} | ${ms(r.oneItem.p50)} / ${ms(r.oneItem.p95)} | ${ms(r.related.p95)} | ` +
        `${ms(r.naive.oneItem.p95)} | ${r.ratios.related} | ${r.ratios.oneItem} | ` +
        `${ms(r.arrival.p50)} / ${ms(r.arrival.p95)} | ${keptCell(r)} | ${r.libraryWide.estimated ? '~' : ''}${ms(r.libraryWide.ms)}${r.libraryWide.estimated ? ` (estimated from ${RECOMPUTE_SAMPLE.toLocaleString('en-US')} items)` : ''} | ${ms(r.buildMs)} | ${r.heapMB.index} MB |`,
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
    'Keeping connections current: an arriving item is indexed and its own connections found at once ("new item arrives").',
    `The library-wide list is kept current item by item: after each of ${ARRIVALS} arrivals, the lists of the new item, of`,
    'items that listed a changed item and of items it now enters are found again ("kept current", after the add). When the',
    'index starts a new weighting epoch (every 1% of the library changed) the list is found whole again: those recomputes are',
    'in the mean and listed below. Index heap: the page heap after garbage collection with the index built, less the heap',
    'with the generated items alone.',
    '',
    ...results.flatMap((r) =>
      r.keepCurrent
        ? [
            `- ${r.size.toLocaleString('en-US')}: lists found again per arrival p50 ${r.keepCurrent.relisted.p50}, p95 ${r.keepCurrent.relisted.p95}; whole recomputes among the arrivals: ${r.keepCurrent.recomputes.length ? r.keepCurrent.recomputes.map(ms).join(', ') : 'none'}.`,
          ]
        : [`- ${r.size.toLocaleString('en-US')}: the whole list is only estimated at this size, so keeping it current is not measured.`],
    ),
    '',
  );
  return lines.join('\n');
}

/** Measures every size in Chromium and writes bench/results/<name>.json and .md. */
export async function runConnectionsBench(
  sizes: readonly number[],
  environment: { chromium: string; loadAverage: number },
  log: (message: string) => void,
  /** Results go to bench/results/<name>.json and .md. */
  name = 'connections',
): Promise<string> {
  const helper = await bundlePageScript('bench/connections-page.ts');
  const results: ConnectionsSizeResult[] = [];
  for (const size of sizes) results.push(await measureConnectionsAt(size, helper, log));
  const described = `${environment.chromium}, ${new Date().toISOString().slice(0, 10)}, load average ${environment.loadAverage} at the start on ${cpus().length} CPUs`;
  const markdown = connectionsMarkdown(results, described);
  const dir = join(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${name}.json`), `${JSON.stringify({ date: new Date().toISOString(), ...environment, results }, null, 2)}\n`);
  await writeFile(join(dir, `${name}.md`), markdown);
  return markdown;
}
