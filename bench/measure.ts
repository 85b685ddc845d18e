// Steps 2-5 in the browser relaunched on the filled profile: index build, snapshot, cold starts and typing.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import type { ExtensionSession } from '../test/e2e/extension';
import { extensionPageApi, openExtensionPage, sleep, valueOf, type WarmUp } from './extension-client';
import type { ColdFull, TierRead } from './extension-page';
import type { InsertResults } from './insert';
import {
  chromiumMemory,
  extensionFootprint,
  searchHostHeap,
  serviceWorkerHeap,
  type Footprint,
  type HeapUsage,
  type ProcessMemory,
} from './memory';
import { COLD_QUERY, FIRST_QUERY_AFTER_OPEN, NO_MATCH, TYPED_QUERIES, TYPING_PASSES, keystrokes } from './queries';
import { startCpuMeter, type CpuShare } from './cpu';
import { median, round, summarize, type Summary } from './stats';

/** One cold ping, split with the new worker's clock origin and the time its router logged the request. */
export interface ColdPing {
  ms: number;
  /** From sending to the worker's time origin: the browser starting the worker. */
  workerStartMs: number | null;
  /** From the worker's time origin to its router handling the request: loading and running background.js. */
  scriptMs: number | null;
}

export interface MeasuredResults {
  indexBuild: {
    /** From waking the stopped worker (its snapshot cleared) to a warmUp reporting index 'ready' with every item. */
    ms: number;
    /** When the first warmUp was answered (from the partial index, while rebuilding). */
    firstAnswerMs: number;
    /** Items indexed over time, about once a second: what searches see while rebuilding. */
    progress: { ms: number; items: number }[];
    memoryBefore: ProcessMemory;
    /** Largest extension-process RSS sampled (every 250 ms) during the build. */
    memoryPeak: ProcessMemory;
    memoryAfter: ProcessMemory;
    workerHeapAfter: HeapUsage | null;
    /** The search host's offscreen document (Chromium), where the index lives. */
    hostHeapAfter?: HeapUsage | null;
    /**
     * The search host's heap as V8 held it (garbage included), sampled about every 2 s during the build:
     * the sample with the most held. Tells the heap's share of the RSS peak from the rest.
     */
    hostHeapHeld?: HeapUsage | null;
    /** The most ArrayBuffer contents the search host held in those samples (outside its JS heap). */
    hostBackingStoresPeakMB?: number | null;
    /** The largest private footprint Chrome measured for the extension process, dumped about every 10 s during the build. */
    footprintPeak?: Footprint | null;
  };
  snapshot: {
    /** From index ready to both tiers saved (the worker waits for 5 s without changes first). */
    savedAfterMs: number;
    /** Largest extension-process RSS sampled (every 250 ms) from index ready until the snapshot was saved. */
    memoryPeak: ProcessMemory;
    /**
     * The heaps as V8 held them (garbage included), sampled about every 500 ms during the save: the
     * samples with the most held. The save starts after both heaps were collected (heaps after build).
     */
    hostHeapHeld?: HeapUsage | null;
    workerHeapHeld?: HeapUsage | null;
    /** The largest private footprint Chrome measured for the extension process, dumped about every second until the snapshot was saved. */
    footprintPeak?: Footprint | null;
    quickMB: number;
    fullMB: number;
    watermark: number;
    /** Reading each tier's row and parsing its JSON, from an extension page (the worker does the same when it starts). */
    quickRead: TierRead;
    fullRead: TierRead;
  };
  messaging: {
    /** An unknown request to a stopped worker: worker start-up plus the message round trip, no index work. */
    coldPing: ColdPing[];
    /** The same to a running worker: the message round trip alone. */
    warmPing: Summary;
    /** A quick search finding nothing: round trip, router, query parsing, no result views. */
    emptySearch: Summary;
  };
  /** warmUp to a stopped worker: answered once the quick tier is restored and caught up (no result views). */
  coldWarmUpMs: number[];
  /** A search to a stopped worker while the search host (offscreen document) keeps the index: Chrome's usual case. */
  coldSearch: { ms: number[]; medianMs: number; results: number[] };
  /**
   * A search with the worker stopped and the search host closed, as after the browser starts: the worker
   * creates the host, which restores the quick tier and catches up before answering.
   */
  coldEverything?: { ms: number[]; medianMs: number; results: number[] };
  coldFull: ColdFull;
  /**
   * A popup opened on a stopped worker, typed into at once: warmUp, then one quick search per keystroke
   * of FIRST_QUERY_AFTER_OPEN while the worker is still loading the full tier. Two runs, samples in order.
   */
  typingAfterOpen: { keystrokes: string[]; samples: number[]; summary: Summary; warmUpMs: number[] };
  /** Share of the CPUs other processes on the machine used during each phase. */
  cpu: { build: CpuShare; cold: CpuShare; typing: CpuShare };
  typing: {
    /** TYPING_PASSES passes over the keystrokes, in the order typed. */
    keystrokes: string[];
    quickSamples: number[];
    quick: Summary;
    fullQueries: string[];
    fullSamples: number[];
    full: Summary;
    /** Requests that failed (should be 0). */
    failures: number;
    /** Results of each complete query, quick and full (a sanity check). */
    resultsPerQuery: { query: string; quick: number; full: number }[];
    /** After typing: a worker restored from its snapshot with both tiers loaded, and one extension page. */
    memory: ProcessMemory;
    workerHeap: HeapUsage | null;
    hostHeap?: HeapUsage | null;
  };
  /**
   * Typing while a snapshot is saved: an item's tags changed, then keystrokes 50 ms apart until the
   * snapshot saved after it was committed (older results lack it). Times are from the change.
   */
  typingWhileSaving?: {
    /** Keystrokes from the save's start (the search service saves 5 s after the last change) to its commit. */
    samples: number[];
    summary: Summary;
    firstPartAt: number;
    committedAt: number;
  };
}

/** The search service saves a snapshot this long after the last change (search-service.ts). */
const SNAPSHOT_DELAY_MS = 5_000;

export type ExtensionResults = InsertResults & MeasuredResults;

/**
 * Memory-infra dumps of the extension process taken one after another, `everyMs` apart, from start()
 * until stop(), which resolves to the dump with the largest private footprint (null if none named it).
 * A dump takes a few hundred milliseconds of the browser's time, so it is taken far less often than RSS.
 */
function footprintSampler(context: BrowserContext, page: Page, profileDir: string) {
  let running: Promise<Footprint | null> | null = null;
  let sampling = false;
  return {
    start(everyMs: number): void {
      sampling = true;
      running = (async () => {
        let peak: Footprint | null = null;
        while (sampling) {
          const footprint = await extensionFootprint(context, page, profileDir).catch(() => null);
          if (footprint && footprint.privateMB > (peak?.privateMB ?? -1)) peak = footprint;
          for (let waited = 0; sampling && waited < everyMs; waited += 100) await sleep(100);
        }
        return peak;
      })();
    },
    async stop(): Promise<Footprint | null> {
      sampling = false;
      const peak = (await running) ?? null;
      running = null;
      return peak;
    },
  };
}

export interface MeasureOptions {
  coldRuns: number;
  log: (message: string) => void;
}

const SEARCH = (query: string, mode: 'quick' | 'full') => ({ query, mode, filters: {}, limit: 20 });

export async function measureExtension(session: ExtensionSession, helper: string, size: number, options: MeasureOptions) {
  const { log } = options;
  const { context, profileDir } = session;
  const page = await openExtensionPage(session, helper);
  const api = extensionPageApi(page);
  // Said at once, so a failure further on can be told apart from a crash.
  page.on('crash', () => log("the extension page crashed: its renderer process (the worker's too) died"));

  // 2. Index build. The relaunched worker may have started restoring: stop it, close the search host
  //    (it outlives the worker) and clear the snapshot (the first warmUp saved one of the empty library),
  //    so the next start rebuilds from storage.
  await api.closeSearchHost();
  await session.stopServiceWorker();
  await api.clearSnapshot();
  if ((await api.snapshotTiers()) !== 0) throw new Error('the stopped worker saved a snapshot again');
  const memoryBefore = chromiumMemory(profileDir);
  /** The largest reading of the window being sampled: the build, then the snapshot's save. */
  let sampled = memoryBefore;
  const sampler = setInterval(() => {
    const memory = chromiumMemory(profileDir);
    if (memory.extensionMB > sampled.extensionMB) sampled = memory;
  }, 250);
  let hostHeapHeld: HeapUsage | null = null;
  let hostBackingStoresPeakMB: number | null = null;
  let heapSampling = true;
  const heapSampler = (async () => {
    while (heapSampling) {
      const heap = await searchHostHeap(context, page, false).catch(() => null);
      if (heap && heap.totalMB > (hostHeapHeld?.totalMB ?? -1)) hostHeapHeld = heap;
      if (heap?.backingStoresMB !== undefined && heap.backingStoresMB > (hostBackingStoresPeakMB ?? -1))
        hostBackingStoresPeakMB = heap.backingStoresMB;
      await sleep(2_000);
    }
  })();
  const footprints = footprintSampler(context, page, profileDir);
  footprints.start(10_000);
  const buildCpu = startCpuMeter(profileDir);
  const buildStart = performance.now();
  // Woken by a request that does not wait for the index: a warmUp arriving while the new worker is still
  // "restoring" is answered only when the whole rebuild ends, and Chrome ends an event after 5 minutes.
  await api.send('benchPing');
  await sleep(100);
  let firstAnswerMs = -1;
  const progress: { ms: number; items: number }[] = [];
  const buildLimit = Math.max(180_000, size * 20);
  try {
    for (;;) {
      const result = await api.send('warmUp');
      const elapsed = performance.now() - buildStart;
      if (result.ok) {
        if (firstAnswerMs < 0) firstAnswerMs = elapsed;
        const warm = result.value as WarmUp;
        if (progress.length === 0 || elapsed - progress[progress.length - 1]!.ms > 1_000)
          progress.push({ ms: round(elapsed, 0), items: warm.items });
        if (warm.index === 'ready' && warm.items === size) break;
        if (warm.index === 'ready') throw new Error(`index ready with ${warm.items} items, expected ${size}`);
      }
      if (elapsed > buildLimit) throw new Error(`index not ready after ${buildLimit} ms`);
      await sleep(250);
    }
  } catch (error) {
    clearInterval(sampler);
    await footprints.stop();
    throw error;
  } finally {
    heapSampling = false;
  }
  await heapSampler;
  const buildFootprint = await footprints.stop();
  const buildMs = performance.now() - buildStart;
  const cpuBuild = buildCpu();
  const memoryAfter = chromiumMemory(profileDir);
  const memoryPeak = memoryAfter.extensionMB > sampled.extensionMB ? memoryAfter : sampled;
  sampled = memoryAfter;
  const workerHeapAfter = await serviceWorkerHeap(context, page);
  const hostHeapAfter = await searchHostHeap(context, page);
  log(
    `index built in ${(buildMs / 1000).toFixed(1)} s; worker heap ${workerHeapAfter?.usedMB ?? '?'} MB, search host heap ${hostHeapAfter?.usedMB ?? '-'} MB`,
  );

  // 3. Snapshot, saved after 5 s without changes. Pings keep Chrome's 30 s idle timer from stopping the worker.
  const readyAt = performance.now();
  const snapshotLimit = Math.max(120_000, size * 3);
  let lastPing = readyAt;
  const savingHeld: { host: HeapUsage | null; worker: HeapUsage | null } = { host: null, worker: null };
  footprints.start(1_000);
  heapSampling = true;
  const savingHeapSampler = (async () => {
    while (heapSampling) {
      const [host, worker] = await Promise.all([
        searchHostHeap(context, page, false).catch(() => null),
        serviceWorkerHeap(context, page, false).catch(() => null),
      ]);
      if (host && host.totalMB > (savingHeld.host?.totalMB ?? -1)) savingHeld.host = host;
      if (worker && worker.totalMB > (savingHeld.worker?.totalMB ?? -1)) savingHeld.worker = worker;
      await sleep(500);
    }
  })();
  try {
    while ((await api.snapshotTiers()) < 2) {
      if (performance.now() - readyAt > snapshotLimit) throw new Error(`no snapshot after ${snapshotLimit} ms`);
      if (performance.now() - lastPing > 10_000) {
        await api.send('warmUp');
        lastPing = performance.now();
      }
      await sleep(250);
    }
  } catch (error) {
    await footprints.stop();
    throw error;
  } finally {
    clearInterval(sampler);
    heapSampling = false;
  }
  await savingHeapSampler;
  const savingFootprint = await footprints.stop();
  const savedAfterMs = performance.now() - readyAt;
  const savingPeak = sampled;
  log(`snapshot saved ${(savedAfterMs / 1000).toFixed(1)} s after the index was ready`);

  // 4. Cold starts: the message round trip alone, the quick tier restored, the first search answer,
  //    then the first answer that searched article text.
  const coldCpu = startCpuMeter(profileDir);
  const warmPing: number[] = [];
  for (let i = 0; i < 20; i++) warmPing.push((await api.timed('benchPing')).ms);
  const emptySearch = (await api.searchEach(Array<string>(20).fill(NO_MATCH), 'quick')).map((timing) => timing.ms);
  // The router logs unknown requests: the log's time says when the new worker got to handle it.
  const pingLogs: number[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (message.text().includes('"benchPing"')) pingLogs.push(message.timestamp());
  };
  context.on('console', onConsole);
  const coldPing: ColdPing[] = [];
  for (let i = 0; i < 3; i++) {
    await session.stopServiceWorker();
    const logged = pingLogs.length;
    const { ms, sentAt, result } = await api.timed('benchPing');
    if (result.ok || !/Unknown request/.test(result.error)) throw new Error(`unexpected ping answer: ${JSON.stringify(result)}`);
    const worker = context.serviceWorkers().at(-1);
    const origin = worker ? await worker.evaluate(() => performance.timeOrigin).catch(() => null) : null;
    for (let wait = 0; pingLogs.length === logged && wait < 20; wait++) await sleep(50);
    const handledAt = pingLogs[logged];
    coldPing.push({
      ms: round(ms),
      workerStartMs: origin === null ? null : round(origin - sentAt),
      scriptMs: origin === null || handledAt === undefined ? null : round(handledAt - origin),
    });
  }
  context.off('console', onConsole);
  const coldWarmUpMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    await session.stopServiceWorker();
    const { ms, result } = await api.timed('warmUp');
    valueOf<WarmUp>(result, 'cold warmUp');
    coldWarmUpMs.push(round(ms));
  }
  const coldMs: number[] = [];
  const coldResults: number[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    await session.stopServiceWorker();
    const { ms, result } = await api.timed('search', SEARCH(COLD_QUERY, 'quick'));
    coldMs.push(round(ms));
    coldResults.push(valueOf<{ results: unknown[] }>(result, 'cold search').results.length);
  }
  // Everything cold, as after the browser starts: no worker, no search host (where there is one).
  const everythingMs: number[] = [];
  const everythingResults: number[] = [];
  for (let i = 0; i < options.coldRuns; i++) {
    await api.closeSearchHost();
    await session.stopServiceWorker();
    const { ms, result } = await api.timed('search', SEARCH(COLD_QUERY, 'quick'));
    everythingMs.push(round(ms));
    everythingResults.push(valueOf<{ results: unknown[] }>(result, 'cold search, everything cold').results.length);
  }
  await api.closeSearchHost();
  await session.stopServiceWorker();
  // 100 ms apart: a tight loop of requests would itself slow the worker's loading of the full tier.
  const coldFull = await api.coldFull(COLD_QUERY, 100, Math.max(60_000, size * 2));
  const afterOpen = keystrokes([FIRST_QUERY_AFTER_OPEN]);
  const afterOpenSamples: number[] = [];
  const afterOpenWarmUp: number[] = [];
  for (let i = 0; i < 2; i++) {
    await session.stopServiceWorker();
    const { ms, result } = await api.timed('warmUp');
    valueOf<WarmUp>(result, 'cold warmUp');
    afterOpenWarmUp.push(round(ms));
    for (const timing of await api.searchEach(afterOpen, 'quick')) afterOpenSamples.push(round(timing.ms, 2));
  }
  const cpuCold = coldCpu();
  log(
    `cold search median ${median(coldMs).toFixed(0)} ms (everything cold ${median(everythingMs).toFixed(0)} ms); first article-text answer ${coldFull.firstFullTextMs?.toFixed(0) ?? 'none'} ms`,
  );

  // 5. Typing, with a warm worker whose index (both tiers) is loaded.
  for (const start = performance.now(); ; await sleep(100)) {
    if (valueOf<WarmUp>(await api.send('warmUp'), 'warmUp').fullText) break;
    if (performance.now() - start > Math.max(120_000, size * 3)) throw new Error('full tier not loaded in time');
  }
  const typingCpu = startCpuMeter(profileDir);
  await api.searchEach(['warm up', 'searching'], 'quick');
  await api.searchEach(['warm up', 'searching'], 'full');
  const typed = Array.from({ length: TYPING_PASSES }, () => keystrokes()).flat();
  const quick = await api.searchEach(typed, 'quick');
  const fullQueries = [...TYPED_QUERIES, ...TYPED_QUERIES, ...TYPED_QUERIES];
  const full = await api.searchEach(fullQueries, 'full');
  const cpuTyping = typingCpu();
  const failures = [...quick, ...full].filter((timing) => timing.results < 0).length;
  const resultsPerQuery = TYPED_QUERIES.map((query, i) => ({
    query,
    quick: quick[typed.indexOf(query)]?.results ?? -1,
    full: full[i]?.results ?? -1,
  }));
  const memory = chromiumMemory(profileDir);
  const workerHeap = await serviceWorkerHeap(context, page);
  const hostHeap = await searchHostHeap(context, page);
  const quickSamples = quick.map((timing) => round(timing.ms, 2));
  const fullSamples = full.map((timing) => round(timing.ms, 2));
  log(`keystrokes p95 ${summarize(quickSamples).p95} ms, full p95 ${summarize(fullSamples).p95} ms`);

  // 6. Typing while the snapshot after a change is saved (the search host's thread also draws the popup).
  const [item] = valueOf<{ results: { type: 'clip' | 'highlight'; id: string }[] }>(
    await api.send('search', SEARCH(COLD_QUERY, 'quick')),
    'search for an item to change',
  ).results;
  if (!item) throw new Error(`no item found for "${COLD_QUERY}"`);
  const change = { type: 'setTags', payload: { item: { type: item.type, id: item.id }, tags: ['bench-saved'] } };
  const whileSaving = await api.typeWhileSaving(keystrokes(), change, 50, Math.max(60_000, size * 2));
  if (whileSaving.committedAt < 0) throw new Error('the snapshot after a change was not saved in time');
  const savingSamples = whileSaving.samples.filter((sample) => sample.at >= SNAPSHOT_DELAY_MS).map((sample) => round(sample.ms, 2));
  log(
    `typing while saving: ${savingSamples.length} keystrokes, p95 ${summarize(savingSamples).p95} ms, max ${summarize(savingSamples).max} ms (committed ${(whileSaving.committedAt / 1000).toFixed(1)} s after the change)`,
  );

  // Last, as it leaves both tiers' JSON in this page's heap: what reading the snapshot costs.
  const read = await api.readSnapshot();
  if (!read.quick || !read.full || read.quick.watermark <= 0) throw new Error('snapshot rows are incomplete');
  await page.close();

  const results: MeasuredResults = {
    indexBuild: {
      ms: round(buildMs),
      firstAnswerMs: round(firstAnswerMs),
      progress,
      memoryBefore,
      memoryPeak,
      memoryAfter,
      workerHeapAfter,
      hostHeapAfter,
      hostHeapHeld,
      hostBackingStoresPeakMB,
      footprintPeak: buildFootprint,
    },
    snapshot: {
      savedAfterMs: round(savedAfterMs),
      memoryPeak: savingPeak,
      hostHeapHeld: savingHeld.host,
      workerHeapHeld: savingHeld.worker,
      footprintPeak: savingFootprint,
      quickMB: mb(read.quick.chars),
      fullMB: mb(read.full.chars),
      watermark: read.quick.watermark,
      quickRead: roundTier(read.quick),
      fullRead: roundTier(read.full),
    },
    messaging: { coldPing, warmPing: summarize(warmPing), emptySearch: summarize(emptySearch) },
    coldWarmUpMs,
    coldSearch: { ms: coldMs, medianMs: round(median(coldMs)), results: coldResults },
    coldEverything: { ms: everythingMs, medianMs: round(median(everythingMs)), results: everythingResults },
    typingAfterOpen: {
      keystrokes: [...afterOpen, ...afterOpen],
      samples: afterOpenSamples,
      summary: summarize(afterOpenSamples),
      warmUpMs: afterOpenWarmUp,
    },
    cpu: { build: cpuBuild, cold: cpuCold, typing: cpuTyping },
    coldFull: {
      firstAnswerMs: round(coldFull.firstAnswerMs),
      firstFullTextMs: coldFull.firstFullTextMs === null ? null : round(coldFull.firstFullTextMs),
      requests: coldFull.requests,
    },
    typing: {
      keystrokes: typed,
      quickSamples,
      quick: summarize(quickSamples),
      fullQueries,
      fullSamples,
      full: summarize(fullSamples),
      failures,
      resultsPerQuery,
      memory,
      workerHeap,
      hostHeap,
    },
    typingWhileSaving: {
      samples: savingSamples,
      summary: summarize(savingSamples),
      firstPartAt: round(whileSaving.firstPartAt),
      committedAt: round(whileSaving.committedAt),
    },
  };
  return results;
}

/** JSON length in millions of characters (about MB: the index JSON is ASCII). */
function mb(chars: number): number {
  return round(chars / 1e6, 2);
}

function roundTier(tier: TierRead): TierRead {
  return { chars: tier.chars, parts: tier.parts, watermark: tier.watermark, readMs: round(tier.readMs), parseMs: round(tier.parseMs) };
}
