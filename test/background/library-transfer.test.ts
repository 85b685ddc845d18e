import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary } from '../../src/background/library-transfer';
import { createSearchService, type SearchService } from '../../src/background/search-service';
import type { ExportScope } from '../../src/messaging/protocol';
import { CrisscrossDb } from '../../src/storage/db';
import { saveCapture } from '../../src/storage/clip-store';
import { addHighlight } from '../../src/storage/highlight-store';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

const open: { db: CrisscrossDb; search: SearchService }[] = [];
function profile() {
  const db = new CrisscrossDb(`transfer-${Math.random()}`);
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

async function seed(db: CrisscrossDb) {
  const { clip } = await saveCapture(db, makeCapture(), { now: 1_000, newId: () => 'clip-1' });
  await addHighlight(
    db,
    clip,
    { selectors: makeSelectors(), note: 'Why it matters, "quoted"', color: 'green' },
    { now: 2_000, newId: () => 'h-1' },
  );
}

describe('export and import of the library', () => {
  it('round-trips: export JSON, import into an empty profile, export again gives the same bytes', async () => {
    const source = profile();
    await seed(source.db);
    const exported = await exportLibrary(source.db, 'json', '0.1.0');
    const target = profile();
    const report = await importLibrary(target.db, target.search, exported.fileName, exported.text!);
    expect(report).toMatchObject({ added: 2, merged: 0, skipped: 0 });
    expect(await target.db.clips.toArray()).toEqual(await source.db.clips.toArray());
    expect(await target.db.highlights.toArray()).toEqual(await source.db.highlights.toArray());
    const again = await exportLibrary(target.db, 'json', '0.1.0');
    // exportedAt differs between the two exports; everything else is identical.
    const strip = (text: string) => text.replace(/"exportedAt":\s*"[^"]*"/, '');
    expect(strip(again.text!)).toBe(strip(exported.text!));
    expect(target.search.searchQuick('fast response', {}, 5).map((hit) => hit.id)).toContain('clip-1');
  });

  it('merges a second import instead of duplicating', async () => {
    const source = profile();
    await seed(source.db);
    const exported = await exportLibrary(source.db, 'json', '0.1.0');
    const report = await importLibrary(source.db, source.search, exported.fileName, exported.text!);
    expect(report.added).toBe(0);
    expect(await source.db.clips.count()).toBe(1);
    expect(await source.db.highlights.count()).toBe(1);
  });

  it.each([
    ['bad JSON', '{"format": "crisscross", '],
    ['HTML where JSON should be', '<!doctype html><html><body>hello</body></html>'],
    ['a wrong version', '{"format":"crisscross","version":99,"clips":[],"highlights":[],"collections":[]}'],
  ])('refuses %s with a clear error and changes nothing', async (_name, text) => {
    const target = profile();
    await seed(target.db);
    const before = await exportLibrary(target.db, 'json', '0.1.0');
    await expect(importLibrary(target.db, target.search, 'broken.json', text)).rejects.toMatchObject({
      code: 'invalid-request',
      message: expect.stringMatching(/^broken\.json was not imported, and nothing was changed\. ./),
    });
    const after = await exportLibrary(target.db, 'json', '0.1.0');
    expect(after.text!.replace(/"exportedAt":\s*"[^"]*"/, '')).toBe(before.text!.replace(/"exportedAt":\s*"[^"]*"/, ''));
  });

  it('writes every other format, the zip as base64', async () => {
    const source = profile();
    await seed(source.db);
    for (const format of ['markdown', 'html', 'annotations', 'csv', 'bookmarks'] as const) {
      const file = await exportLibrary(source.db, format, '0.1.0');
      expect(file.fileName).toMatch(/\S/);
      expect(file.text ?? file.base64).toBeTruthy();
    }
    expect((await exportLibrary(source.db, 'markdown', '0.1.0')).base64).toMatch(/^UEsDB/); // "PK\x03\x04"
    expect((await exportLibrary(source.db, 'csv', '0.1.0')).text).toContain('Why it matters, ""quoted""');
  });
});

describe('confirmed links and exports of a part', () => {
  async function seedTwo(db: CrisscrossDb) {
    await seed(db);
    await saveCapture(
      db,
      makeCapture({ url: 'http://127.0.0.1:8080/other', canonicalUrl: 'http://dots.example/other', title: 'Other', tags: ['later'] }),
      {
        now: 3_000,
        newId: () => 'clip-2',
      },
    );
    await db.links.bulkPut([
      {
        pair: 'c:clip-1\nc:clip-2',
        a: 'c:clip-1',
        b: 'c:clip-2',
        status: 'confirmed',
        note: 'same idea',
        terms: ['service'],
        createdAt: 4_000,
      },
      { pair: 'c:clip-1\nh:h-1', a: 'c:clip-1', b: 'h:h-1', status: 'dismissed', note: '', terms: [], createdAt: 4_000 },
    ]);
    await db.collections.put({
      id: 'col-1',
      name: 'Talk prep',
      description: '',
      items: [{ type: 'highlight', id: 'h-1' }],
      createdAt: 1,
      updatedAt: 1,
    });
  }

  it('imports confirmed links (merged by pair) and round-trips them', async () => {
    const source = profile();
    await seedTwo(source.db);
    const exported = await exportLibrary(source.db, 'json', '0.1.0');
    const target = profile();
    const report = await importLibrary(target.db, target.search, exported.fileName, exported.text!);
    expect(report.summary).toMatch(/1 connection/);
    expect(await target.db.links.toArray()).toEqual(await source.db.links.where('status').equals('confirmed').toArray());
    const again = await importLibrary(target.db, target.search, exported.fileName, exported.text!);
    expect(again.added).toBe(0);
    expect(await target.db.links.count()).toBe(1);
    const strip = (text: string) => text.replace(/"exportedAt":\s*"[^"]*"/, '');
    expect(strip((await exportLibrary(target.db, 'json', '0.1.0')).text!)).toBe(strip(exported.text!));
  });

  it('exports a collection with the pages of its highlights, named after it', async () => {
    const { db } = profile();
    await seedTwo(db);
    const file = await exportLibrary(db, 'json', '0.1.0', { kind: 'collection', id: 'col-1' });
    expect(file.fileName).toMatch(/^crisscross-talk-prep-export-\d{4}-\d\d-\d\d\.json$/);
    const data = JSON.parse(file.text!);
    expect(data.clips.map((c: { id: string }) => c.id)).toEqual(['clip-1']);
    expect(data.highlights.map((h: { id: string }) => h.id)).toEqual(['h-1']);
    expect(data.collections.map((c: { name: string }) => c.name)).toEqual(['Talk prep']);
    // The link's other end is not exported, so the link is not either.
    expect(data.links ?? []).toEqual([]);
  });

  it('exports a tag and a selection in every format', async () => {
    const { db } = profile();
    await seedTwo(db);
    const tagged = await exportLibrary(db, 'bookmarks', '0.1.0', { kind: 'tag', tag: 'LATER' });
    expect(tagged.fileName).toMatch(/^crisscross-tag-later-bookmarks-/);
    expect(tagged.text).toContain('Other');
    expect(tagged.text).not.toContain('Fast response');
    const selection: ExportScope = { kind: 'items', items: [{ type: 'clip', id: 'clip-1' }], label: 'selection' };
    for (const format of ['json', 'markdown', 'html', 'annotations', 'csv', 'bookmarks'] as const) {
      const file = await exportLibrary(db, format, '0.1.0', selection);
      expect(file.fileName).toMatch(/^crisscross-selection-/);
    }
    const json = JSON.parse((await exportLibrary(db, 'json', '0.1.0', selection)).text!);
    expect(json.highlights).toHaveLength(1);
    expect(json.collections.map((c: { name: string }) => c.name)).toEqual(['Talk prep']);
  });
});
