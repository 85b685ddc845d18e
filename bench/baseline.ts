// Step 6: the baselines beside ours, in the same browser and on the same items, timed on the same keystrokes.
import type { BrowserContext, Page } from 'playwright-core';
import type { BaselinePageApi, TypingRun } from './baseline-page';
import { brownJson } from './brown';
import { startCpuMeter } from './cpu';
import { pageHeap } from './memory';
import { TYPED_QUERIES, TYPING_PASSES, keystrokes } from './queries';
import { round, summarize, type Summary } from './stats';

export interface TypingResult {
  samples: number[];
  summary: Summary;
  /** Keystrokes timed, and how many were planned (the time budget can stop a slow baseline early). */
  measured: number;
  planned: number;
  /** Results of the first few keystrokes (a sanity check that the baseline finds things). */
  found: number[];
}

export interface BaselineResults {
  /** Share of the CPUs other processes used while the baselines ran. */
  othersCpuPct: number;
  /** JS heap of the page holding only the items. */
  itemsHeapMB: number;
  /** Our search core in the page: no worker, no messages, no IndexedDB, no result views. */
  ours: {
    buildMs: number;
    snapshotMs: number;
    quickMB: number;
    fullMB: number;
    restoreQuickMs: number;
    restoreFullMs: number;
    /** Heap of the restored index (page heap minus the items). */
    heapMB: number;
    quick: TypingResult;
    full: TypingResult;
  };
  miniSearch: { buildMs: number; heapMB: number; typing: TypingResult };
  naive: { buildMs: number; heapMB: number; typing: TypingResult };
}

type PageGlobal = { crisscrossBaseline: BaselinePageApi };

/** Typed calls into the bundle added to the plain page. */
function baselineApi(page: Page) {
  return {
    addGenerated: (filesJson: string, size: number) =>
      page.evaluate(([f, n]) => (globalThis as unknown as PageGlobal).crisscrossBaseline.addGenerated(f, n), [filesJson, size] as const),
    buildOurs: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBaseline.buildOurs()),
    snapshotOurs: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBaseline.snapshotOurs()),
    restoreOurs: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBaseline.restoreOurs()),
    typeOurs: (queries: string[], mode: 'quick' | 'full') =>
      page.evaluate(([q, m]) => (globalThis as unknown as PageGlobal).crisscrossBaseline.typeOurs(q, m), [queries, mode] as const),
    buildMiniSearch: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBaseline.buildMiniSearch()),
    typeMiniSearch: (queries: string[], budgetMs: number) =>
      page.evaluate(([q, b]) => (globalThis as unknown as PageGlobal).crisscrossBaseline.typeMiniSearch(q, b), [
        queries,
        budgetMs,
      ] as const),
    buildNaive: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBaseline.buildNaive()),
    typeNaive: (queries: string[], budgetMs: number) =>
      page.evaluate(([q, b]) => (globalThis as unknown as PageGlobal).crisscrossBaseline.typeNaive(q, b), [queries, budgetMs] as const),
    drop: (what: 'ours' | 'miniSearch' | 'naive') =>
      page.evaluate((w) => (globalThis as unknown as PageGlobal).crisscrossBaseline.drop(w), what),
  };
}

function typingResult(run: TypingRun, planned: number): TypingResult {
  const samples = run.ms.map((ms) => round(ms, 2));
  return { samples, summary: summarize(samples), measured: samples.length, planned, found: run.found.slice(0, 5) };
}

export async function measureBaselines(
  context: BrowserContext,
  bundle: string,
  size: number,
  { budgetMs, log, profileDir }: { budgetMs: number; log: (message: string) => void; profileDir: string },
): Promise<BaselineResults> {
  const page = await context.newPage();
  const cpu = startCpuMeter(profileDir);
  try {
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle });
    const api = baselineApi(page);
    const added = await api.addGenerated(brownJson(), size);
    if (added !== size) throw new Error(`the page generated ${added} items, expected ${size}`);
    const itemsHeap = (await pageHeap(context, page)).usedMB;
    const typed = keystrokes();
    const fullQueries = [...TYPED_QUERIES, ...TYPED_QUERIES, ...TYPED_QUERIES];
    const buildMs = await api.buildOurs();
    const snap = await api.snapshotOurs();
    // A full collection first, so the built index just dropped is not collected during the restore.
    await pageHeap(context, page);
    const restore = await api.restoreOurs();
    const oursHeap = (await pageHeap(context, page)).usedMB - itemsHeap;
    await api.typeOurs(['warm up', 'searching'], 'quick');
    await api.typeOurs(['warm up', 'searching'], 'full');
    const oursQuick = await api.typeOurs(Array.from({ length: TYPING_PASSES }, () => typed).flat(), 'quick');
    const oursFull = await api.typeOurs(fullQueries, 'full');
    await api.drop('ours');
    log(`in-page core: built in ${(buildMs / 1000).toFixed(1)} s, keystroke p95 ${summarize(oursQuick.ms).p95} ms`);

    await pageHeap(context, page);
    const miniBuildMs = await api.buildMiniSearch();
    const miniHeap = (await pageHeap(context, page)).usedMB - itemsHeap;
    await api.typeMiniSearch(['warm up'], Number.MAX_SAFE_INTEGER);
    const mini = await api.typeMiniSearch(typed, budgetMs);
    await api.drop('miniSearch');
    log(
      `MiniSearch: built in ${(miniBuildMs / 1000).toFixed(1)} s, keystroke p95 ${summarize(mini.ms).p95} ms (${mini.ms.length} keystrokes)`,
    );

    await pageHeap(context, page);
    const naiveBuildMs = await api.buildNaive();
    const naiveHeap = (await pageHeap(context, page)).usedMB - itemsHeap;
    const naive = await api.typeNaive(typed, budgetMs);
    await api.drop('naive');
    log(`naive scan: keystroke p95 ${summarize(naive.ms).p95} ms (${naive.ms.length} keystrokes)`);

    return {
      othersCpuPct: cpu().othersPct,
      itemsHeapMB: itemsHeap,
      ours: {
        buildMs: round(buildMs),
        snapshotMs: round(snap.ms),
        quickMB: round(snap.quickChars / 1e6, 2),
        fullMB: round(snap.fullBytes / 1e6, 2),
        restoreQuickMs: round(restore.quickMs),
        restoreFullMs: round(restore.fullMs),
        heapMB: oursHeap,
        quick: typingResult(oursQuick, typed.length * TYPING_PASSES),
        full: typingResult(oursFull, fullQueries.length),
      },
      miniSearch: { buildMs: round(miniBuildMs), heapMB: miniHeap, typing: typingResult(mini, typed.length) },
      naive: { buildMs: round(naiveBuildMs), heapMB: naiveHeap, typing: typingResult(naive, typed.length) },
    };
  } finally {
    await page.close();
  }
}
