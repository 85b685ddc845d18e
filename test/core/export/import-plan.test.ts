// Planning an import: duplicates merge by address and by quote without overwriting the user's data, ids never collide, and the report says what happened to each item.
import { describe, expect, it } from 'vitest';
import { planImport, type ImportPlan } from '../../../src/core/export/import-plan';
import type { ExportBundle } from '../../../src/core/export/library-data';
import {
  CLIP_ID_FAST,
  CLIP_ID_TRICKY,
  COLLECTION_ID,
  HL_ID_EMOJI,
  HL_ID_NOTE,
  HL_ID_PLAIN,
  makeBundle,
  makeClip,
  makeHighlight,
} from './fixtures';

const EMPTY: ExportBundle = { clips: [], highlights: [], collections: [] };
const NOW = Date.UTC(2024, 5, 1);

function ids() {
  let n = 0;
  return () => `new-${++n}`;
}

function plan(existing: ExportBundle, incoming: ExportBundle): ImportPlan {
  return planImport(existing, incoming, { newId: ids(), now: NOW });
}

/** What the caller's transaction does with a plan: put merged items over the old ones, add new ones. */
function apply(library: ExportBundle, { toAdd, toMerge }: ImportPlan): ExportBundle {
  const put = <T extends { id: string }>(items: T[], merged: T[], added: T[]) => [
    ...items.map((item) => merged.find((m) => m.id === item.id) ?? item),
    ...added,
  ];
  return {
    clips: put(library.clips, toMerge.clips, toAdd.clips),
    highlights: put(library.highlights, toMerge.highlights, toAdd.highlights),
    collections: put(library.collections, toMerge.collections, toAdd.collections),
  };
}

describe('planImport', () => {
  it('adds everything to an empty library, keeping ids, and says so', () => {
    const incoming = makeBundle();
    const result = plan(EMPTY, incoming);
    expect(result.toAdd).toEqual({ clips: incoming.clips, highlights: incoming.highlights, collections: incoming.collections });
    expect(result.toMerge).toEqual(EMPTY);
    expect(result.skipped).toEqual([]);
    expect(result.report.summary).toBe('Added 2 clips, 3 highlights and 1 collection.');
    expect(result.report.counts.added).toEqual({ clip: 2, highlight: 3, collection: 1, link: 0 });
    expect(result.report.lines.map((l) => [l.action, l.type, l.title])).toEqual([
      ['added', 'clip', 'He said "hi": <script>alert("x")</script> & left'],
      ['added', 'clip', 'Fast response is the new normal in customer service'],
      ['added', 'highlight', '“Party 🎉 time”'],
      ['added', 'highlight', '“Fast response is the new normal.”'],
      ['added', 'highlight', '“Poor attention.”'],
      ['added', 'collection', 'Reading list'],
    ]);
  });

  it('skips everything when the library already has it, and re-importing after an import changes nothing', () => {
    const library = makeBundle();
    const again = plan(library, makeBundle());
    expect(again.toAdd).toEqual(EMPTY);
    expect(again.toMerge).toEqual(EMPTY);
    expect(again.report.summary).toBe('Skipped 2 clips, 3 highlights and 1 collection.');
    expect(again.skipped.every((line) => line.details[0] === 'already in your library')).toBe(true);

    const changed = makeBundle();
    changed.highlights[2]!.note = 'A second thought';
    changed.clips[1]!.tags = ['new tag'];
    const once = apply(library, plan(library, changed));
    const twice = plan(once, changed);
    expect(twice.toAdd).toEqual(EMPTY);
    expect(twice.toMerge).toEqual(EMPTY);
  });

  it('merges a clip found by any of its addresses, filling gaps and never replacing what the user has', () => {
    const mine = makeClip({ author: null, tags: ['mine'], title: 'My title for it' });
    const theirs = makeClip({
      id: 'other-id',
      url: 'https://dots.example/posts/fast-response.html?utm_source=feed',
      canonicalUrl: 'https://mirror.example/fast-response',
      aliases: ['http://127.0.0.1:8080/posts/fast-response.html'],
      title: 'Their title',
      author: 'Someone',
      tags: ['mine', 'theirs'],
      text: 'Different text',
    });
    const result = plan({ ...EMPTY, clips: [mine] }, { ...EMPTY, clips: [theirs] });
    expect(result.toAdd.clips).toEqual([]);
    const [merged] = result.toMerge.clips;
    expect(merged).toEqual({
      ...mine,
      aliases: [...mine.aliases, 'https://mirror.example/fast-response', 'https://dots.example/posts/fast-response.html?utm_source=feed'],
      tags: ['mine', 'theirs'],
      author: 'Someone',
      updatedAt: NOW,
    });
    expect(result.report.lines).toEqual([
      {
        action: 'merged',
        type: 'clip',
        id: CLIP_ID_FAST,
        title: 'My title for it',
        details: [
          'added addresses https://mirror.example/fast-response, https://dots.example/posts/fast-response.html?utm_source=feed',
          'added tags theirs',
          'added the author',
          'kept your title (the file has “Their title”)',
          'kept your page text (the file’s differs)',
        ],
      },
    ]);
  });

  it('gives a bookmark-only clip the text and title of the same page from the file', () => {
    const bare = makeClip({
      title: 'https://dots.example/posts/fast-response.html',
      text: '',
      html: '',
      wordCount: 0,
      source: 'body',
      excerpt: '',
    });
    const full = makeClip({ id: 'full' });
    const [merged] = plan({ ...EMPTY, clips: [bare] }, { ...EMPTY, clips: [full] }).toMerge.clips;
    expect(merged).toMatchObject({
      id: CLIP_ID_FAST,
      title: full.title,
      text: full.text,
      html: full.html,
      wordCount: 24,
      source: 'article',
      excerpt: full.excerpt,
    });
  });

  it('attaches incoming highlights to the library’s clip of the same page', () => {
    const mine = makeClip({ id: 'my-clip' });
    const incoming = makeBundle();
    const result = plan({ ...EMPTY, clips: [mine] }, incoming);
    const fastHighlights = result.toAdd.highlights.filter((h) => h.pageUrl === mine.url);
    expect(fastHighlights.map((h) => h.clipId)).toEqual(['my-clip', 'my-clip']);
    const collection = result.toAdd.collections[0]!;
    expect(collection.items).toEqual([
      { type: 'clip', id: CLIP_ID_TRICKY },
      { type: 'highlight', id: HL_ID_NOTE },
      { type: 'clip', id: 'my-clip' },
    ]);
  });

  it('merges a highlight with the same page and quote context: tags join, the note is added after the user’s, the colour stays', () => {
    const library = makeBundle();
    const incoming = makeBundle();
    const theirs = incoming.highlights.find((h) => h.id === HL_ID_NOTE)!;
    theirs.id = 'their-highlight';
    theirs.note = 'Their note, "quoted"';
    theirs.tags = ['speed', 'theirs'];
    theirs.color = 'pink';
    incoming.collections = [];
    const result = plan(library, { clips: incoming.clips, highlights: [theirs], collections: [] });
    expect(result.toAdd).toEqual(EMPTY);
    expect(result.toMerge.highlights).toHaveLength(1);
    const merged = result.toMerge.highlights[0]!;
    expect(merged.id).toBe(HL_ID_NOTE);
    expect(merged.note).toBe('She said "fast", then: wait,\nsecond line 🎉\n\nTheir note, "quoted"');
    expect(merged.tags).toEqual(['customer service', 'speed', 'theirs']);
    expect(merged.color).toBe('blue');
    expect(result.report.lines.find((l) => l.type === 'highlight')?.details).toEqual([
      'added tags theirs',
      'added the file’s note after yours',
      'kept your colour (blue; the file has pink)',
    ]);
  });

  it('fills an empty note, and treats the same quote with other context as another highlight', () => {
    const library = { ...EMPTY, clips: [makeClip()], highlights: [makeHighlight()] };
    const sameQuote = makeHighlight({ id: 'x1', note: 'Now with a note' });
    const otherContext = makeHighlight({ id: 'x2', prefix: 'Somewhere else: ' });
    const result = plan(library, { clips: [makeClip()], highlights: [sameQuote, otherContext], collections: [] });
    expect(result.toMerge.highlights.map((h) => [h.id, h.note])).toEqual([[HL_ID_PLAIN, 'Now with a note']]);
    expect(result.toAdd.highlights.map((h) => h.id)).toEqual(['x2']);
  });

  it('gives incoming items whose ids are taken by other items new ids, and rewrites every reference', () => {
    const library = {
      ...EMPTY,
      clips: [makeClip({ url: 'https://elsewhere.example/', canonicalUrl: 'https://elsewhere.example/', aliases: [] })],
    };
    const incoming = makeBundle();
    const result = plan(library, incoming);
    const fast = result.toAdd.clips.find((c) => c.url === 'https://dots.example/posts/fast-response.html')!;
    expect(fast.id).toBe('new-1');
    expect(result.toAdd.highlights.filter((h) => h.pageUrl === fast.url).map((h) => h.clipId)).toEqual(['new-1', 'new-1']);
    expect(result.toAdd.collections[0]!.items).toContainEqual({ type: 'clip', id: 'new-1' });
  });

  it('skips highlights whose page is nowhere, and collection items that point nowhere, saying why', () => {
    const orphan = makeHighlight({ id: 'orphan', clipId: 'missing', pageUrl: 'https://nowhere.example/' });
    const collection = {
      ...makeBundle().collections[0]!,
      items: [
        { type: 'highlight' as const, id: 'orphan' },
        { type: 'clip' as const, id: 'ghost' },
      ],
    };
    const result = plan(EMPTY, { clips: [], highlights: [orphan], collections: [collection] });
    expect(result.skipped).toEqual([
      {
        action: 'skipped',
        type: 'highlight',
        id: 'orphan',
        title: '“Fast response is the new normal.”',
        details: ['its page (https://nowhere.example/) is neither in the file nor in your library'],
      },
    ]);
    expect(result.toAdd.collections[0]!.items).toEqual([]);
    expect(result.report.lines.find((l) => l.type === 'collection')?.details).toEqual([
      'left out 2 items that are neither in the file nor in your library',
    ]);
  });

  it('keeps collection items that name items the library already has (a partial export of it)', () => {
    const library = makeBundle();
    const partial: ExportBundle = {
      clips: [],
      highlights: [],
      collections: [{ ...library.collections[0]!, id: 'c2', name: 'Subset', items: [{ type: 'highlight', id: HL_ID_EMOJI }] }],
    };
    expect(plan(library, partial).toAdd.collections[0]!.items).toEqual([{ type: 'highlight', id: HL_ID_EMOJI }]);
  });

  it('merges a collection of the same name (any case): new items at the end, the user’s order kept', () => {
    const library = makeBundle();
    library.collections[0]!.items = [{ type: 'clip', id: CLIP_ID_FAST }];
    const incoming = makeBundle();
    incoming.collections[0]!.id = 'their-collection';
    incoming.collections[0]!.name = '  READING LIST ';
    const result = plan(library, incoming);
    expect(result.toMerge.collections).toHaveLength(1);
    expect(result.toMerge.collections[0]).toMatchObject({
      id: COLLECTION_ID,
      name: 'Reading list',
      items: [
        { type: 'clip', id: CLIP_ID_FAST },
        { type: 'clip', id: CLIP_ID_TRICKY },
        { type: 'highlight', id: HL_ID_NOTE },
      ],
    });
    expect(result.report.summary).toBe('Merged 1 collection into what you had. Skipped 2 clips and 3 highlights.');
  });

  it('stops adding tags at the limit the importer enforces, and says how many did not fit', () => {
    const mine = makeClip({ tags: Array.from({ length: 49 }, (_, i) => `t${i}`) });
    const theirs = makeClip({ id: 'theirs', tags: ['t0', 'new1', 'new2', 'new3'] });
    const result = plan({ ...EMPTY, clips: [mine] }, { ...EMPTY, clips: [theirs] });
    expect(result.toMerge.clips[0]!.tags).toHaveLength(50);
    expect(result.report.lines[0]!.details).toEqual(['added tags new1', 'left out 2 tags beyond the limit of 50']);
  });

  it('combines duplicates inside the file into one new item', () => {
    const a = makeClip({ id: 'a', tags: ['one'] });
    const b = makeClip({ id: 'b', url: 'http://127.0.0.1:8080/posts/fast-response.html', tags: ['two'] });
    const result = plan(EMPTY, { clips: [a, b], highlights: [makeHighlight({ clipId: 'b' })], collections: [] });
    expect(result.toAdd.clips.map((c) => [c.id, c.tags])).toEqual([['a', ['one', 'two']]]);
    expect(result.toAdd.highlights[0]!.clipId).toBe('a');
    expect(result.report.lines[0]!.details).toEqual(['combined with another copy in the file', 'added tags two']);
  });

  it('skips links it cannot read, saying why', () => {
    const result = plan(EMPTY, { ...EMPTY, links: [{ id: 'l1' }, { id: 'l2' }] });
    expect(result.report.counts.skipped.link).toBe(2);
    expect(result.report.summary).toBe('Skipped 2 connections.');
    expect(result.skipped[0]?.details).toEqual(['it is not a confirmed connection Crisscross can read']);
  });

  it('imports confirmed links with their ends moved to the final ids, merging by pair', () => {
    const link = (a: string, b: string) => ({ pair: `${a}|${b}`, a, b, status: 'confirmed', note: 'n', terms: ['t'], createdAt: 5 });
    const library = makeBundle();
    // The same clip arrives under another id: its links follow it to the library's id.
    const incoming: ExportBundle = {
      clips: library.clips.map((clip) => ({ ...clip, id: `x-${clip.id}` })),
      highlights: [],
      collections: [],
      links: [
        link(`c:x-${CLIP_ID_FAST}`, `c:x-${CLIP_ID_TRICKY}`),
        link(`c:x-${CLIP_ID_FAST}`, `c:x-${CLIP_ID_TRICKY}`),
        link(`c:x-${CLIP_ID_FAST}`, 'c:nowhere'),
        link(`h:${HL_ID_NOTE}`, `c:x-${CLIP_ID_FAST}`),
      ],
    };
    const result = plan(library, incoming);
    expect(result.toAdd.links).toEqual([
      {
        pair: `c:${CLIP_ID_TRICKY}\nc:${CLIP_ID_FAST}`,
        a: `c:${CLIP_ID_FAST}`,
        b: `c:${CLIP_ID_TRICKY}`,
        status: 'confirmed',
        note: 'n',
        terms: ['t'],
        createdAt: 5,
      },
      expect.objectContaining({ a: `h:${HL_ID_NOTE}`, b: `c:${CLIP_ID_FAST}` }),
    ]);
    expect(result.report.counts.added.link).toBe(2);
    expect(result.report.counts.skipped.link).toBe(2);
    // Imported again, with the pairs now in the library, nothing is added.
    const again = plan({ ...library, links: result.toAdd.links }, incoming);
    expect(again.toAdd.links).toBeUndefined();
    expect(again.skipped.filter((line) => line.type === 'link').map((line) => line.details[0])).toContain(
      'already in your library (confirmed or dismissed)',
    );
  });

  it('never changes the bundles it is given', () => {
    const library = makeBundle();
    const incoming = makeBundle();
    incoming.highlights[0]!.tags = ['added'];
    const before = structuredClone([library, incoming]);
    plan(library, incoming);
    expect([library, incoming]).toEqual(before);
  });

  it('says when there is nothing to import', () => {
    expect(plan(makeBundle(), EMPTY).report.summary).toBe('The file holds nothing to import.');
  });
});
