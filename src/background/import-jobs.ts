// Imports of files of any size up to the limit: the page sends the file's text in parts
// (sendImportPart, each far below Chrome's 64 MB message limit), the worker puts them together and
// imports the whole file at once (finishImport), all or nothing as before.
import { MAX_IMPORT_CHARS } from '../core/export';
import type { ImportPhase, ImportReportView } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import type { LibraryChanges } from './library-changes';
import { importLibrary } from './library-transfer';

interface ImportJob {
  fileName: string;
  parts: string[];
  received: number;
  phase: ImportPhase;
  idle: ReturnType<typeof setTimeout> | undefined;
}

const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;

export function createImportJobs(
  db: CrisscrossDb,
  changes: LibraryChanges,
  { idleMs = 60_000, maxChars = MAX_IMPORT_CHARS }: { idleMs?: number; maxChars?: number } = {},
) {
  const jobs = new Map<string, ImportJob>();

  const tooLarge = (fileName: string, size: number) =>
    new RequestError(
      `${fileName} was not imported, and nothing was changed. The file is too large to import (${mb(size)}; the limit is ${mb(maxChars)}).`,
      'invalid-request',
    );

  const keepAlive = (id: string, job: ImportJob) => {
    clearTimeout(job.idle);
    // A page closed halfway leaves its parts here: they are let go after a quiet minute.
    job.idle = setTimeout(() => jobs.delete(id), idleMs);
  };

  function find(jobId: string): ImportJob {
    const job = jobs.get(jobId);
    if (!job) throw new RequestError('That import is no longer running, and nothing was changed. Start it again.', 'not-found');
    return job;
  }

  const drop = (jobId: string) => {
    clearTimeout(jobs.get(jobId)?.idle);
    return jobs.delete(jobId);
  };

  return {
    start(fileName: string, size: number): { jobId: string } {
      if (size > maxChars) throw tooLarge(fileName, size);
      const jobId = crypto.randomUUID();
      const job: ImportJob = { fileName, parts: [], received: 0, phase: 'receiving', idle: undefined };
      jobs.set(jobId, job);
      keepAlive(jobId, job);
      return { jobId };
    },

    part(jobId: string, index: number, text: string): { received: number } {
      const job = find(jobId);
      keepAlive(jobId, job);
      if (job.phase !== 'receiving' || index !== job.parts.length) {
        drop(jobId);
        throw new RequestError(`${job.fileName} arrived out of order, so it was not imported. Nothing was changed.`, 'invalid-request');
      }
      job.received += text.length;
      if (job.received > maxChars) {
        drop(jobId);
        throw tooLarge(job.fileName, job.received);
      }
      job.parts.push(text);
      return { received: job.received };
    },

    async finish(jobId: string): Promise<ImportReportView> {
      const job = find(jobId);
      // The import may take a while; it is no longer idle.
      clearTimeout(job.idle);
      if (job.phase !== 'receiving') throw new RequestError(`${job.fileName} is being imported already.`, 'invalid-request');
      job.phase = 'checking';
      const text = job.parts.join('');
      job.parts = [];
      try {
        return await importLibrary(db, changes, job.fileName, text, (phase) => (job.phase = phase));
      } finally {
        // Kept a little longer, so a last getImportPhase still finds it.
        keepAlive(jobId, job);
      }
    },

    phase(jobId: string): { phase: ImportPhase } {
      return { phase: find(jobId).phase };
    },

    cancel(jobId: string): { cancelled: boolean } {
      const job = jobs.get(jobId);
      // Once checking has begun the import runs to its end (it is one transaction): all or nothing.
      if (!job || job.phase !== 'receiving') return { cancelled: false };
      return { cancelled: drop(jobId) };
    },
  };
}
