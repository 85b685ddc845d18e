// Imports sent in parts: put back together and imported all or nothing, in order only, within the size limit.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createImportJobs } from '../../src/background/import-jobs';
import { createSearchService, type SearchService } from '../../src/background/search-service';
import { exportCrisscrossJson } from '../../src/core/export';
import { CrisscrossDb } from '../../src/storage/db';
import { META } from '../core/export/fixtures';
import { generateBundle } from '../core/export/generated-library';

const open: { db: CrisscrossDb; search: SearchService }[] = [];
function profile() {
  const db = new CrisscrossDb(`import-jobs-${Math.random()}`);
  const search = createSearchService(db, { snapshotDelayMs: 60_000 });
  open.push({ db, search });
  return { db, search };
}
afterEach(async () => {
  for (const { db, search } of open.splice(0)) {
    await search.stop();
    await db.delete();
  }
});

const file = exportCrisscrossJson(generateBundle(40, { seed: 2 }), META).data as string;
const partsOf = (text: string, size: number) =>
  Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));

describe('import jobs', () => {
  it('imports a file sent in parts as it would the whole text, reporting its phases', async () => {
    const { db, search } = profile();
    const jobs = createImportJobs(db, search);
    const { jobId } = jobs.start('big.json', file.length);
    const parts = partsOf(file, 5_000);
    expect(parts.length).toBeGreaterThan(3);
    for (const [index, text] of parts.entries()) jobs.part(jobId, index, text);
    expect(jobs.phase(jobId)).toEqual({ phase: 'receiving' });
    const report = await jobs.finish(jobId);
    expect(report.summary).toMatch(/^Added 40 clips/);
    expect(jobs.phase(jobId)).toEqual({ phase: 'writing' });
    expect(await db.clips.count()).toBe(40);
  });

  it('refuses parts out of order, a file over the limit, and a finished job, changing nothing', async () => {
    const { db, search } = profile();
    const jobs = createImportJobs(db, search, { maxChars: 10_000 });
    const first = jobs.start('a.json', 100).jobId;
    expect(() => jobs.part(first, 1, 'x')).toThrow(/arrived out of order, so it was not imported\. Nothing was changed/);
    expect(() => jobs.start('huge.json', 20_000)).toThrow(/huge\.json was not imported, and nothing was changed\. The file is too large/);
    // A file that said it was small but is not.
    const liar = jobs.start('liar.json', 10).jobId;
    jobs.part(liar, 0, 'x'.repeat(9_000));
    expect(() => jobs.part(liar, 1, 'x'.repeat(2_000))).toThrow(/too large to import/);
    expect(() => jobs.part(liar, 2, 'x')).toThrow(/no longer running/);
    expect(await db.clips.count()).toBe(0);
  });

  it('is cancelled while receiving: the parts are let go and nothing is imported', async () => {
    const { db, search } = profile();
    const jobs = createImportJobs(db, search);
    const { jobId } = jobs.start('big.json', file.length);
    jobs.part(jobId, 0, file.slice(0, 1_000));
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true });
    await expect(jobs.finish(jobId)).rejects.toThrow(/no longer running, and nothing was changed/);
    expect(await db.clips.count()).toBe(0);
  });
});
