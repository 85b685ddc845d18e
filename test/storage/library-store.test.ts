import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Highlight } from '../../src/core/highlight';
import type { Clip } from '../../src/core/page-capture';
import type { LibraryItem, LibraryListQuery, LibrarySort, ListCursor } from '../../src/messaging/protocol';
import { CrisscrossDb } from '../../src/storage/db';
import { listLibrary, listLibraryRefs } from '../../src/storage/library-store';
import { NOTED_KEY, PUBLISHED_KEY } from '../../src/storage/list-keys';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

// Few distinct values, so most sort keys are shared by several rows: ties must not repeat or skip a row.
const SAVED = [Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)];
const TITLES = ['Apple', 'apple', 'Banana', ''];
const SITES = ['b.example', 'a.example', ''];
const PUBLISHED = ['2020-05-01T00:00:00.000Z', null, '2021-01-01T00:00:00.000Z', null];

function makeClip(n: number): Clip {
  const url = `https://site.example/${n}`;
  return {
    ...makeCapture({ url, canonicalUrl: url, aliases: [url] }),
    id: `clip-${String(n).padStart(3, '0')}-${(n * 7919) % 13}`,
    title: TITLES[n % TITLES.length]!,
    siteName: SITES[n % SITES.length]!,
    publishedAt: PUBLISHED[n % PUBLISHED.length]!,
    savedAt: SAVED[n % SAVED.length]!,
    updatedAt: SAVED[n % SAVED.length]!,
  };
}

function makeHighlight(n: number, clipId: string): Highlight {
  return {
    id: `hl-${(n * 31) % 97}-${n}`,
    clipId,
    pageUrl: 'https://site.example/',
    pageTitle: 'Page',
    text: `Passage ${n}`,
    selectors: makeSelectors(),
    note: n % 3 === 0 ? `Note ${n}` : n % 3 === 1 ? '   ' : '',
    color: 'yellow',
    tags: [],
    createdAt: SAVED[n % 2]!,
    updatedAt: SAVED[n % 2]!,
  };
}

/** IndexedDB's order: numbers before strings, strings by UTF-16 code units; then id. */
function compareKeys(a: ListCursor, b: ListCursor): number {
  for (let i = 0; i < 2; i++) {
    const [x, y] = [a[i]!, b[i]!];
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    if (x < y) return -1;
    if (x > y) return 1;
  }
  return 0;
}

const CLIP_KEY: Record<LibrarySort, (clip: Clip) => ListCursor> = {
  saved: (c) => [c.savedAt, c.id],
  published: (c) => [c.publishedAt ?? '', c.id],
  title: (c) => [c.title, c.id],
  site: (c) => [c.siteName, c.id],
};
const NEWEST_FIRST: Record<LibrarySort, boolean> = { saved: true, published: true, title: false, site: false };

function referenceClipIds(clips: Clip[], sort: LibrarySort): string[] {
  const sign = NEWEST_FIRST[sort] ? -1 : 1;
  return [...clips].sort((a, b) => sign * compareKeys(CLIP_KEY[sort](a), CLIP_KEY[sort](b))).map((clip) => clip.id);
}

function referenceHighlightIds(highlights: Highlight[], hasNotes: boolean): string[] {
  return highlights
    .filter((h) => !hasNotes || h.note.trim() !== '')
    .sort((a, b) => -compareKeys([a.createdAt, a.id], [b.createdAt, b.id]))
    .map((h) => h.id);
}

const CLIP_COUNT = 37;
const HIGHLIGHT_COUNT = 29;
let db: CrisscrossDb;
let clips: Clip[];
let highlights: Highlight[];

beforeEach(async () => {
  db = new CrisscrossDb(`library-store-${Math.random()}`);
  clips = Array.from({ length: CLIP_COUNT }, (_, n) => makeClip(n));
  highlights = Array.from({ length: HIGHLIGHT_COUNT }, (_, n) => makeHighlight(n, clips[n % 5]!.id));
  await db.clips.bulkAdd(clips);
  await db.highlights.bulkAdd(highlights);
});
afterEach(() => db.delete());

const LISTS: { name: string; query: LibraryListQuery; reference: () => string[] }[] = [
  ...(['saved', 'published', 'title', 'site'] as const).map((sort) => ({
    name: `clips by ${sort}`,
    query: { type: 'clip' as const, sort, hasNotes: false },
    reference: () => referenceClipIds(clips, sort),
  })),
  {
    name: 'highlights',
    query: { type: 'highlight', sort: 'saved', hasNotes: false },
    reference: () => referenceHighlightIds(highlights, false),
  },
  {
    name: 'highlights with notes',
    query: { type: 'highlight', sort: 'saved', hasNotes: true },
    reference: () => referenceHighlightIds(highlights, true),
  },
];

const ids = (items: LibraryItem[]) => items.map((item) => item.id);

describe.each(LISTS)('the library list: $name', ({ query, reference }) => {
  it('answers every offset with the rows of the sorted reference, from either end', async () => {
    const expected = reference();
    for (const limit of [1, 4]) {
      for (let offset = 0; offset <= expected.length; offset++) {
        const page = await listLibrary(db, query, { offset, limit });
        expect(page.total).toBe(expected.length);
        expect(ids(page.items), `offset ${offset}, limit ${limit}`).toEqual(expected.slice(offset, offset + limit));
      }
    }
  });

  it('pages after the last row of the page before, through ties, to the end', async () => {
    const expected = reference();
    for (const limit of [1, 3, 5]) {
      const seen: string[] = [];
      let page = await listLibrary(db, query, { offset: 0, limit });
      while (page.items.length > 0) {
        seen.push(...ids(page.items));
        expect(page.last).not.toBeNull();
        page = await listLibrary(db, query, { offset: seen.length, limit, after: page.last! });
      }
      expect(seen).toEqual(expected);
    }
  });

  it('gives the items of any range of rows, or of the whole list', async () => {
    const expected = reference();
    expect((await listLibraryRefs(db, query)).map((ref) => ref.id)).toEqual(expected);
    for (let offset = 0; offset < expected.length; offset += 5) {
      const refs = await listLibraryRefs(db, query, offset, 7);
      expect(refs).toEqual(expected.slice(offset, offset + 7).map((id) => ({ type: query.type, id })));
    }
  });
});

describe('list keys', () => {
  it('follow every write: a note added or cleared, a published date added', async () => {
    const quiet = highlights.find((h) => h.note === '')!;
    await db.highlights.update(quiet.id, { note: 'Now with a note' });
    const noted = referenceHighlightIds(highlights, true).length + 1;
    expect((await listLibrary(db, { type: 'highlight', sort: 'saved', hasNotes: true }, { offset: 0, limit: 100 })).total).toBe(noted);
    await db.highlights.put({ ...quiet, note: '' });
    expect((await listLibrary(db, { type: 'highlight', sort: 'saved', hasNotes: true }, { offset: 0, limit: 100 })).total).toBe(noted - 1);

    const undated = clips.find((clip) => clip.publishedAt === null)!;
    await db.clips.update(undated.id, { publishedAt: '2030-01-01T00:00:00.000Z' });
    const first = await listLibrary(db, { type: 'clip', sort: 'published', hasNotes: false }, { offset: 0, limit: 1 });
    expect(ids(first.items)).toEqual([undated.id]);
  });

  it('are never seen by the rest of the extension', async () => {
    const clip = await db.clips.get(clips[1]!.id);
    expect(clip).toEqual(clips[1]);
    expect(Object.keys((await db.highlights.toArray())[0]!)).not.toContain(NOTED_KEY);
    expect(Object.keys((await db.clips.bulkGet([clips[0]!.id]))[0]!)).not.toContain(PUBLISHED_KEY);
  });
});

describe('schema version 8', () => {
  it('fills the list keys of clips and highlights saved before it', async () => {
    const name = `list-keys-upgrade-${Math.random()}`;
    const old = new CrisscrossDb(name, { upToVersion: 7 });
    await old.clips.bulkAdd(clips);
    await old.highlights.bulkAdd(highlights);
    old.close();

    const upgraded = new CrisscrossDb(name);
    try {
      const published = await listLibrary(upgraded, { type: 'clip', sort: 'published', hasNotes: false }, { offset: 0, limit: 500 });
      expect(ids(published.items)).toEqual(referenceClipIds(clips, 'published'));
      const noted = await listLibrary(upgraded, { type: 'highlight', sort: 'saved', hasNotes: true }, { offset: 0, limit: 500 });
      expect(ids(noted.items)).toEqual(referenceHighlightIds(highlights, true));
      expect(noted.total).toBe(referenceHighlightIds(highlights, true).length);
      expect(await upgraded.clips.get(clips[3]!.id)).toEqual(clips[3]);
    } finally {
      await upgraded.delete();
    }
  });
});

describe('a jump far from both ends of a long list', () => {
  it('takes its rows from the kept ids, which follow adds and deletes', async () => {
    const more = Array.from({ length: 1_000 }, (_, n) => makeClip(CLIP_COUNT + n));
    await db.clips.bulkAdd(more);
    clips.push(...more);
    for (const sort of ['saved', 'title'] as const) {
      const query = { type: 'clip' as const, sort, hasNotes: false };
      let expected = referenceClipIds(clips, sort);
      for (const offset of [401, 520, 610]) {
        expect(ids((await listLibrary(db, query, { offset, limit: 40 })).items), `${sort} at ${offset}`).toEqual(
          expected.slice(offset, offset + 40),
        );
      }
      // A row added before the middle, one deleted: the same offset now shows the neighbouring rows.
      const added = makeClip(5_000 + (sort === 'title' ? 1 : 0));
      await db.clips.add(added);
      await db.clips.delete(expected[600]!);
      clips.push(added);
      clips = clips.filter((clip) => clip.id !== expected[600]);
      expected = referenceClipIds(clips, sort);
      expect(ids((await listLibrary(db, query, { offset: 590, limit: 40 })).items), `${sort} after writes`).toEqual(
        expected.slice(590, 630),
      );
      expect((await listLibraryRefs(db, query, 500, 3)).map((ref) => ref.id)).toEqual(expected.slice(500, 503));
    }
  });
});
