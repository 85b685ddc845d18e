// The library list part of `npm run bench`: listLibrary pages at the start, middle and end of every list
// (through the worker, and our paging against the old offset() paging in the same page), then the real
// library page: time to its first rows, and its frames while it is scrolled with the wheel and jumped
// through (a scrollbar dragged), measured with requestAnimationFrame in the page.
import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../test/e2e/extension';
import type { LibraryListQuery } from '../src/messaging/protocol';
import { sleep } from './extension-client';
import type { ListCaseSamples, ListPageApi, Position } from './list-page';
import { mulberry32 } from './prng';
import { percentile, round, summarize, type Summary } from './stats';

/** Rows per request, as the library page asks (LibraryList's PAGE_SIZE). */
const PAGE_SIZE = 40;
const REPS = 10;
/** Time the old paging may take per position (each takes at least two samples). */
const NAIVE_BUDGET_MS = 5_000;

const CASES: { name: string; query: LibraryListQuery }[] = [
  { name: 'clips by saved date', query: { type: 'clip', sort: 'saved', hasNotes: false } },
  { name: 'clips by published date', query: { type: 'clip', sort: 'published', hasNotes: false } },
  { name: 'clips by title', query: { type: 'clip', sort: 'title', hasNotes: false } },
  { name: 'clips by site', query: { type: 'clip', sort: 'site', hasNotes: false } },
  { name: 'highlights', query: { type: 'highlight', sort: 'saved', hasNotes: false } },
  { name: 'highlights with notes', query: { type: 'highlight', sort: 'saved', hasNotes: true } },
];

export interface ListPositionResult {
  position: Position;
  offset: number;
  worker: Summary;
  workerScrollOn: Summary;
  ours: Summary;
  oursScrollOn: Summary;
  naive: Summary;
  /** ours (jump) p95 / naive p95, in the same page. */
  ratio: number;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Frames longer than 50 ms (a long frame is a visible stall). */
  longFrames: number;
  /** Frames in which a row in view still said "Loading…". */
  framesWithRowsLoading: number;
}

export interface LibraryPageResults {
  /** From navigation to the first rows drawn in the library page, over several loads. */
  firstRowsMs: Summary;
  wheel: FrameStats;
  jumps: FrameStats & { toRowsMs: Summary; lastRowShown: boolean };
}

export interface ListResults {
  size: number;
  cases: { name: string; total: number; positions: ListPositionResult[] }[];
  page: LibraryPageResults;
}

export async function measureList(
  session: ExtensionSession,
  listHelper: string,
  size: number,
  log: (message: string) => void,
): Promise<ListResults> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=none`);
    await page.evaluate(listHelper);
    // The worker shares its process with extension pages: a search index still being built would be measured too.
    log('library list: waiting for the search index to be ready');
    await searchIndexReady(session, page, size);
    log('library list: listLibrary at the start, middle and end of each list');
    const samples = await page.evaluate(
      ([cases, reps, limit, budget]) =>
        (globalThis as unknown as { crisscrossListBench: ListPageApi }).crisscrossListBench.measureList(cases, reps, limit, budget),
      [CASES, REPS, PAGE_SIZE, NAIVE_BUDGET_MS] as const,
    );
    const cases = samples.map(summarizeCase);
    log('library list: the library page, first rows, wheel and jumps');
    return { size, cases, page: await measureLibraryPage(session, size) };
  } finally {
    await page.close();
  }
}

type Chrome = { chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } } };

const warmUp = async (page: Page) => {
  const answer = await page.evaluate(() =>
    (globalThis as unknown as Chrome).chrome.runtime.sendMessage({ channel: 'crisscross', type: 'warmUp', payload: {} }),
  );
  return (answer as { ok: boolean; value?: { index: string; items: number } }).value;
};

/**
 * Waits until the worker's search index holds the whole library, as it does in a library in use. Run
 * alone (--only=list), the worker restored the empty library's snapshot the insert left, and the items
 * are older than it: the snapshot is cleared and the worker restarted, so it rebuilds from storage.
 */
async function searchIndexReady(session: ExtensionSession, page: Page, size: number) {
  await indexBuilt(session, page, size);
  // The search host saves its snapshot a few seconds after the build: let that finish too, or its
  // serialising (which shares the extension pages' thread) would be measured as the list's time.
  const deadline = performance.now() + Math.max(120_000, size * 3);
  while (!(await page.evaluate(snapshotSaved))) {
    if (performance.now() > deadline) throw new Error('the search snapshot was not saved in time');
    await sleep(1_000);
  }
}

/** Whether the search snapshot of the current index is stored (its full tier's row is written last, or with the quick one). */
function snapshotSaved(): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('crisscross');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      // A count, not a get: the row can be hundreds of megabytes.
      const read = opening.result.transaction('searchSnapshot').objectStore('searchSnapshot').count('full');
      read.onsuccess = () => {
        opening.result.close();
        resolve(read.result > 0);
      };
      read.onerror = () => reject(read.error);
    };
  });
}

async function indexBuilt(session: ExtensionSession, page: Page, size: number) {
  const first = await warmUp(page);
  if (first?.index === 'ready' && first.items === size) return;
  await session.stopServiceWorker();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('crisscross');
        opening.onerror = () => reject(opening.error);
        opening.onsuccess = () => {
          const tx = opening.result.transaction('searchSnapshot', 'readwrite');
          tx.objectStore('searchSnapshot').clear();
          tx.oncomplete = () => resolve(opening.result.close());
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  const deadline = performance.now() + Math.max(180_000, size * 20);
  while (performance.now() < deadline) {
    const value = await warmUp(page);
    if (value?.index === 'ready' && value.items === size) return;
    await sleep(1_000);
  }
  throw new Error('the search index was not ready in time');
}

function summarizeCase({ name, total, positions }: ListCaseSamples) {
  return {
    name,
    total,
    positions: positions.map((samples) => ({
      position: samples.position,
      offset: samples.offset,
      worker: summarize(samples.worker),
      workerScrollOn: summarize(samples.workerScrollOn),
      ours: summarize(samples.ours),
      oursScrollOn: summarize(samples.oursScrollOn),
      naive: summarize(samples.naive),
      ratio: round(percentile(samples.ours, 95) / percentile(samples.naive, 95), 3),
    })),
  };
}

/** Records every frame's length, and whether a row in view was still loading, until stopped. */
function startFrameRecorder(page: Page) {
  return page.evaluate(() => {
    const state = { deltas: [] as number[], loading: 0, running: true };
    (globalThis as unknown as { frameRecorder: typeof state }).frameRecorder = state;
    let last = performance.now();
    const tick = (now: number) => {
      state.deltas.push(now - last);
      last = now;
      const scroller = document.querySelector<HTMLElement>('.vscroll');
      if (scroller) {
        const top = scroller.scrollTop;
        const bottom = top + scroller.clientHeight;
        const loading = [...scroller.querySelectorAll<HTMLElement>('.vrow > .muted')].some((cell) => {
          const rowTop = parseFloat(cell.parentElement!.style.top);
          return rowTop < bottom && rowTop + 78 > top;
        });
        if (loading) state.loading++;
      }
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function stopFrameRecorder(page: Page): Promise<FrameStats> {
  const { deltas, loading } = await page.evaluate(() => {
    const state = (globalThis as unknown as { frameRecorder: { deltas: number[]; loading: number; running: boolean } }).frameRecorder;
    state.running = false;
    return { deltas: state.deltas.slice(1), loading: state.loading };
  });
  const summary = summarize(deltas);
  return {
    frames: deltas.length,
    p50: summary.p50,
    p95: summary.p95,
    max: summary.max,
    longFrames: deltas.filter((ms) => ms > 50).length,
    framesWithRowsLoading: loading,
  };
}

async function measureLibraryPage(session: ExtensionSession, size: number): Promise<LibraryPageResults> {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  // Before the page's own scripts: notes when the first row is drawn (performance.now() counts from navigation).
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.vrow .row-title')) return;
      (globalThis as unknown as { firstRowsAt: number }).firstRowsAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  try {
    const firstRows: number[] = [];
    for (let load = 0; load < 5; load++) {
      await page.goto(`chrome-extension://${session.extensionId}/library.html`);
      await page.waitForSelector('.vrow .row-title', { timeout: 60_000 });
      firstRows.push(await page.evaluate(() => (globalThis as unknown as { firstRowsAt: number }).firstRowsAt));
    }

    // The wheel: 60 quick turns of 600 px (about 8 rows each), as a reader flicks down a long list.
    const box = (await page.locator('.vscroll').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await startFrameRecorder(page);
    for (let turn = 0; turn < 60; turn++) {
      await page.mouse.wheel(0, 600);
      await sleep(16);
    }
    await sleep(500);
    const wheel = await stopFrameRecorder(page);

    // Jumps: the scroll position set far away at once, as a dragged scrollbar does, ending at the very end.
    const random = mulberry32(size);
    const targets = [...Array.from({ length: 14 }, () => random()), 0.5, 1];
    await startFrameRecorder(page);
    const toRows: number[] = [];
    for (const fraction of targets) {
      toRows.push(
        await page.evaluate(async (to) => {
          const scroller = document.querySelector<HTMLElement>('.vscroll')!;
          const start = performance.now();
          scroller.scrollTop = to * (scroller.scrollHeight - scroller.clientHeight);
          const shown = () => {
            const top = scroller.scrollTop;
            const rows = [...scroller.querySelectorAll<HTMLElement>('.vrow')].filter((row) => {
              const rowTop = parseFloat(row.style.top);
              return rowTop < top + scroller.clientHeight && rowTop + 78 > top;
            });
            return rows.length > 0 && rows.every((row) => row.querySelector('.row-title'));
          };
          while (!shown()) await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now() - start;
        }, fraction),
      );
      await sleep(100);
    }
    const jumps = await stopFrameRecorder(page);
    const lastRowShown = await page.evaluate(
      (total) => Boolean(document.querySelector(`.vrow[aria-posinset="${total}"] .row-title`)),
      await page.evaluate(() => Number(document.querySelector('.vrow')?.getAttribute('aria-setsize'))),
    );
    return { firstRowsMs: summarize(firstRows), wheel, jumps: { ...jumps, toRowsMs: summarize(toRows), lastRowShown } };
  } finally {
    await page.close();
  }
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US'));

/** The list section of the report. */
export function listMarkdown(results: ListResults[], environment: { chromium: string; loadAverage: number; date: string }): string {
  const lines = [
    '# Library list benchmark',
    '',
    `${environment.date}, ${environment.chromium}, load average ${environment.loadAverage} when it ended. ` +
      'Produced by `npm run bench` (alone: `npm run bench -- --only=list`); see bench/README.md.',
    '',
    'Times in ms, p50 / p95 of 10 requests of 40 rows, as the library page asks (the old paging: as many as fit in 5 s, at least 2). "jump": a page asked by offset alone (a scrollbar dragged there); ' +
      '"on": with the cursor of the page before (scrolling on). "worker" goes through the real message path; ' +
      '"ours" and "naive" (the old offset() paging) run in one extension page on the same database, and the ratio is ours (jump) p95 / naive p95.',
  ];
  for (const result of results) {
    lines.push('', `## ${result.size.toLocaleString('en-US')} items`, '');
    lines.push(
      '| list (rows) | position | worker jump | worker on | ours jump | ours on | naive | ours/naive |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const listCase of result.cases) {
      for (const p of listCase.positions) {
        const pair = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)}`;
        lines.push(
          `| ${listCase.name} (${listCase.total.toLocaleString('en-US')}) | ${p.position} | ${pair(p.worker)} | ${pair(p.workerScrollOn)} | ${pair(p.ours)} | ${pair(p.oursScrollOn)} | ${pair(p.naive)} | ${p.ratio}× |`,
        );
      }
    }
    const { firstRowsMs, wheel, jumps } = result.page;
    const frames = (f: FrameStats) =>
      `${f.frames} | ${ms(f.p50)} | ${ms(f.p95)} | ${ms(f.max)} | ${f.longFrames} | ${f.framesWithRowsLoading}`;
    lines.push(
      '',
      `The library page (1280×900): first rows ${ms(firstRowsMs.p50)} ms p50, ${ms(firstRowsMs.p95)} ms p95 after navigation (${firstRowsMs.n} loads); ` +
        `a jump shows its rows in ${ms(jumps.toRowsMs.p50)} ms p50, ${ms(jumps.toRowsMs.p95)} ms p95 (${jumps.toRowsMs.n} jumps, the last to the end: ` +
        `last row ${jumps.lastRowShown ? 'shown' : 'NOT shown'}).`,
      '',
      '| scrolling | frames | frame p50 | frame p95 | max | frames > 50 ms | frames with a row in view loading |',
      '|---|---|---|---|---|---|---|',
      `| wheel, 60 × 600 px | ${frames(wheel)} |`,
      `| jumps (scrollbar dragged) | ${frames(jumps)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
