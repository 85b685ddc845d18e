// Long exports run as jobs: the worker builds the file in the background while the page fetches it
// chunk by chunk (nextExportPart), so no runtime message comes near Chrome's 64 MB limit, the page
// sees real progress, and the user can cancel. The job holds about two chunks at most: when the page
// falls behind, the builder waits (backpressure), so the worker never holds the whole file.
import { toBase64 } from '../core/base64';
import { MAX_CHUNK_BYTES, MAX_CHUNK_CHARS, queuedSize, takeBytes, takeText } from '../core/export/transfer-chunks';
import { yieldToEvents } from '../core/time-slices';
import type { ExportFormat, ExportPartResponse, ExportProgress, ExportScope } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import type { BuiltFile, ExportPart } from './export-builders';
import { runExport } from './library-transfer';

export interface ExportJobOptions {
  /** The version written into exports (the manifest's, read when an export starts). */
  appVersion: () => string;
  /** How long nextExportPart waits for a chunk before answering with progress only. */
  pollMs?: number;
  /** A job nobody asked about for this long is dropped (the page was closed). */
  idleMs?: number;
  /** Items per batch (tests make it small). */
  batchSize?: number;
  log?: (message: string) => void;
}

/** Exports running at once; more would only compete for the same worker. */
const MAX_JOBS = 3;

class Cancelled extends Error {}

interface Job {
  progress: ExportProgress;
  queue: ExportPart[];
  restarted: boolean;
  file: BuiltFile | null;
  error: string | null;
  cancelled: boolean;
  /** Who waits for the job's next event: the page's nextExportPart, or the builder waiting for room. */
  waiting: Set<() => void>;
  idle: ReturnType<typeof setTimeout> | undefined;
}

export function createExportJobs(db: CrisscrossDb, options: ExportJobOptions) {
  const { appVersion, pollMs = 250, idleMs = 60_000, batchSize, log = () => undefined } = options;
  const jobs = new Map<string, Job>();

  /** Resolves at the job's next event, or after `ms`. */
  const nextEvent = (job: Job, ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        job.waiting.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      job.waiting.add(done);
    });

  const wake = (job: Job) => {
    for (const done of [...job.waiting]) done();
  };

  const keepAlive = (id: string, job: Job) => {
    clearTimeout(job.idle);
    job.idle = setTimeout(() => {
      log(`Dropped export ${id}: nobody fetched it for ${idleMs / 1000} s`);
      drop(id, job);
    }, idleMs);
  };

  const drop = (id: string, job: Job) => {
    job.cancelled = true;
    job.queue = [];
    clearTimeout(job.idle);
    jobs.delete(id);
    wake(job);
  };

  async function build(job: Job, format: ExportFormat, scope: ExportScope) {
    const check = () => {
      if (job.cancelled) throw new Cancelled();
    };
    try {
      job.file = await runExport(
        db,
        { format, scope, appVersion: appVersion() },
        {
          ...(batchSize ? { batchSize } : {}),
          sink: {
            write: async (part) => {
              check();
              if (part.length) job.queue.push(part);
              wake(job);
              // A full chunk ready is enough to keep the page busy: wait for it to take it. The
              // worker so holds about two chunks at most, and the page sees progress while it waits.
              while (queuedSize(job.queue) > MAX_CHUNK_CHARS) {
                await nextEvent(job, 1_000);
                check();
              }
            },
            advance: async (items) => {
              job.progress.done += items;
              wake(job);
              // Lets search and every other request in before the next batch.
              await yieldToEvents();
              check();
            },
          },
          onSnapshot: (total) => {
            job.progress = { phase: 'building', done: 0, total };
            wake(job);
          },
          onRestart: () => {
            job.queue = [];
            job.restarted = true;
          },
        },
      );
      job.progress = { ...job.progress, phase: 'transferring', done: job.progress.total };
    } catch (error) {
      if (error instanceof Cancelled) return;
      job.error = error instanceof RequestError ? error.message : `Something went wrong: ${(error as Error).message}`;
      if (!(error instanceof RequestError)) log(`Export failed: ${(error as Error).stack ?? String(error)}`);
    }
    wake(job);
  }

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new RequestError('That export is no longer running. Start it again.', 'not-found');
    return job;
  }

  function takeChunk(job: Job): ExportPartResponse['part'] {
    if (!job.queue.length) return null;
    if (typeof job.queue[0] === 'string') return { text: takeText(job.queue as string[], MAX_CHUNK_CHARS) };
    return { base64: toBase64(takeBytes(job.queue as Uint8Array[], MAX_CHUNK_BYTES)) };
  }

  return {
    async start(format: ExportFormat, scope: ExportScope = { kind: 'all' }): Promise<{ jobId: string }> {
      if (jobs.size >= MAX_JOBS) throw new RequestError(`${MAX_JOBS} exports are running already. Wait for one to finish.`, 'internal');
      const jobId = crypto.randomUUID();
      const job: Job = {
        progress: { phase: 'reading', done: 0, total: 0 },
        queue: [],
        restarted: false,
        file: null,
        error: null,
        cancelled: false,
        waiting: new Set(),
        idle: undefined,
      };
      jobs.set(jobId, job);
      keepAlive(jobId, job);
      void build(job, format, scope);
      return { jobId };
    },

    async next(jobId: string): Promise<ExportPartResponse> {
      const job = find(jobId);
      keepAlive(jobId, job);
      if (!job.queue.length && !job.file && !job.error && !job.restarted) await nextEvent(job, pollMs);
      if (job.error) {
        drop(jobId, job);
        throw new RequestError(job.error, 'internal');
      }
      if (job.restarted) {
        job.restarted = false;
        return { progress: { ...job.progress }, part: null, restarted: true, file: null };
      }
      const part = takeChunk(job);
      wake(job);
      const finished = job.file !== null && job.queue.length === 0;
      if (finished) drop(jobId, job);
      return { progress: { ...job.progress }, part, restarted: false, file: finished ? job.file : null };
    },

    cancel(jobId: string): { cancelled: boolean } {
      const job = jobs.get(jobId);
      if (job) drop(jobId, job);
      return { cancelled: job !== undefined };
    },

    /** Exports running now (tests check that finished and cancelled jobs are gone). */
    get running(): number {
      return jobs.size;
    },
  };
}

export type ExportJobs = ReturnType<typeof createExportJobs>;
