import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrisscrossDb } from '../../src/storage/db';
import { listLibrary } from '../../src/storage/library-store';
import { makeCapture } from '../fixtures/captures';

let db: CrisscrossDb;
let counter = 0;

function clip(n: number) {
  const url = `https://gen.example/${n}`;
  return { ...makeCapture({ url, canonicalUrl: url, aliases: [url] }), id: `gen-${n}`, savedAt: n, updatedAt: n };
}

beforeEach(async () => {
  db = new CrisscrossDb(`write-generation-${++counter}`);
  await db.open();
});

afterEach(async () => {
  db.close();
  await db.delete();
});

describe('library counts between writes', () => {
  it('counts once until a library write commits, then counts again', async () => {
    let counted = 0;
    const count = () => {
      counted++;
      return db.clips.count();
    };
    await db.clips.bulkPut([clip(1), clip(2)]);
    expect(await db.writes.kept('clips', count)).toBe(2);
    expect(await db.writes.kept('clips', count)).toBe(2);
    expect(counted).toBe(1);

    await db.clips.put(clip(3));
    expect(await db.writes.kept('clips', count)).toBe(3);
    expect(counted).toBe(2);

    // Writes elsewhere (the search snapshot, settings) leave the library's counts alone.
    await db.searchSnapshot.put({ tier: 'quick', version: 1, watermark: 1, json: '' });
    expect(await db.writes.kept('clips', count)).toBe(3);
    expect(counted).toBe(2);

    await db.transaction('rw', db.clips, async () => {
      await db.clips.delete('gen-1');
    });
    expect(await db.writes.kept('clips', count)).toBe(2);
    expect(counted).toBe(3);
  });

  it('does not keep a count a commit raced with', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const racing = db.writes.kept('clips', async () => {
      const before = await db.clips.count();
      await gate;
      return before;
    });
    await db.clips.put(clip(9));
    release();
    expect(await racing).toBe(0);
    expect(await db.writes.kept('clips', () => db.clips.count())).toBe(1);
  });

  it('gives every page of the list the current size after adds and deletes', async () => {
    const query = { type: 'clip', sort: 'saved', hasNotes: false } as const;
    await db.clips.bulkPut([clip(1), clip(2), clip(3)]);
    expect((await listLibrary(db, query, { offset: 0, limit: 2 })).total).toBe(3);
    await db.clips.put(clip(4));
    expect((await listLibrary(db, query, { offset: 0, limit: 2 })).total).toBe(4);
    await db.clips.bulkDelete(['gen-1', 'gen-2']);
    const page = await listLibrary(db, query, { offset: 0, limit: 10 });
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.id)).toEqual(['gen-4', 'gen-3']);
  });
});
