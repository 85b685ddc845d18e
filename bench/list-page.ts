// Runs in an extension page: times pages of the library list at its start, middle and end, three ways:
// through the worker (the real message path), our paging code in this page, and the old offset() paging
// (list-naive.ts) in this page, on the same database. The page-side pair is what the ratio compares.
import type { LibraryListQuery, ListCursor } from '../src/messaging/protocol';
import { CrisscrossDb } from '../src/storage/db';
import { listLibrary } from '../src/storage/library-store';
import { naiveListLibrary } from './list-naive';

declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

export type Position = 'start' | 'middle' | 'end';

export interface PositionSamples {
  position: Position;
  offset: number;
  /** listLibrary through the worker, jumping to the offset (no cursor): a scrollbar dragged there. */
  worker: number[];
  /** listLibrary through the worker with the cursor of the page before: scrolling on. */
  workerScrollOn: number[];
  /** Our paging code in this page, jumping and scrolling on. */
  ours: number[];
  oursScrollOn: number[];
  /** The old offset() paging in this page (it has one way only). */
  naive: number[];
}

export interface ListCaseSamples {
  name: string;
  total: number;
  positions: PositionSamples[];
}

export interface ListPageApi {
  /** `naiveBudgetMs`: the old paging is sampled until it has spent this long at a position (at least twice). */
  measureList: (
    cases: { name: string; query: LibraryListQuery }[],
    reps: number,
    limit: number,
    naiveBudgetMs: number,
  ) => Promise<ListCaseSamples[]>;
}

type ListAnswer = { ok: true; value: { total: number; last: ListCursor | null } } | { ok: false; error: string };

async function viaWorker(payload: object): Promise<{ ms: number; total: number; last: ListCursor | null }> {
  const start = performance.now();
  const answer = (await chrome.runtime.sendMessage({ channel: 'crisscross', type: 'listLibrary', payload })) as ListAnswer;
  const ms = performance.now() - start;
  if (!answer.ok) throw new Error(`listLibrary failed: ${answer.error}`);
  return { ms, total: answer.value.total, last: answer.value.last };
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

const api: ListPageApi = {
  async measureList(cases, reps, limit, naiveBudgetMs) {
    const db = new CrisscrossDb();
    await db.open();
    const measured: ListCaseSamples[] = [];
    try {
      for (const { name, query } of cases) {
        const { total } = await viaWorker({ ...query, offset: 0, limit: 1 });
        const offsets: Record<Position, number> = {
          start: 0,
          middle: Math.floor(total / 2),
          end: Math.max(0, total - limit),
        };
        const positions: PositionSamples[] = [];
        for (const position of ['start', 'middle', 'end'] as const) {
          const offset = offsets[position];
          // The cursor the list holds when it scrolls onto this page: the last row of the page before.
          const before = offset >= limit ? (await listLibrary(db, query, { offset: offset - limit, limit })).last : null;
          const after = before ? { after: before } : {};
          const samples: PositionSamples = { position, offset, worker: [], workerScrollOn: [], ours: [], oursScrollOn: [], naive: [] };
          for (let rep = 0; rep < reps; rep++) {
            samples.worker.push((await viaWorker({ ...query, offset, limit })).ms);
            samples.workerScrollOn.push((await viaWorker({ ...query, offset, limit, ...after })).ms);
            samples.ours.push(await time(() => listLibrary(db, query, { offset, limit })));
            samples.oursScrollOn.push(await time(() => listLibrary(db, query, { offset, limit, ...after })));
          }
          // At 100,000 items one old page can take many seconds: sampled within a budget.
          let naiveMs = 0;
          while (samples.naive.length < reps && (samples.naive.length < 2 || naiveMs < naiveBudgetMs)) {
            samples.naive.push(await time(() => naiveListLibrary(db, query, offset, limit)));
            naiveMs += samples.naive.at(-1)!;
          }
          positions.push(samples);
        }
        measured.push({ name, total, positions });
      }
    } finally {
      db.close();
    }
    return measured;
  },
};

(globalThis as unknown as { crisscrossListBench: ListPageApi }).crisscrossListBench = api;
