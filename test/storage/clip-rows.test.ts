// The clips' list rows (clip-rows.ts) stay equal to the clips table mapped row by row, whatever writes
// the clips: direct Dexie writes of every kind in a seeded random order, the worker's own edits
// (save, tags, bulk tag, bulk delete, undo, tag rename, import), and the upgrade that creates them.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/prng';
import { createBackground } from '../../src/background/create-background';
import { exportLibrary, importLibrary } from '../../src/background/library-transfer';
import type { LibraryChanges } from '../../src/background/library-changes';
import type { Clip } from '../../src/core/page-capture';
import type { Result } from '../../src/messaging/result';
import { clipListRow } from '../../src/storage/clip-rows';
import { saveCapture } from '../../src/storage/clip-store';
import { CrisscrossDb } from '../../src/storage/db';
import { createFakeBrowser } from '../fakes/fake-browser';
import { makeCapture } from '../fixtures/captures';

const opened: CrisscrossDb[] = [];
function database(name = `clip-rows-${Math.random()}`, upToVersion?: number) {
  const db = new CrisscrossDb(name, upToVersion ? { upToVersion } : undefined);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The rows must be exactly the clips mapped by clipListRow: same ids, same fields, nothing stale. */
async function expectRowsMatchClips(db: CrisscrossDb, step: string) {
  const [clips, rows] = await Promise.all([db.clips.orderBy(':id').toArray(), db.clipRows.orderBy(':id').toArray()]);
  expect(rows, step).toEqual(clips.map(clipListRow));
}

function makeClip(n: number, random: () => number): Clip {
  const capture = makeCapture({
    url: `http://blog.example/posts/${n}`,
    canonicalUrl: `http://blog.example/posts/${n}`,
    title: `Post ${Math.floor(random() * 50)}`,
    siteName: ['Dots', 'Lines', ''][Math.floor(random() * 3)]!,
    publishedAt: random() < 0.3 ? null : `2024-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    excerpt: `Excerpt ${n}`,
    tags: random() < 0.5 ? [] : ['later'],
  });
  return { ...capture, id: `clip-${n}`, savedAt: n, updatedAt: n };
}

describe('clip rows', () => {
  it('follow every kind of direct write to clips, step by step, in a seeded random sequence', async () => {
    const db = database();
    const random = mulberry32(20261124);
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const ids = async () => (await db.clips.toCollection().primaryKeys()) as string[];
    let next = 0;
    const steps: Record<string, () => Promise<unknown>> = {
      add: () => db.clips.add(makeClip(next++, random)),
      put: async () => db.clips.put({ ...makeClip(next++, random), id: pick([...(await ids()), 'new-' + next]) }),
      update: async () => db.clips.update(pick(await ids()) ?? 'none', { title: `Renamed ${next++}`, publishedAt: null }),
      modify: () =>
        db.clips
          .where('tags')
          .equals('later')
          .modify((clip) => void (clip.excerpt = `Modified ${next++}`)),
      delete: async () => db.clips.delete(pick(await ids()) ?? 'none'),
      bulkPut: () => db.clips.bulkPut([makeClip(next++, random), makeClip(next++, random)]),
      bulkAdd: () => db.clips.bulkAdd([makeClip(next++, random), makeClip(next++, random), makeClip(next++, random)]),
      // A duplicate address fails one value of the batch; the others are written, and only they get rows.
      bulkAddWithFailure: async () => {
        const existing = await db.clips.toCollection().first();
        const duplicate = existing && { ...makeClip(next++, random), canonicalUrl: existing.canonicalUrl };
        await db.clips.bulkAdd([makeClip(next++, random), ...(duplicate ? [duplicate] : [])]).catch(() => undefined);
      },
      bulkDelete: async () => db.clips.bulkDelete((await ids()).filter(() => random() < 0.3)),
      collectionDelete: () =>
        db.clips
          .where('savedAt')
          .below(next / 3)
          .delete(),
      transaction: () =>
        db.transaction('rw', db.clips, db.highlights, async () => {
          await db.clips.add(makeClip(next++, random));
          await db.clips.update(pick(await ids()), { tags: ['inside'] });
        }),
      // A transaction that fails takes its row writes back with it.
      abortedTransaction: () =>
        db
          .transaction('rw', db.clips, async () => {
            await db.clips.add(makeClip(next++, random));
            throw new Error('rolled back');
          })
          .catch(() => undefined),
      clear: async () => (random() < 0.2 ? db.clips.clear() : undefined),
    };
    const kinds = Object.keys(steps);
    for (let step = 0; step < 160; step++) {
      const kind = pick(kinds);
      await steps[kind]!();
      await expectRowsMatchClips(db, `step ${step}: ${kind}`);
    }
    expect(next).toBeGreaterThan(100);
  });

  it('follow the worker: save, resave, tags, bulk tag, bulk delete, undo, tag rename and import', async () => {
    const db = database();
    const background = createBackground({ browser: createFakeBrowser([]).browser, db, log: () => undefined, snapshotDelayMs: 60_000 });
    const page = { id: 'crisscross-test-id', url: 'chrome-extension://crisscross-test-id/library.html' };
    const send = async <T>(type: string, payload: unknown): Promise<T> => {
      const result = (await background.router({ channel: 'crisscross', type, payload }, page)) as Result<T>;
      if (!result.ok) throw new Error(result.error);
      return result.value;
    };
    try {
      await saveCapture(db, makeCapture(), { now: 1_000, newId: () => 'clip-1' });
      const other = { url: 'http://dots.example/other', canonicalUrl: 'http://dots.example/other', title: 'Other' };
      await saveCapture(db, makeCapture(other), { now: 1_500, newId: () => 'clip-2' });
      await expectRowsMatchClips(db, 'save');
      await saveCapture(db, makeCapture({ title: 'Saved again', publishedAt: null }), { now: 3_000, newId: () => 'unused' });
      await expectRowsMatchClips(db, 'resave');
      await send('setTags', { item: { type: 'clip', id: 'clip-1' }, tags: ['Service'] });
      await expectRowsMatchClips(db, 'setTags');
      const tagged = await send<{ undoId: string }>('bulkAddTag', { items: [{ type: 'clip', id: 'clip-2' }], tag: 'later' });
      await expectRowsMatchClips(db, 'bulkAddTag');
      await send('undo', { undoId: tagged.undoId });
      await expectRowsMatchClips(db, 'undo bulkAddTag');
      await send('renameTag', { from: 'Service', to: 'care' });
      expect((await db.clipRows.get('clip-1'))?.tags).toEqual(['care']);
      await expectRowsMatchClips(db, 'renameTag');
      const exported = await exportLibrary(db, 'json', '0.1.0');
      const deleted = await send<{ undoId: string }>('bulkDelete', { items: [{ type: 'clip', id: 'clip-1' }] });
      expect(await db.clipRows.get('clip-1')).toBeUndefined();
      await expectRowsMatchClips(db, 'bulkDelete');
      await send('undo', { undoId: deleted.undoId });
      await expectRowsMatchClips(db, 'undo bulkDelete');
      await db.clips.clear();
      const quiet: LibraryChanges = {
        clipSaved: () => undefined,
        highlightSaved: () => undefined,
        itemRemoved: () => undefined,
        collectionsChanged: async () => undefined,
      };
      await importLibrary(db, quiet, exported.fileName, exported.text!);
      expect(await db.clipRows.count()).toBe(2);
      await expectRowsMatchClips(db, 'import');
    } finally {
      await background.stop();
    }
  });

  it('are filled from the clips by the upgrade to version 9, in batches', async () => {
    const name = `clip-rows-upgrade-${Math.random()}`;
    const random = mulberry32(9);
    const old = database(name, 8);
    await old.clips.bulkAdd(Array.from({ length: 1_234 }, (_, n) => makeClip(n, random)));
    old.close();

    const current = database(name);
    await current.open();
    expect(await current.clipRows.count()).toBe(1_234);
    await expectRowsMatchClips(current, 'upgrade');
    // The row keeps what the list shows and leaves the article out.
    expect(Object.keys((await current.clipRows.get('clip-7'))!).sort()).toEqual([
      'id',
      'published',
      'publishedAt',
      'savedAt',
      'siteName',
      'summary',
      'tags',
      'title',
      'url',
    ]);
  });
});
