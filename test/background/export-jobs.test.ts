// Long exports on a fake IndexedDB: read in batches from a snapshot, handed over in chunks with
// progress, equal to the whole-bundle formats, never torn by changes made meanwhile, and cancellable.
import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createExportJobs } from '../../src/background/export-jobs';
import { exportLibrary, runExport } from '../../src/background/library-transfer';
import {
  exportCrisscrossJson,
  exportHighlightsCsv,
  exportHtml,
  exportMarkdownZip,
  exportNetscapeBookmarks,
  exportWebAnnotations,
  selectBundle,
  type ExportBundle,
} from '../../src/core/export';
import { fromBase64 } from '../../src/core/base64';
import type { ExportPartResponse, ExportScope } from '../../src/messaging/protocol';
import { CrisscrossDb, type Link } from '../../src/storage/db';
import { makeHighlight } from '../core/export/fixtures';
import { generateBundle } from '../core/export/generated-library';

const open: CrisscrossDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

async function library(bundle: ExportBundle): Promise<CrisscrossDb> {
  const db = new CrisscrossDb(`export-jobs-${Math.random()}`);
  open.push(db);
  await db.clips.bulkPut(bundle.clips);
  await db.highlights.bulkPut(bundle.highlights);
  await db.collections.bulkPut(bundle.collections);
  await db.links.bulkPut((bundle.links ?? []) as Link[]);
  return db;
}

/** The library as the old whole-bundle export read it. */
async function everything(db: CrisscrossDb): Promise<ExportBundle> {
  return {
    clips: await db.clips.toArray(),
    highlights: await db.highlights.toArray(),
    collections: await db.collections.toArray(),
    links: await db.links.where('status').equals('confirmed').toArray(),
  };
}

const metaOf = (json: string) => ({ exportedAt: Date.parse(JSON.parse(json).exportedAt), appVersion: '0.1.0' });

/** Fetches a job to its end as the page does; returns every response and the assembled text. */
async function fetchAll(jobs: ReturnType<typeof createExportJobs>, jobId: string, onEach?: (r: ExportPartResponse) => Promise<void>) {
  const responses: ExportPartResponse[] = [];
  let parts: string[] = [];
  for (;;) {
    const response = await jobs.next(jobId);
    responses.push(response);
    if (response.restarted) parts = [];
    if (response.part && 'text' in response.part) parts.push(response.part.text);
    await onEach?.(response);
    if (response.file) return { responses, text: parts.join('') };
  }
}

describe('export jobs', () => {
  it('builds Crisscross JSON in batches and hands it over in chunks: the same bytes as the whole-bundle export', async () => {
    // About 6 million characters: more than one 4 Mi chunk.
    const db = await library(generateBundle(300, { seed: 3, textChars: 15_000 }));
    const jobs = createExportJobs(db, { appVersion: () => '0.1.0', batchSize: 25, pollMs: 20 });
    const { jobId } = await jobs.start('json');
    const { responses, text } = await fetchAll(jobs, jobId);

    expect(text).toBe(exportCrisscrossJson(await everything(db), metaOf(text)).data);
    expect(responses.filter((r) => r.part).length).toBeGreaterThanOrEqual(2);
    const building = responses.filter((r) => r.progress.phase === 'building').map((r) => r.progress.done);
    expect(new Set(building).size).toBeGreaterThanOrEqual(2);
    const total = responses.at(-1)!.progress.total;
    expect(total).toBe((await db.clips.count()) + (await db.highlights.count()));
    expect(responses.at(-1)!.file).toEqual({
      fileName: expect.stringMatching(/^crisscross-export-.*\.json$/),
      mimeType: 'application/json',
    });
    expect(jobs.running).toBe(0);
  }, 30_000);

  it('answers other reads of the library between its batches', async () => {
    const db = await library(generateBundle(200, { seed: 4, textChars: 2_000 }));
    const jobs = createExportJobs(db, { appVersion: () => '0.1.0', batchSize: 10, pollMs: 20 });
    const { jobId } = await jobs.start('json');
    let first = await jobs.next(jobId);
    while (first.progress.done === 0) first = await jobs.next(jobId);
    const clip = await db.clips.get((await db.clips.toCollection().primaryKeys())[0]!);
    expect(clip).toBeDefined();
    const after = await jobs.next(jobId);
    expect(after.progress.done).toBeLessThan(after.progress.total);
    jobs.cancel(jobId);
  });

  it('starts again when an item changes during the export, so the file is the library at one moment', async () => {
    const db = await library(generateBundle(120, { seed: 5 }));
    const jobs = createExportJobs(db, { appVersion: () => '0.1.0', batchSize: 10, pollMs: 20 });
    const ids = (await db.clips.toCollection().primaryKeys()).sort();
    const last = ids.at(-1)!;
    const { jobId } = await jobs.start('json');
    let changed = false;
    const { responses, text } = await fetchAll(jobs, jobId, async (response) => {
      if (!changed && response.progress.phase === 'building' && response.progress.done > 0) {
        changed = true;
        // One change to a clip already read and one not read yet, as a tag rename would make: an
        // export that went on would hold the first as it was and the second as it is now.
        await db.transaction('rw', db.clips, async () => {
          for (const id of [ids[0]!, last]) {
            const clip = (await db.clips.get(id))!;
            await db.clips.put({ ...clip, title: `Changed while exporting ${id}`, updatedAt: clip.updatedAt + 1 });
          }
        });
      }
    });
    expect(responses.some((r) => r.restarted)).toBe(true);
    expect(text).toContain(`Changed while exporting ${ids[0]}`);
    expect(text).toContain(`Changed while exporting ${last}`);
    expect(text).toBe(exportCrisscrossJson(await everything(db), metaOf(text)).data);
  });

  it('a deleted item also starts it again; after three changing attempts it gives up and says why', async () => {
    const db = await library(generateBundle(60, { seed: 6 }));
    const ids = (await db.clips.toCollection().primaryKeys()).sort();
    let restarts = 0;
    const run = runExport(
      db,
      { format: 'json', scope: { kind: 'all' }, appVersion: '0.1.0' },
      {
        batchSize: 10,
        sink: {
          write: async () => undefined,
          // Deletes a clip not read yet on every attempt.
          advance: async () => void (await db.clips.delete(ids.pop()!)),
        },
        onSnapshot: () => undefined,
        onRestart: () => restarts++,
      },
    );
    await expect(run).rejects.toThrow(/changed 3 times while it was being exported, so no file was made/);
    expect(restarts).toBe(2);
  });

  it('is cancelled: the job is gone and asking for it says so', async () => {
    const db = await library(generateBundle(100, { seed: 8, textChars: 2_000 }));
    const jobs = createExportJobs(db, { appVersion: () => '0.1.0', batchSize: 5, pollMs: 20 });
    const { jobId } = await jobs.start('markdown');
    await jobs.next(jobId);
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true });
    expect(jobs.running).toBe(0);
    await expect(jobs.next(jobId)).rejects.toThrow(/no longer running/);
  });

  it('streams the Markdown zip: the same notes as the whole-bundle zip, a page for a highlight without its clip too', async () => {
    const bundle = generateBundle(80, { seed: 9 });
    bundle.highlights.push(makeHighlight({ id: 'lonely', clipId: 'no-such-clip', pageTitle: 'A page never clipped' }));
    const db = await library(bundle);
    const jobs = createExportJobs(db, { appVersion: () => '0.1.0', batchSize: 7, pollMs: 20 });
    const { jobId } = await jobs.start('markdown');
    const chunks: Uint8Array[] = [];
    for (;;) {
      const response = await jobs.next(jobId);
      if (response.part && 'base64' in response.part) chunks.push(fromBase64(response.part.base64));
      if (response.file) break;
    }
    const streamed = unzipSync(Buffer.concat(chunks));
    const whole = unzipSync(exportMarkdownZip(await everything(db), { exportedAt: 0, appVersion: '0.1.0' }).data as Uint8Array);
    expect(Object.keys(streamed)).toEqual(Object.keys(whole));
    for (const name of Object.keys(whole)) expect(Buffer.from(streamed[name]!).toString()).toBe(Buffer.from(whole[name]!).toString());
    expect(Object.keys(streamed).some((name) => name.startsWith('A page never clipped'))).toBe(true);
  });

  it('builds the other formats from the batches as the whole-bundle writers do, and a scoped part as selectBundle picks it', async () => {
    const db = await library(generateBundle(50, { seed: 10 }));
    const full = await everything(db);
    const writers = { html: exportHtml, csv: exportHighlightsCsv, annotations: exportWebAnnotations, bookmarks: exportNetscapeBookmarks };
    for (const [format, write] of Object.entries(writers)) {
      const file = await exportLibrary(db, format as keyof typeof writers, '0.1.0');
      const exportedAt = format === 'annotations' ? Date.parse(/export:([^"]+)"/.exec(file.text!)![1]!) : Date.now();
      const expected = write(full, { exportedAt, appVersion: '0.1.0' }).data as string;
      // HTML, CSV and bookmarks name only the day; the annotations' collection id carries the time.
      expect(file.text, format).toBe(expected);
    }
    for (const scope of [
      { kind: 'tag', tag: 'LATER' },
      { kind: 'collection', id: 'col-1' },
      { kind: 'items', items: [{ type: 'highlight', id: full.highlights[0]!.id }], label: 'selection' },
    ] satisfies ExportScope[]) {
      const file = await exportLibrary(db, 'json', '0.1.0', scope);
      expect(file.text).toBe(exportCrisscrossJson(selectBundle(full, scope), metaOf(file.text!)).data);
    }
  });
});
