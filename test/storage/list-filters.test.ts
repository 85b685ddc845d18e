import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../src/core/collection';
import type { Highlight } from '../../src/core/highlight';
import type { Clip } from '../../src/core/page-capture';
import { compileFilter, labelKeys, siteKeys, type StoredFields } from '../../src/core/search/filters';
import type { LibraryListQuery, SearchFilterInput } from '../../src/messaging/protocol';
import { CrisscrossDb } from '../../src/storage/db';
import { listLibrary, listLibraryRefs } from '../../src/storage/library-store';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const TAGS = [['Design'], ['design', 'cities'], ['cities'], [], ['Economics', 'design']];
const HOSTS = ['https://blog.example.org', 'https://example.org', 'https://www.other.net', 'https://notexample.org'];
const SITE_NAMES = ['Example Blog', 'Example', 'Other', ''];

function makeClip(n: number): Clip {
  const url = `${HOSTS[n % HOSTS.length]}/post-${n}`;
  const savedAt = START + (n % 17) * DAY;
  return {
    ...makeCapture({ url, canonicalUrl: url, aliases: [url] }),
    id: `clip-${String(n).padStart(3, '0')}`,
    title: `Clip ${n}`,
    siteName: SITE_NAMES[n % SITE_NAMES.length]!,
    tags: TAGS[n % TAGS.length]!,
    savedAt,
    updatedAt: savedAt,
  };
}

function makeHighlight(n: number, clip: Clip): Highlight {
  const createdAt = clip.savedAt + (n % 3) * DAY;
  return {
    id: `hl-${String(n).padStart(3, '0')}`,
    clipId: clip.id,
    pageUrl: clip.url,
    pageTitle: clip.title,
    text: `Passage ${n}`,
    selectors: makeSelectors(),
    note: n % 2 ? `Note ${n}` : '',
    color: 'yellow',
    tags: TAGS[(n + 1) % TAGS.length]!,
    createdAt,
    updatedAt: createdAt,
  };
}

function collection(id: string, name: string, items: Collection['items']): Collection {
  return { id, name, description: '', items, createdAt: START, updatedAt: START };
}

describe('the library list with filters', () => {
  let db: CrisscrossDb;
  let clips: Clip[];
  let highlights: Highlight[];
  let collections: Collection[];

  beforeEach(async () => {
    db = new CrisscrossDb(`list-filters-${Math.random()}`);
    clips = Array.from({ length: 60 }, (_, n) => makeClip(n));
    highlights = Array.from({ length: 45 }, (_, n) => makeHighlight(n, clips[(n * 7) % clips.length]!));
    collections = [
      collection('c1', 'Talk prep', [
        ...clips.filter((_, n) => n % 4 === 0).map((clip) => ({ type: 'clip' as const, id: clip.id })),
        ...highlights.filter((_, n) => n % 5 === 0).map((h) => ({ type: 'highlight' as const, id: h.id })),
      ]),
      collection('c2', 'Reading', [
        ...clips.filter((_, n) => n % 3 === 0).map((clip) => ({ type: 'clip' as const, id: clip.id })),
        ...highlights.filter((_, n) => n % 2 === 0).map((h) => ({ type: 'highlight' as const, id: h.id })),
      ]),
    ];
    await db.clips.bulkPut(clips);
    await db.highlights.bulkPut(highlights);
    await db.collections.bulkPut(collections);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  /** What a search with the same filters keeps, by the search's own predicate, newest first as the list sorts. */
  function expected(type: 'clip' | 'highlight', filters: SearchFilterInput): string[] {
    const pass = compileFilter(filters);
    const inCollections = (ref: string) =>
      collections.filter((c) => c.items.some((item) => `${item.type}:${item.id}` === ref)).map((c) => c.name);
    const byId = new Map(clips.map((clip) => [clip.id, clip]));
    const stored = (item: Clip | Highlight): StoredFields & { id: string; at: number } => {
      if (type === 'clip') {
        const clip = item as Clip;
        return {
          id: clip.id,
          at: clip.savedAt,
          type,
          savedAt: clip.savedAt,
          tagKeys: labelKeys(clip.tags),
          siteKeys: siteKeys(clip.url, clip.siteName),
          collectionKeys: labelKeys(inCollections(`clip:${clip.id}`)),
        };
      }
      const highlight = item as Highlight;
      const page = byId.get(highlight.clipId)!;
      return {
        id: highlight.id,
        at: highlight.createdAt,
        type,
        savedAt: highlight.createdAt,
        tagKeys: labelKeys(highlight.tags),
        siteKeys: siteKeys(page.url, page.siteName),
        collectionKeys: labelKeys(inCollections(`highlight:${highlight.id}`)),
      };
    };
    return (type === 'clip' ? clips : highlights)
      .map(stored)
      .filter(pass)
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((item) => item.id);
  }

  const FILTERS: SearchFilterInput[] = [
    { tags: ['design'] },
    { tags: ['DESIGN', 'cities'] },
    { collections: ['talk prep'] },
    { collections: ['Talk prep', 'Reading'] },
    { sites: ['example.org'] },
    { sites: ['other.net', 'Example Blog'] },
    { after: START + 3 * DAY, before: START + 9 * DAY },
    { tags: ['design'], sites: ['example.org'], after: START + 2 * DAY },
    { types: ['highlight'] },
    { tags: ['no such tag'] },
  ];

  for (const type of ['clip', 'highlight'] as const) {
    for (const filters of FILTERS) {
      it(`${type}s filtered by ${JSON.stringify(filters)} are those a search with the filters keeps, in list order`, async () => {
        const query: LibraryListQuery = { type, sort: 'saved', hasNotes: false, filters };
        const want = expected(type, filters);
        const whole = await listLibrary(db, query, { offset: 0, limit: 500 });
        expect(whole.items.map((item) => item.id)).toEqual(want);
        expect(whole.total).toBe(want.length);
        // Pages are slices of the same order, and ranges for selection agree with them.
        const second = await listLibrary(db, query, { offset: 3, limit: 4 });
        expect(second.items.map((item) => item.id)).toEqual(want.slice(3, 7));
        expect((await listLibraryRefs(db, query, 3, 4)).map((ref) => ref.id)).toEqual(want.slice(3, 7));
        expect(await listLibraryRefs(db, query)).toEqual(want.map((id) => ({ type, id })));
      });
    }
  }

  it('sees changes made after a filtered list was kept: a new tag, a deletion, a collection edit', async () => {
    const query: LibraryListQuery = {
      type: 'clip',
      sort: 'title',
      hasNotes: false,
      filters: { tags: ['cities'], collections: ['Reading'] },
    };
    const before = (await listLibrary(db, query, { offset: 0, limit: 500 })).items.map((item) => item.id);
    expect(before.length).toBeGreaterThan(1);

    const untagged = clips.find((clip) => !clip.tags.includes('cities') && collections[1]!.items.some((item) => item.id === clip.id))!;
    await db.clips.update(untagged.id, { tags: ['cities'], updatedAt: Date.now() });
    await db.clips.delete(before[0]!);
    const ids = (await listLibrary(db, query, { offset: 0, limit: 500 })).items.map((item) => item.id);
    expect(ids).toContain(untagged.id);
    expect(ids).not.toContain(before[0]);

    await db.collections.update('c2', { items: [], updatedAt: Date.now() });
    expect((await listLibrary(db, query, { offset: 0, limit: 500 })).total).toBe(0);
  });
});
