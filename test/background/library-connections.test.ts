// Library-wide connections, topic bridges and tag rename/merge through the background's router, on fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import { LibraryConnectionTracker } from '../../src/core/connections';
import type { LibraryConnections, TagCount, TopicBridgeView } from '../../src/messaging/protocol';
import { saveCapture } from '../../src/storage/clip-store';
import { addHighlight } from '../../src/storage/highlight-store';
import { CrisscrossDb } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';
import { createFakeBrowser } from '../fakes/fake-browser';

const popupSender = { id: 'crisscross-test-id', url: 'chrome-extension://crisscross-test-id/library.html' };

let db: CrisscrossDb;
let stop: (() => Promise<void>) | undefined;
beforeEach(() => {
  db = new CrisscrossDb(`library-connections-${Math.random()}`);
});
afterEach(async () => {
  await stop?.();
  await db.delete();
});

function setUp() {
  const background = createBackground({ browser: createFakeBrowser([]).browser, db, log: vi.fn(), snapshotDelayMs: 50 });
  stop = background.stop;
  return async <T>(type: string, payload: unknown = {}): Promise<T> => {
    const result = (await background.router({ channel: 'crisscross', type, payload }, popupSender)) as
      { ok: true; value: T } | { ok: false; error: string };
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
}

async function clip(name: string, tags: string[], title: string, text: string) {
  const url = `http://blog.example/${name}.html`;
  return (await saveCapture(db, makeCapture({ url, canonicalUrl: url, aliases: [url], title, text, tags, siteName: 'Blog' }))).clip;
}

async function seed() {
  const sourdough = await clip(
    'sourdough',
    ['cooking'],
    'Sourdough starter basics',
    'A sourdough starter is a culture of wild yeast and lactobacillus bacteria. Fermentation gives the bread its sour flavour. Feed the starter flour and water every day. The microbes produce lactic acid during fermentation.',
  );
  const bokashi = await clip(
    'bokashi',
    ['gardening'],
    'Bokashi composting',
    'Bokashi is a fermentation method for kitchen waste. Lactobacillus bacteria ferment the scraps in a sealed bucket. The microbes produce lactic acid, and the fermented waste feeds the soil.',
  );
  const kimchi = await clip(
    'kimchi',
    ['cooking', 'gardening'],
    'Kimchi from the garden',
    'Kimchi is cabbage from the garden left to ferment with salt. Lactobacillus fermentation makes it sour, like a sourdough starter.',
  );
  await clip(
    'roses',
    ['gardening'],
    'Pruning roses',
    'Prune roses in late winter before new growth starts. Cut above an outward facing bud.',
  );
  await clip('funds', ['finance'], 'Index funds', 'Index funds track a market index at a low cost. Fees compound over decades.');
  return { sourdough, bokashi, kimchi };
}

describe('getLibraryConnections', () => {
  it('lists cross-topic pairs once each with their terms, the items to draw and the topics', async () => {
    const send = setUp();
    const { sourdough, bokashi } = await seed();
    const library = await send<LibraryConnections>('getLibraryConnections');
    expect(library.indexed).toBe(5);
    expect(library.graph).toHaveLength(5);
    expect(library.topics.map((t) => t.topic).sort()).toEqual(['cooking', 'finance', 'gardening']);
    const top = library.connections[0]!;
    expect([top.a, top.b].sort()).toEqual([`c:${sourdough.id}`, `c:${bokashi.id}`].sort());
    expect(top.terms).toContain('fermentation');
    const pairs = library.connections.map((c) => [c.a, c.b].sort().join('|'));
    expect(new Set(pairs).size).toBe(pairs.length);
    // The item in two topics shares one with everything else here: it has no cross-topic pair.
    const kimchi = library.items.find((item) => item.title === 'Kimchi from the garden')!;
    expect(kimchi.topics).toEqual(['cooking', 'gardening']);
    expect(library.connections.some((c) => c.a === kimchi.key || c.b === kimchi.key)).toBe(false);
    expect(library.items.find((item) => item.clipId === sourdough.id)!.connections).toBeGreaterThan(0);
  });

  it('is kept until the library or the feedback changes', async () => {
    const send = setUp();
    const { sourdough, bokashi } = await seed();
    const first = await send<LibraryConnections>('getLibraryConnections');
    expect(await send<LibraryConnections>('getLibraryConnections')).toBe(first);
    await send('setConnectionFeedback', {
      source: `c:${sourdough.id}`,
      target: `c:${bokashi.id}`,
      status: 'dismissed',
      note: '',
      terms: [],
    });
    const after = await send<LibraryConnections>('getLibraryConnections');
    expect(after).not.toBe(first);
    expect(after.connections.some((c) => [c.a, c.b].sort().join() === [`c:${sourdough.id}`, `c:${bokashi.id}`].sort().join())).toBe(false);
  });
});

describe('getLibraryConnectionsProgress', () => {
  it('reports the items scored while the list is computed, and nothing once it is done', async () => {
    const send = setUp();
    await seed();
    expect(await send('getLibraryConnectionsProgress')).toBeNull();
    let finished = false;
    const computed = send<LibraryConnections>('getLibraryConnections').then(() => (finished = true));
    const seen: unknown[] = [];
    while (!finished) {
      const progress = await send('getLibraryConnectionsProgress');
      if (progress) seen.push(progress);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await computed;
    // The five items fit one slice: scored, then the worker yields before finishing the list.
    expect(seen).toContainEqual({ done: 5, total: 5 });
    expect(await send('getLibraryConnectionsProgress')).toBeNull();
  });
});

describe('highlights and notes in connections', () => {
  it('count toward their clip: a note that speaks of another topic connects the two', async () => {
    const send = setUp();
    const roses = await clip(
      'roses',
      ['gardening'],
      'Pruning roses',
      'Prune roses in late winter before new growth starts. Cut above an outward facing bud.',
    );
    const funds = await clip(
      'funds',
      ['finance'],
      'Index funds',
      'Index funds track a market index at a low cost. Fees compound over decades.',
    );
    // Words in every item of a library weigh nothing (boilerplate): two more items make the shared ones rare.
    await clip(
      'trains',
      ['travel'],
      'Night trains',
      'Night trains connect Vienna, Munich and Zurich. A sleeper cabin replaces a hotel night.',
    );
    await clip('packing', ['travel'], 'Packing light', 'Pack a carry-on bag only. Roll clothes to save space.');
    const pairOf = (library: LibraryConnections) =>
      library.connections.find((c) => [c.a, c.b].sort().join() === [`c:${roses.id}`, `c:${funds.id}`].sort().join());
    expect(pairOf(await send<LibraryConnections>('getLibraryConnections'))).toBeUndefined();
    const highlight = await addHighlight(db, roses, { selectors: makeSelectors('Prune roses', 0), note: '', color: 'yellow' });
    await send('updateHighlight', {
      id: highlight.id,
      changes: { note: 'Like index funds: low cost, fees compound, track the market index over decades.' },
    });
    const connected = pairOf(await send<LibraryConnections>('getLibraryConnections'));
    expect(connected?.terms).toEqual(expect.arrayContaining(['index']));
    await send('deleteHighlight', { id: highlight.id });
    expect(pairOf(await send<LibraryConnections>('getLibraryConnections'))).toBeUndefined();
  });
});

describe('getTopicBridges', () => {
  it('names the items in both topics, the terms distinctive in both and the pairs across', async () => {
    const send = setUp();
    const { kimchi, sourdough, bokashi } = await seed();
    const bridge = await send<TopicBridgeView>('getTopicBridges', { a: 'cooking', b: 'gardening' });
    expect(bridge.shared.map((item) => item.clipId)).toEqual([kimchi.id]);
    expect(bridge.terms.map((term) => term.label)).toContain('lactobacillus');
    expect(bridge.pairs[0]).toMatchObject({ a: `c:${sourdough.id}`, b: `c:${bokashi.id}` });
    expect(bridge.pairs[0]!.terms.length).toBeGreaterThan(0);
    expect(bridge.items.map((item) => item.title).sort()).toEqual(['Bokashi composting', 'Sourdough starter basics']);
  });
});

describe('tags', () => {
  it('lists tags with counts, renames one on clips and highlights, and merges into a tag in use', async () => {
    const send = setUp();
    const { kimchi } = await seed();
    await addHighlight(db, kimchi, { selectors: makeSelectors('Kimchi', 0), note: '', color: 'yellow' });
    await db.highlights.toCollection().modify({ tags: ['Cooking'] });
    expect(await send<TagCount[]>('listTags')).toEqual([
      { tag: 'cooking', clips: 2, highlights: 1 },
      { tag: 'gardening', clips: 3, highlights: 0 },
      { tag: 'finance', clips: 1, highlights: 0 },
    ]);
    const before = await send<LibraryConnections>('getLibraryConnections');

    expect(await send('renameTag', { from: 'cooking', to: 'Kitchen' })).toEqual({ clips: 2, highlights: 1, merged: false });
    expect((await db.highlights.toArray())[0]!.tags).toEqual(['Kitchen']);
    const renamed = await send<LibraryConnections>('getLibraryConnections');
    expect(renamed).not.toBe(before);
    expect(renamed.topics.map((t) => t.topic).sort()).toEqual(['finance', 'gardening', 'kitchen']);
    // Search follows: the new tag finds the clips, the old one nothing.
    const found = await send<{ results: unknown[] }>('search', { query: 'tag:kitchen', mode: 'quick', filters: {}, limit: 10 });
    expect(found.results).toHaveLength(3);
    expect(
      (await send<{ results: unknown[] }>('search', { query: 'tag:cooking', mode: 'quick', filters: {}, limit: 10 })).results,
    ).toHaveLength(0);

    // Merge: "kitchen" into "gardening"; the item that had both keeps one.
    expect(await send('renameTag', { from: 'kitchen', to: 'gardening' })).toEqual({ clips: 2, highlights: 1, merged: true });
    expect((await db.clips.get(kimchi.id))!.tags).toEqual(['gardening']);
    expect(await send<TagCount[]>('listTags')).toEqual([
      { tag: 'gardening', clips: 4, highlights: 1 },
      { tag: 'finance', clips: 1, highlights: 0 },
    ]);
    const merged = await send<LibraryConnections>('getLibraryConnections');
    expect(merged.topics).toEqual([
      { topic: 'gardening', items: 4 },
      { topic: 'finance', items: 1 },
    ]);
  });

  it('refuses to rename a tag no item has', async () => {
    const background = createBackground({ browser: createFakeBrowser([]).browser, db, log: vi.fn() });
    stop = background.stop;
    const result = await background.router(
      { channel: 'crisscross', type: 'renameTag', payload: { from: 'nothing', to: 'x' } },
      popupSender,
    );
    expect(result).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('getLibraryConnections kept current', () => {
  const THEMES = [
    'fermentation yeast bacteria sourdough starter lactic culture microbes',
    'compost garden soil worms bokashi scraps mulch seedlings',
    'browser speed chrome firefox tabs rendering javascript engine',
    'customer service response ticket support complaint email reply',
  ].map((theme) => theme.split(' '));
  const TOPICS = ['cooking', 'gardening', 'google', 'social media'];

  /** 150 clips: enough that one change does not start a new weighting epoch (1% of the library). */
  async function library() {
    const clips = [];
    for (let i = 0; i < 150; i++) {
      const words = Array.from({ length: 24 }, (_, j) => THEMES[(i + (j % 3 === 0 ? 1 : 0)) % 4]![(i * 7 + j * 3) % 8]);
      clips.push(await clip(`item-${i}`, [TOPICS[i % 4]!], `Notes ${i}`, `${words.join(' ')}.`));
    }
    return clips;
  }

  const pairsOf = (value: LibraryConnections) => value.connections.map(({ a, b, score, terms }) => ({ a, b, score, terms }));

  it('after a change of topics finds again only the lists it can alter, and gives what a full recompute gives', async () => {
    const clips = await library();
    const send = setUp();
    const before = await send<LibraryConnections>('getLibraryConnections');
    const collect = vi.spyOn(LibraryConnectionTracker.prototype, 'collect');
    try {
      // A cooking clip joins a collection named like another topic: its pairs with that topic are no longer connections.
      await send('createCollection', { name: 'social media', description: '', items: [{ type: 'clip', id: clips[0]!.id }] });
      const updated = await send<LibraryConnections>('getLibraryConnections');
      expect(collect).not.toHaveBeenCalled();
      expect(pairsOf(updated)).not.toEqual(pairsOf(before));
      // A second worker on the same storage, without the saved index, finds the whole list from scratch: the same pairs.
      await stop?.();
      await db.connectionSnapshot.clear();
      const fresh = setUp();
      expect(pairsOf(await fresh<LibraryConnections>('getLibraryConnections'))).toEqual(pairsOf(updated));
      expect(collect).toHaveBeenCalled();
    } finally {
      collect.mockRestore();
    }
  }, 60_000);

  it('is saved with the connection index, so a restarted worker does not find it whole again', async () => {
    await library();
    const send = setUp();
    const first = await send<LibraryConnections>('getLibraryConnections');
    await vi.waitFor(async () => expect((await db.connectionSnapshot.get('index'))?.library).toBeDefined(), { timeout: 10_000 });
    await stop?.();
    const collect = vi.spyOn(LibraryConnectionTracker.prototype, 'collect');
    try {
      const restarted = setUp();
      expect(pairsOf(await restarted<LibraryConnections>('getLibraryConnections'))).toEqual(pairsOf(first));
      expect(collect).not.toHaveBeenCalled();
    } finally {
      collect.mockRestore();
    }
  }, 60_000);
});
