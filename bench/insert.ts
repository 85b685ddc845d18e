// Step 1: fills a fresh profile's library with raw IndexedDB writes from an extension page, then closes that browser.
import { launchExtension } from '../test/e2e/extension';
import { brownJson } from './brown';
import type { CorpusStats } from './corpus';
import { extensionPageApi, openExtensionPage, valueOf, type WarmUp } from './extension-client';
import { round } from './stats';

export interface InsertResults {
  corpus: CorpusStats;
  /** Writing the items, 500 per transaction: `idbMs` inside IndexedDB; `ms` also counts generating them in the page. */
  insert: { ms: number; idbMs: number; chunks: number; itemsPerSecond: number };
}

/**
 * The items are generated inside the extension page (the Brown sentences are passed once, the generator is
 * the same code as in Node): passing a gigabyte of chunks through the DevTools protocol took most of the
 * insert time at 100,000 items, and measured nothing of the extension.
 */
export async function insertLibrary(
  profileDir: string,
  helper: string,
  size: number,
  log: (message: string) => void,
): Promise<InsertResults> {
  const session = await launchExtension(profileDir);
  try {
    const page = await openExtensionPage(session, helper);
    const api = extensionPageApi(page);
    valueOf<WarmUp>(await api.send('warmUp'), 'warmUp');
    await api.startCorpus(brownJson(), size);
    let idbMs = 0;
    let chunks = 0;
    let stats: CorpusStats | null = null;
    const start = performance.now();
    while (!stats) {
      const progress = await api.putNextChunks(20);
      idbMs += progress.idbMs;
      chunks += progress.chunks;
      stats = progress.stats;
      if (!stats && chunks % 40 === 0) log(`  ${chunks * 500} items written`);
    }
    const ms = performance.now() - start;
    await api.closeDb();
    log(
      `inserted ${size} items (${stats.clips} clips, ${stats.highlights} highlights) in ${(ms / 1000).toFixed(1)} s (${(idbMs / 1000).toFixed(1)} s in IndexedDB)`,
    );
    return {
      corpus: { ...stats, textMB: round(stats.textMB, 1), htmlMB: round(stats.htmlMB, 1) },
      insert: { ms: round(ms), idbMs: round(idbMs), chunks, itemsPerSecond: Math.round(size / (idbMs / 1000)) },
    };
  } finally {
    await session.close();
  }
}
