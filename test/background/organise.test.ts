// Collections, tags, bulk actions and undo through the worker's router, as the library and popup use them.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import type { Result } from '../../src/messaging/result';
import { saveCapture } from '../../src/storage/clip-store';
import { CrisscrossDb } from '../../src/storage/db';
import { addHighlight } from '../../src/storage/highlight-store';
import { createFakeBrowser } from '../fakes/fake-browser';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

const libraryPage = { id: 'crisscross-test-id', url: 'chrome-extension://crisscross-test-id/library.html' };

let db: CrisscrossDb;
let background: ReturnType<typeof createBackground>;
beforeEach(async () => {
  db = new CrisscrossDb(`organise-${Math.random()}`);
  background = createBackground({ browser: createFakeBrowser([]).browser, db, log: () => undefined, snapshotDelayMs: 60_000 });
  const first = await saveCapture(db, makeCapture(), { now: 1_000, newId: () => 'clip-1' });
  await saveCapture(
    db,
    makeCapture({
      url: 'http://127.0.0.1:8080/posts/other.html',
      canonicalUrl: 'http://dots.example/other',
      title: 'Please understand me',
    }),
    { now: 1_500, newId: () => 'clip-2' },
  );
  await addHighlight(db, first.clip, { selectors: makeSelectors(), note: 'A note', color: 'yellow' }, { now: 2_000, newId: () => 'h-1' });
});
afterEach(async () => {
  await background.stop();
  await db.delete();
});

async function send<T>(type: string, payload: unknown): Promise<T> {
  const result = (await background.router({ channel: 'crisscross', type, payload }, libraryPage)) as Result<T>;
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const failure = async (type: string, payload: unknown) =>
  (await background.router({ channel: 'crisscross', type, payload }, libraryPage)) as Result<unknown>;
const clip1 = { type: 'clip', id: 'clip-1' } as const;
const clip2 = { type: 'clip', id: 'clip-2' } as const;
const highlight1 = { type: 'highlight', id: 'h-1' } as const;
const quickIds = async (query: string) => {
  const found = await send<{ results: { id: string }[] }>('search', { query, mode: 'quick', filters: {}, limit: 10 });
  return found.results.map((result) => result.id).sort();
};

describe('collections', () => {
  it('creates, lists, renames and reorders, and the search index follows the names', async () => {
    const created = await send<{ id: string; count: number }>('createCollection', {
      name: '  Talk  prep ',
      description: 'For the talk',
      items: [clip1, highlight1, { type: 'clip', id: 'gone' }],
    });
    expect(created.count).toBe(2);
    expect(await send('listCollections', {})).toMatchObject([{ name: 'Talk prep', description: 'For the talk', count: 2 }]);
    expect(await quickIds('collection:"talk prep"')).toEqual(['clip-1', 'h-1']);

    await send('addToCollection', { id: created.id, items: [clip2, clip1] });
    await send('moveInCollection', { id: created.id, item: clip2, to: 0 });
    const { items } = await send<{ items: { id: string }[] }>('getCollection', { id: created.id });
    expect(items.map((item) => item.id)).toEqual(['clip-2', 'clip-1', 'h-1']);

    await send('updateCollection', { id: created.id, name: 'Keynote', description: '' });
    expect(await quickIds('collection:keynote')).toEqual(['clip-1', 'clip-2', 'h-1']);
    expect(await quickIds('collection:"talk prep"')).toEqual([]);
    expect(await send('listItemCollections', { item: clip2 })).toMatchObject([{ name: 'Keynote' }]);
  });

  it('refuses an empty or duplicate name', async () => {
    await send('createCollection', { name: 'Reading', description: '', items: [] });
    expect(await failure('createCollection', { name: 'reading', description: '', items: [] })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already a collection named/),
    });
    expect(await failure('createCollection', { name: '   ', description: '', items: [] })).toMatchObject({ ok: false });
  });

  it('deletes with undo, restoring the same record and its search entries', async () => {
    const created = await send<{ id: string }>('createCollection', { name: 'Team', description: 'd', items: [clip1] });
    const before = await db.collections.get(created.id);
    const { undoId } = await send<{ undoId: string }>('deleteCollection', { id: created.id });
    expect(await db.collections.count()).toBe(0);
    expect(await quickIds('collection:team')).toEqual([]);
    await send('undo', { undoId });
    expect(await db.collections.get(created.id)).toEqual(before);
    expect(await quickIds('collection:team')).toEqual(['clip-1']);
    expect(await failure('undo', { undoId })).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('removes items with undo', async () => {
    const created = await send<{ id: string }>('createCollection', { name: 'Team', description: '', items: [clip1, clip2] });
    const removed = await send<{ undoId: string; collection: { count: number } }>('removeFromCollection', {
      id: created.id,
      items: [clip1],
    });
    expect(removed.collection.count).toBe(1);
    await send('undo', { undoId: removed.undoId });
    expect((await db.collections.get(created.id))!.items).toEqual([clip1, clip2]);
  });
});

describe('tags and bulk actions', () => {
  it('sets tags on a clip and a highlight, cleaned, searchable and offered for completion', async () => {
    expect(await send('setTags', { item: clip1, tags: ['#Service', ' service ', 'speed  matters'] })).toEqual({
      tags: ['Service', 'speed matters'],
    });
    await send('setTags', { item: highlight1, tags: ['empathy'] });
    expect((await db.highlights.get('h-1'))!.tags).toEqual(['empathy']);
    expect(await quickIds('tag:empathy')).toEqual(['h-1']);
    expect(await quickIds('tag:"speed matters"')).toEqual(['clip-1']);
    const options = await send<{ tags: string[] }>('listFilterOptions', {});
    expect(options.tags).toEqual(expect.arrayContaining(['Service', 'empathy', 'speed matters']));
  });

  it('bulk-tags with undo restoring exactly the previous records', async () => {
    await send('setTags', { item: clip2, tags: ['Later'] });
    const before = [await db.clips.get('clip-1'), await db.clips.get('clip-2'), await db.highlights.get('h-1')];
    const outcome = await send<{ undoId: string; summary: string }>('bulkAddTag', { items: [clip1, clip2, highlight1], tag: 'later' });
    // clip-2 already had it (in another case), so two items changed.
    expect(outcome.summary).toBe('Tagged 2 items “later”.');
    expect((await db.clips.get('clip-1'))!.tags).toEqual(['social media', 'later']);
    expect(await quickIds('tag:later')).toEqual(['clip-1', 'clip-2', 'h-1']);
    await send('undo', { undoId: outcome.undoId });
    expect([await db.clips.get('clip-1'), await db.clips.get('clip-2'), await db.highlights.get('h-1')]).toEqual(before);
    expect(await quickIds('tag:later')).toEqual(['clip-2']);
  });

  it('bulk-deletes a clip with its highlights and out of collections, and undo brings all back', async () => {
    const created = await send<{ id: string }>('createCollection', { name: 'Team', description: '', items: [clip2, highlight1, clip1] });
    const outcome = await send<{ undoId: string; summary: string }>('bulkDelete', { items: [clip1] });
    expect(outcome.summary).toBe('Deleted 1 clip and 1 highlight.');
    expect(await db.clips.count()).toBe(1);
    expect(await db.highlights.count()).toBe(0);
    expect((await db.collections.get(created.id))!.items).toEqual([clip2]);
    expect(await quickIds('fast response')).toEqual([]);
    expect(await db.tombstones.count()).toBe(2);

    await send('undo', { undoId: outcome.undoId });
    expect(await db.clips.count()).toBe(2);
    expect(await db.highlights.count()).toBe(1);
    expect((await db.collections.get(created.id))!.items).toEqual([clip2, highlight1, clip1]);
    expect(await db.tombstones.count()).toBe(0);
    expect(await quickIds('collection:team')).toEqual(['clip-1', 'clip-2', 'h-1']);
  });
});

describe('collections as topics of connections', () => {
  const topicNames = async () =>
    (await send<{ topics: { topic: string }[] }>('getLibraryConnections', {})).topics.map((entry) => entry.topic.toLowerCase());

  it('adds a collection to its clips’ topics, and takes it away when the clip leaves it', async () => {
    expect(await topicNames()).not.toContain('keynote');
    const created = await send<{ id: string }>('createCollection', { name: 'Keynote', description: '', items: [clip2] });
    await expect.poll(topicNames).toContain('keynote');
    await send('removeFromCollection', { id: created.id, items: [clip2] });
    await expect.poll(topicNames).not.toContain('keynote');
  });
});
