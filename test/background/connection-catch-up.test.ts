// A restarted worker's connection index sees collection edits however they fell around its snapshot:
// a collection edit leaves the clips' updatedAt alone, so the catch-up by time alone cannot see it.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionService } from '../../src/background/connection-service';
import type { Collection } from '../../src/core/collection';
import { saveCapture } from '../../src/storage/clip-store';
import { CrisscrossDb } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';

let db: CrisscrossDb;
const services: Array<ReturnType<typeof createConnectionService>> = [];
beforeEach(() => {
  db = new CrisscrossDb(`connection-catch-up-${Math.random()}`);
});
afterEach(async () => {
  for (const service of services.splice(0)) service.stop();
  await db.delete();
});

function service() {
  const created = createConnectionService(db, { snapshotDelayMs: 0, log: vi.fn() });
  services.push(created);
  return created;
}

async function clip(name: string, tags: string[], text: string) {
  const url = `http://blog.example/${name}.html`;
  return (await saveCapture(db, makeCapture({ url, canonicalUrl: url, aliases: [url], title: name, text, tags, siteName: 'Blog' }))).clip;
}

async function snapshotSaved() {
  await vi.waitFor(async () => expect(await db.connectionSnapshot.get('index')).toBeDefined(), { timeout: 5_000 });
}

function collection(name: string, clipIds: string[]): Collection {
  const now = Date.now();
  return { id: `col-${name}`, name, description: '', items: clipIds.map((id) => ({ type: 'clip', id })), createdAt: now, updatedAt: now };
}

describe('connection index catch-up after a restart', () => {
  it('sees a collection edit made while the worker was stopped', async () => {
    const bread = await clip('bread', ['cooking'], 'Sourdough bread rises with wild yeast and lactic bacteria.');
    await clip('soil', ['gardening'], 'Compost feeds the soil with worms and bacteria.');
    const first = service();
    expect((await first.ready()).topicsOf(`c:${bread.id}`)).toEqual(['cooking']);
    await snapshotSaved();
    first.stop();

    // The clip is put in a collection while no index is loaded: the new worker is told nothing it can use.
    await db.collections.put(collection('Fermentation', [bread.id]));
    const second = service();
    await second.collectionsChanged([{ type: 'clip', id: bread.id }]);
    expect((await second.ready()).topicsOf(`c:${bread.id}`)).toEqual(['cooking', 'fermentation']);
  });

  it('sees a collection deleted, and one edited while the index was loading, after the next restart too', async () => {
    const bread = await clip('bread', ['cooking'], 'Sourdough bread rises with wild yeast and lactic bacteria.');
    const soil = await clip('soil', ['gardening'], 'Compost feeds the soil with worms and bacteria.');
    await db.collections.put(collection('Fermentation', [bread.id]));
    const first = service();
    const loading = first.ready();
    // Edited while the index is being built: the build may already have read the collections.
    await db.collections.put(collection('Microbes', [soil.id]));
    await first.collectionsChanged([{ type: 'clip', id: soil.id }]);
    const index = await loading;
    expect(index.topicsOf(`c:${soil.id}`)).toEqual(['gardening', 'microbes']);
    await snapshotSaved();
    first.stop();

    await db.collections.delete('col-Fermentation');
    const second = service();
    const restored = await second.ready();
    expect(restored.topicsOf(`c:${bread.id}`)).toEqual(['cooking']);
    expect(restored.topicsOf(`c:${soil.id}`)).toEqual(['gardening', 'microbes']);
  });
});
