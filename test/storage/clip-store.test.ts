import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrisscrossDb } from '../../src/storage/db';
import { addClipAliases, asStorageError, findClipByUrls, findClipOfPage, listRecentClips, saveCapture } from '../../src/storage/clip-store';
import { RequestError } from '../../src/messaging/result';
import { makeCapture } from '../fixtures/captures';

let db: CrisscrossDb;
let counter = 0;
const ids = () => `clip-${++counter}`;

beforeEach(() => {
  db = new CrisscrossDb(`test-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('saveCapture', () => {
  it('saves a new page as a clip with an id and timestamps', async () => {
    const { status, clip } = await saveCapture(db, makeCapture(), { now: 1000, newId: ids });
    expect(status).toBe('saved');
    expect(clip).toMatchObject({ savedAt: 1000, updatedAt: 1000, title: 'Fast response is the new normal in customer service' });
    expect(await db.clips.get(clip.id)).toEqual(clip);
  });

  it('updates the clip when the same canonical page is clipped again, never duplicating it', async () => {
    const first = await saveCapture(db, makeCapture({ tags: ['social media'] }), { now: 1000, newId: ids });
    const again = await saveCapture(db, makeCapture({ title: 'Edited title', text: 'New text', tags: ['customer service'] }), {
      now: 2000,
      newId: ids,
    });
    expect(again.status).toBe('updated');
    expect(again.clip.id).toBe(first.clip.id);
    expect(await db.clips.count()).toBe(1);
    const stored = await db.clips.get(first.clip.id);
    expect(stored).toMatchObject({ title: 'Edited title', text: 'New text', savedAt: 1000, updatedAt: 2000 });
    expect(stored!.tags.sort()).toEqual(['customer service', 'social media']);
  });

  it('recognises the page under another address it was seen at', async () => {
    const first = await saveCapture(db, makeCapture(), { now: 1, newId: ids });
    // Same page served elsewhere, with no canonical link: its address is one of the clip's aliases.
    const moved = makeCapture({ canonicalUrl: 'http://127.0.0.1:8080/posts/fast-response.html', aliases: [] });
    const again = await saveCapture(db, moved, { now: 2, newId: ids });
    expect(again).toMatchObject({
      status: 'updated',
      clip: { id: first.clip.id, canonicalUrl: 'http://dots.example/posts/fast-response.html' },
    });
    expect(await findClipByUrls(db, ['http://127.0.0.1:8080/posts/fast-response.html'])).toMatchObject({ id: first.clip.id });
  });

  it('keeps pages with different canonical addresses apart', async () => {
    await saveCapture(db, makeCapture(), { newId: ids });
    await saveCapture(db, makeCapture({ url: 'http://127.0.0.1:8080/b.html', canonicalUrl: 'http://dots.example/b.html', aliases: [] }), {
      newId: ids,
    });
    expect(await db.clips.count()).toBe(2);
  });

  it('reports a full disk in words the user can act on', () => {
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    const mapped = asStorageError(quota);
    expect(mapped).toBeInstanceOf(RequestError);
    expect(mapped).toMatchObject({ code: 'storage-full', message: expect.stringContaining('Everything saved before is intact') });
    const wrapped = Object.assign(new Error('abort'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } });
    expect(asStorageError(wrapped)).toMatchObject({ code: 'storage-full' });
    const other = new Error('other');
    expect(asStorageError(other)).toBe(other);
  });
});

describe('pages found through redirects', () => {
  const page = (url: string) => makeCapture({ url, canonicalUrl: url, aliases: [] });

  it('finds a page by its own address first, else by an address that redirected to it', async () => {
    const old = (await saveCapture(db, page('http://a.example/old'), { newId: ids })).clip;
    expect((await findClipOfPage(db, 'http://a.example/new', ['http://a.example/old']))?.id).toBe(old.id);
    const current = (await saveCapture(db, page('http://a.example/new'), { newId: ids })).clip;
    expect((await findClipOfPage(db, 'http://a.example/new', ['http://a.example/old']))?.id).toBe(current.id);
    expect(await findClipOfPage(db, 'http://a.example/other', [])).toBeUndefined();
  });

  it('adds aliases once, keeping the clip’s dates', async () => {
    const { clip } = await saveCapture(db, page('http://a.example/new'), { now: 5, newId: ids });
    const updated = await addClipAliases(db, clip, ['http://a.example/old', 'http://a.example/new']);
    expect(updated.aliases).toEqual(['http://a.example/new', 'http://a.example/old']);
    expect(await db.clips.get(clip.id)).toMatchObject({ aliases: updated.aliases, savedAt: 5, updatedAt: 5 });
    expect(await addClipAliases(db, updated, ['http://a.example/old'])).toBe(updated);
  });
});

describe('listRecentClips', () => {
  it('lists the most recently saved or updated clips first, without their text', async () => {
    await saveCapture(db, makeCapture({ url: 'http://a.example/1', canonicalUrl: 'http://a.example/1', aliases: [], title: 'One' }), {
      now: 1,
      newId: ids,
    });
    await saveCapture(db, makeCapture({ url: 'http://a.example/2', canonicalUrl: 'http://a.example/2', aliases: [], title: 'Two' }), {
      now: 2,
      newId: ids,
    });
    await saveCapture(db, makeCapture({ url: 'http://a.example/1', canonicalUrl: 'http://a.example/1', aliases: [], title: 'One again' }), {
      now: 3,
      newId: ids,
    });
    const recent = await listRecentClips(db, 10);
    expect(recent.map((clip) => clip.title)).toEqual(['One again', 'Two']);
    expect(recent[0]).not.toHaveProperty('text');
    expect(await listRecentClips(db, 1)).toHaveLength(1);
  });
});
