// The page's side of exports and imports: files read in slices decode exactly, and an export fetched
// chunk by chunk (text or zip bytes) becomes the same file as the worker's whole export.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createExportJobs } from '../../src/background/export-jobs';
import { exportLibrary } from '../../src/background/library-transfer';
import { CrisscrossDb, type Link } from '../../src/storage/db';
import { generateBundle } from '../core/export/generated-library';

// The page's messages go straight to an export job service on a fake IndexedDB.
const db = new CrisscrossDb(`transfer-${Math.random()}`);
const jobs = createExportJobs(db, { appVersion: () => '0.1.0', batchSize: 20, pollMs: 10 });
const sent: string[] = [];
vi.mock('../../src/messaging/client', () => ({
  sendRequest: async (type: string, payload: { jobId: string; format: 'json' }) => {
    sent.push(type);
    try {
      if (type === 'startExport') return { ok: true, value: await jobs.start(payload.format) };
      if (type === 'nextExportPart') return { ok: true, value: await jobs.next(payload.jobId) };
      if (type === 'cancelExport') return { ok: true, value: jobs.cancel(payload.jobId) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    throw new Error(`unexpected ${type}`);
  },
}));
const { exportProgressText, fetchExport } = await import('../../src/ui/export-transfer');
const { fileTextParts } = await import('../../src/ui/import-transfer');

afterAll(() => db.delete());

describe('fileTextParts', () => {
  it('decodes a file read in slices that cut through multi-byte characters, exactly', async () => {
    const text = 'é😀 naïve “quote” 𝔘𝔫𝔦 العربية\n'.repeat(40);
    const blob = new Blob([text]);
    for (const size of [1, 2, 3, 5, 64]) {
      const parts: string[] = [];
      for await (const part of fileTextParts(blob, size)) parts.push(part);
      expect(parts.join('')).toBe(text);
      expect(parts.length).toBe(Math.ceil(blob.size / size));
    }
  });
});

describe('fetchExport', () => {
  it('puts the chunks together into the same file the worker exports whole, text and zip', async () => {
    const bundle = generateBundle(60, { seed: 11 });
    await db.clips.bulkPut(bundle.clips);
    await db.highlights.bulkPut(bundle.highlights);
    await db.collections.bulkPut(bundle.collections);
    await db.links.bulkPut(bundle.links as Link[]);
    const seen: string[] = [];
    const json = await fetchExport({ format: 'json' }, (progress) => seen.push(exportProgressText(progress)));
    if (!json.ok || json.value === 'cancelled') throw new Error('export failed');
    const text = await json.value.blob.text();
    const whole = (await exportLibrary(db, 'json', '0.1.0')).text!;
    const withoutTime = (value: string) => value.replace(/"exportedAt": "[^"]+"/, '');
    expect(withoutTime(text)).toBe(withoutTime(whole));
    expect(json.value.blob.type).toBe('application/json');
    const total = bundle.clips.length + bundle.highlights.length;
    expect(seen.filter((line) => new RegExp(`^Exporting \\d+ of ${total} items…$`).test(line)).length).toBeGreaterThanOrEqual(2);

    const zip = await fetchExport({ format: 'markdown' as 'json' }, () => undefined);
    if (!zip.ok || zip.value === 'cancelled') throw new Error('export failed');
    const bytes = new Uint8Array(await zip.value.blob.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('cancels the worker job when the page cancels', async () => {
    const controller = new AbortController();
    const result = await fetchExport({ format: 'json' }, () => controller.abort(), controller.signal);
    expect(result).toEqual({ ok: true, value: 'cancelled' });
    expect(sent.at(-1)).toBe('cancelExport');
    expect(jobs.running).toBe(0);
  });

  it('says how far an export has got in words', () => {
    expect(exportProgressText({ phase: 'building', done: 12_400, total: 100_000 })).toBe('Exporting 12,400 of 100,000 items…');
    expect(exportProgressText({ phase: 'reading', done: 0, total: 0 })).toBe('Preparing the export…');
    expect(exportProgressText({ phase: 'transferring', done: 5, total: 5 })).toBe('Saving the file…');
  });
});
