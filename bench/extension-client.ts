// Node-side handle on an extension page that has the extension-page.ts bundle in it: typed calls into it.
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../test/e2e/extension';
import type { ExtensionPageApi, Result, SearchTiming } from './extension-page';

type PageGlobal = { crisscrossBench: ExtensionPageApi };

export interface WarmUp {
  items: number;
  index: 'restoring' | 'rebuilding' | 'ready';
  fullText: boolean;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens popup.html?tab=none (an extension page, so its messages are trusted) with the helper bundle in it. */
export async function openExtensionPage(session: ExtensionSession, helper: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=none`);
  // Evaluated through the DevTools protocol: the page's CSP forbids inline scripts, not this.
  await page.evaluate(helper);
  // The popup sends its own requests as it opens (warmUp, recent clips); let them be answered first,
  // or one could wake a worker the benchmark is about to stop.
  await extensionPageApi(page).send('warmUp');
  await sleep(500);
  return page;
}

export function valueOf<T>(result: Result, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error}`);
  return result.value as T;
}

/** Typed calls into the helper (each function runs in the page, so each names the global itself). */
export function extensionPageApi(page: Page) {
  return {
    send: (type: string, payload: object = {}) =>
      page.evaluate(([t, p]) => (globalThis as unknown as PageGlobal).crisscrossBench.send(t, p), [type, payload] as const),
    timed: (type: string, payload: object = {}) =>
      page.evaluate(([t, p]) => (globalThis as unknown as PageGlobal).crisscrossBench.timed(t, p), [type, payload] as const),
    searchEach: (queries: string[], mode: 'quick' | 'full'): Promise<SearchTiming[]> =>
      page.evaluate(([q, m]) => (globalThis as unknown as PageGlobal).crisscrossBench.searchEach(q, m), [queries, mode] as const),
    coldFull: (query: string, gapMs: number, limitMs: number) =>
      page.evaluate(([q, g, l]) => (globalThis as unknown as PageGlobal).crisscrossBench.coldFull(q, g, l), [
        query,
        gapMs,
        limitMs,
      ] as const),
    typeWhileSaving: (queries: string[], change: { type: string; payload: object }, gapMs: number, limitMs: number) =>
      page.evaluate(([q, c, g, l]) => (globalThis as unknown as PageGlobal).crisscrossBench.typeWhileSaving(q, c, g, l), [
        queries,
        change,
        gapMs,
        limitMs,
      ] as const),
    startCorpus: (filesJson: string, size: number) =>
      page.evaluate(([f, n]) => (globalThis as unknown as PageGlobal).crisscrossBench.startCorpus(f, n), [filesJson, size] as const),
    putNextChunks: (maxChunks: number) =>
      page.evaluate((m) => (globalThis as unknown as PageGlobal).crisscrossBench.putNextChunks(m), maxChunks),
    closeDb: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBench.closeDb()),
    clearSnapshot: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBench.clearSnapshot()),
    closeSearchHost: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBench.closeSearchHost()),
    snapshotTiers: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBench.snapshotTiers()),
    readSnapshot: () => page.evaluate(() => (globalThis as unknown as PageGlobal).crisscrossBench.readSnapshot()),
  };
}
