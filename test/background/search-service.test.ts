import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSearchService, type SearchService } from '../../src/background/search-service';
import { writeSnapshotInParts } from '../../src/background/snapshot-receiver';
import { clearSnapshot } from '../../src/storage/search-store';
import { INDEX_VERSION } from '../../src/core/search';
import { CrisscrossDb } from '../../src/storage/db';
import { saveCapture } from '../../src/storage/clip-store';
import { addHighlight, deleteHighlight } from '../../src/storage/highlight-store';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

let db: CrisscrossDb;
const services: SearchService[] = [];
/** Parts of a few dozen characters, so even a small library's snapshot spans many rows. */
const PART_CHARS = 60;
const start = (log?: (message: string) => void, fullTierIdleMs = 60_000) => {
  const snapshots = { write: writeSnapshotInParts.bind(null, db), clear: () => clearSnapshot(db) };
  const service = createSearchService(db, {
    snapshotDelayMs: 60_000,
    fullTierIdleMs,
    snapshots: { ...snapshots, write: (snapshot) => snapshots.write(snapshot, PART_CHARS) },
    ...(log ? { log } : {}),
  });
  services.push(service);
  return service;
};
const ids = (service: SearchService, query: string, mode: 'quick' | 'full' = 'quick') =>
  (mode === 'quick' ? service.searchQuick(query, {}, 10) : service.search(query, {}, 10)).map((hit) => `${hit.type}:${hit.id}`);

async function clipPage(n: number, title: string, text: string) {
  const url = `http://blog.example/${n}`;
  return (
    await saveCapture(db, makeCapture({ url, canonicalUrl: url, aliases: [], title, text, excerpt: '' }), { newId: () => `clip-${n}` })
  ).clip;
}

beforeEach(() => {
  db = new CrisscrossDb(`search-${Math.random()}`);
});
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.stop()));
  await db.delete();
});

/** A first start that builds the index and saves its snapshot, then stops. */
async function savedByFirstStart(): Promise<void> {
  const first = start();
  await first.ready();
  await expect.poll(() => first.state).toBe('ready');
  await first.flush();
  await first.stop();
}

describe('search service', () => {
  it('builds the index from storage when there is no snapshot, and finds new writes at once', async () => {
    await clipPage(1, 'Customer service at speed', 'Fast response is the new normal.');
    const service = start();
    await service.ready();
    await expect.poll(() => service.state).toBe('ready');
    expect(ids(service, 'custmer serv')).toEqual(['clip:clip-1']);
    const clip = await clipPage(2, 'Chrome innovation', 'Speed matters to every browser user.');
    service.clipSaved(clip);
    expect(ids(service, 'chrome')).toEqual(['clip:clip-2']);
    expect(ids(service, 'browser', 'full')).toEqual(['clip:clip-2']);
  });

  it('gives highlights found by a rebuild the title their page has in storage', async () => {
    const page = await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    await addHighlight(db, page, { selectors: makeSelectors('Tomatoes need compost.'), note: '', color: 'green' }, { newId: () => 'h-1' });
    // Renamed after the highlight was made: the highlight itself still remembers the old title.
    await db.clips.update(page.id, { title: 'Composting guide' });
    const service = start();
    await service.ready();
    await expect.poll(() => service.state).toBe('ready');
    expect(ids(service, 'composting')).toEqual(['clip:clip-1', 'highlight:h-1']);
    expect(ids(service, 'gardening')).toEqual([]);
  });

  it('saves the snapshot of a large rebuild only once the build has settled, and a small one sooner', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    await clipPage(2, 'Composting guide', 'Leaves and coffee grounds.');
    const saved = async () => (await db.searchSnapshot.get('full')) !== undefined;
    const startWith = (items: number) => {
      const service = createSearchService(db, { snapshotDelayMs: 20, largeRebuild: { items, settleMs: 1_500 } });
      services.push(service);
      return service;
    };
    const large = startWith(2);
    await large.ready();
    await expect.poll(() => large.state).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await saved()).toBe(false);
    await expect.poll(saved, { timeout: 3_000 }).toBe(true);
    await large.stop();

    await clearSnapshot(db);
    const small = startWith(3);
    await small.ready();
    await expect.poll(() => small.state).toBe('ready');
    await expect.poll(saved, { timeout: 500 }).toBe(true);
  });

  it('restores from its snapshot after a restart and catches up with writes and deletions made since', async () => {
    const first = await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    const highlight = await addHighlight(
      db,
      first,
      { selectors: makeSelectors('Tomatoes need compost.'), note: 'soil', color: 'green' },
      { newId: () => 'h-1' },
    );
    const service = start();
    await service.ready();
    service.highlightSaved(highlight, first);
    expect(ids(service, 'tomatoes')).toEqual(['highlight:h-1']);
    await service.flush();
    const full = await db.searchSnapshot.get('full');
    expect(full!.parts).toBeGreaterThan(3);
    expect(await db.searchSnapshot.count()).toBe(2 + full!.parts! + (await db.searchSnapshot.get('quick'))!.parts!);
    await service.stop();

    // Written and deleted while no worker ran: the snapshot knows nothing of them.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await clipPage(2, 'Beekeeping diary', 'Hives in spring.');
    await deleteHighlight(db, 'h-1');

    const logs: string[] = [];
    const restarted = start((message) => logs.push(message));
    await restarted.ready();
    expect(logs).toEqual([]);
    expect(ids(restarted, 'gardening')).toEqual(['clip:clip-1']);
    expect(ids(restarted, 'beekeeping')).toEqual(['clip:clip-2']);
    // The deleted highlight is gone; the article text still has the words.
    expect(ids(restarted, 'tomatoes')).toEqual([]);
    // Article text stays on disk until typing pauses or a full search asks for it.
    expect(restarted.fullTextReady).toBe(false);
    await restarted.fullTextWithin(10_000);
    expect(restarted.fullTextReady).toBe(true);
    expect(ids(restarted, 'tomatoes', 'full')).toEqual(['clip:clip-1']);
    expect(ids(restarted, 'hives', 'full')).toEqual(['clip:clip-2']);
  });

  it('rebuilds from storage when the snapshot is corrupt or of another version', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    for (const damage of [{ json: '{not json' }, { version: 999 }]) {
      await db.searchSnapshot.bulkPut([
        { tier: 'quick', version: INDEX_VERSION, watermark: 0, json: '{}', ...damage },
        { tier: 'full', version: INDEX_VERSION, watermark: 0, json: '{}', ...damage },
      ]);
      const logs: string[] = [];
      const service = start((message) => logs.push(message));
      await service.ready();
      await expect.poll(() => service.state).toBe('ready');
      expect(logs.join('\n')).toMatch(/Rebuilding the search index/);
      expect(ids(service, 'gardening')).toEqual(['clip:clip-1']);
      await service.stop();
    }
  });

  it('loads article text once typing pauses, not while quick searches keep coming', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    const first = start();
    await first.ready();
    await expect.poll(() => first.state).toBe('ready');
    await first.flush();
    await first.stop();

    const restarted = start(undefined, 1_000);
    await restarted.ready();
    // Typing for longer than the idle time, a keystroke every 50 ms.
    for (let i = 0; i < 30; i++) {
      expect(ids(restarted, 'gardening')).toEqual(['clip:clip-1']);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(restarted.fullTextReady).toBe(false);
    await expect.poll(() => restarted.fullTextReady, { timeout: 5_000 }).toBe(true);
    expect(ids(restarted, 'compost', 'full')).toEqual(['clip:clip-1']);
  });

  /** A restart answers quick searches from the snapshot, finds its full tier unusable (`why` in the log), rebuilds and finds article text. */
  async function expectRebuildAfterRestart(why: RegExp) {
    const logs: string[] = [];
    const restarted = start((message) => logs.push(message));
    await restarted.ready();
    expect(ids(restarted, 'gardening')).toEqual(['clip:clip-1']);
    await restarted.fullTextWithin(10_000);
    await expect.poll(() => restarted.state).toBe('ready');
    expect(logs.join('\n')).toMatch(why);
    expect(ids(restarted, 'compost', 'full')).toEqual(['clip:clip-1']);
  }

  it('answers quick searches from a snapshot whose full tier is damaged, then rebuilds and finds article text', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    const first = start();
    await first.ready();
    await expect.poll(() => first.state).toBe('ready');
    await first.flush();
    await first.stop();
    const { transfer } = (await db.searchSnapshot.get('full'))!;
    await db.searchSnapshot.update(`full:${transfer}:1`, { json: '{"damaged' });

    await expectRebuildAfterRestart(/full tier unusable/);
  });

  it('rebuilds, without failing, when a part of the full tier is missing', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    await savedByFirstStart();
    const { transfer, parts } = (await db.searchSnapshot.get('full'))!;
    await db.searchSnapshot.delete(`full:${transfer}:${parts! - 1}`);

    await expectRebuildAfterRestart(/full tier unusable \(Search snapshot's full tier is missing part/);
  });

  it('restores a snapshot saved whole, one row per tier, as before parts, without a rebuild', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    await savedByFirstStart();
    // The same snapshot as an older version stored it.
    const legacy = await Promise.all(
      (['quick', 'full'] as const).map(async (tier) => {
        const { version, watermark, transfer, parts } = (await db.searchSnapshot.get(tier))!;
        const texts = await db.searchSnapshot.bulkGet(Array.from({ length: parts! }, (_, i) => `${tier}:${transfer}:${i}`));
        return {
          tier,
          version,
          watermark,
          json: texts
            .map((row) => row!.json)
            .join('')
            .replace(/\n$/, ''),
        };
      }),
    );
    await db.searchSnapshot.clear();
    await db.searchSnapshot.bulkPut(legacy);

    const logs: string[] = [];
    const restarted = start((message) => logs.push(message));
    await restarted.ready();
    expect(ids(restarted, 'gardening')).toEqual(['clip:clip-1']);
    await restarted.fullTextWithin(10_000);
    expect(restarted.fullTextReady).toBe(true);
    expect(ids(restarted, 'compost', 'full')).toEqual(['clip:clip-1']);
    expect(logs).toEqual([]);
  });

  it('finds the same after a restore from parts as before the save', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost and sunlight.');
    await clipPage(2, 'Beekeeping diary', 'Hives in spring need sunlight.');
    await clipPage(3, 'Compost heaps', 'Turning the heap weekly.');
    const queries = ['compost', 'sunlight', 'hive spring', 'gardning', 'heap'];
    const first = start();
    await first.ready();
    await expect.poll(() => first.state).toBe('ready');
    const before = queries.map((query) => [ids(first, query), ids(first, query, 'full')]);
    await first.flush();
    await first.stop();

    const restarted = start();
    await restarted.ready();
    await restarted.fullTextWithin(10_000);
    expect(restarted.fullTextReady).toBe(true);
    expect(queries.map((query) => [ids(restarted, query), ids(restarted, query, 'full')])).toEqual(before);
  });

  it('saves one snapshot at a time, so overlapping saves leave a whole one', async () => {
    await clipPage(1, 'Gardening notes', 'Tomatoes need compost.');
    const first = start();
    await first.ready();
    await expect.poll(() => first.state).toBe('ready');
    // A save asked for while another is still sending its parts.
    await Promise.all([first.flush(), first.flush()]);
    await first.stop();

    const logs: string[] = [];
    const restarted = start((message) => logs.push(message));
    await restarted.ready();
    await restarted.fullTextWithin(10_000);
    expect(restarted.fullTextReady).toBe(true);
    expect(ids(restarted, 'compost', 'full')).toEqual(['clip:clip-1']);
    expect(logs).toEqual([]);
  });
});
