// Snapshots: save and restore, lazy full tier, catch-up from a watermark, refused versions and damage.
import { describe, expect, it } from 'vitest';
import { INDEX_VERSION, SearchIndex, SearchSnapshotError } from '../../../src/core/search';
import { clip, highlight, ids, partsSource, restore, save, type SavedSnapshot } from './helpers';

function built(): SearchIndex {
  const index = new SearchIndex();
  index.addAll([
    clip({ id: 'keep', title: 'Regenerative farming', text: 'Cover crops and soil carbon.' }),
    clip({ id: 'gone', title: 'Regenerative design', text: 'Buildings that give back.' }),
    clip({ id: 'edit', title: 'Vineyard notes', text: 'Unchanged body text.' }),
    highlight({ id: 'hl', text: 'Soil is alive.' }),
  ]);
  index.advanceWatermark(100);
  return index;
}

async function reasonOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SearchSnapshotError);
    return (error as SearchSnapshotError).reason;
  }
  throw new Error('expected a SearchSnapshotError');
}

describe('snapshots', () => {
  it('saves and restores both tiers with the watermark', async () => {
    // Small parts: the full tier spans several, some cutting a line.
    const snapshot = save(built(), 100);
    expect(snapshot.version).toBe(INDEX_VERSION);
    expect(snapshot.watermark).toBe(100);
    expect(snapshot.full.length).toBeGreaterThan(1);

    const restored = await restore(snapshot, { loadFull: true });
    expect(restored.size).toBe(4);
    expect(restored.watermark).toBe(100);
    expect(ids(restored.searchQuick('regenerative')).sort()).toEqual(['gone', 'keep']);
    expect(ids(restored.search('carbon'))).toEqual(['keep']);
    // Filters work on restored stored fields, with and without text.
    expect(ids(restored.searchQuick('type:highlight'))).toEqual(['hl']);
    expect(ids(restored.search('carbon type:clip'))).toEqual(['keep']);
  });

  it('restores the quick tier first and the full tier lazily', async () => {
    const restored = await restore(save(built()), { loadFull: false });
    expect(restored.fullTierLoaded).toBe(false);
    expect(ids(restored.searchQuick('regenerative farming'))).toEqual(['keep']);
    // Article text is not searchable yet...
    expect(restored.searchFull('carbon')).toEqual([]);
    await restored.loadFullTier();
    // ...and is once the full tier is in.
    expect(restored.fullTierLoaded).toBe(true);
    expect(ids(restored.searchFull('carbon'))).toEqual(['keep']);
  });

  it('catches up: items added after the snapshot are found, deleted ones are gone, edits apply', async () => {
    const restored = await restore(save(built()), { loadFull: false });
    restored.applyChanges({
      upserts: [
        clip({ id: 'new', title: 'Regenerative grazing', text: 'Mob grazing and mycorrhiza.' }),
        clip({ id: 'edit', title: 'Orchards notes', text: 'Unchanged body text.' }),
      ],
      deletions: [
        { type: 'clip', id: 'gone' },
        { type: 'highlight', id: 'hl' },
        { type: 'clip', id: 'never-indexed' },
      ],
      watermark: 150,
    });
    expect(restored.watermark).toBe(150);
    expect(ids(restored.searchQuick('regenerative')).sort()).toEqual(['keep', 'new']);
    expect(restored.searchQuick('alive')).toEqual([]);
    expect(ids(restored.searchQuick('orchards'))).toEqual(['edit']);
    expect(restored.searchQuick('vineyard')).toEqual([]);

    // Changes made before the full tier loaded reach it once it does.
    await restored.loadFullTier();
    expect(ids(restored.search('mycorrhiza'))).toEqual(['new']);
    expect(restored.search('buildings')).toEqual([]);
  });

  it('keeps catch-up changes made before the full tier loaded across another save and restore', async () => {
    const restored = await restore(save(built()), { loadFull: false });
    restored.applyChanges({
      upserts: [clip({ id: 'new', title: 'Agroforestry', text: 'Alley cropping with walnuts.' })],
      deletions: [{ type: 'clip', id: 'keep' }],
      watermark: 200,
    });
    // The saved full tier is read in parts: a snapshot waits until it is loaded, rather than lose it.
    expect(() => restored.toSnapshot()).toThrow(/not loaded yet/);
    await restored.loadFullTier();
    const again = await restore(save(restored), { loadFull: true });
    expect(again.watermark).toBe(200);
    expect(ids(again.search('walnuts'))).toEqual(['new']);
    expect(again.search('carbon')).toEqual([]);
  });

  it('is idempotent, so a lagging watermark only repeats work', () => {
    const index = built();
    const change = { upserts: [clip({ id: 'new', title: 'Soil biology' })], deletions: [{ type: 'clip' as const, id: 'gone' }] };
    index.applyChanges(change);
    index.applyChanges(change);
    expect(index.size).toBe(4);
    expect(ids(index.searchQuick('soil biology'))).toEqual(['new']);
    // The watermark never moves back.
    index.applyChanges({ watermark: 5 });
    expect(index.watermark).toBe(100);
  });

  it('filters by tag, site and collection after a restore as before it', async () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'a', title: 'Soil notes', tags: ['Farming'], collections: ['Reading list'], url: 'https://www.soil.org/a' }),
      clip({ id: 'b', title: 'Soil science', tags: ['Science'], url: 'https://example.com/b' }),
      highlight({ id: 'h', text: 'Soil is alive.', tags: ['Farming'], url: 'https://www.soil.org/a' }),
    ]);
    const queries = ['soil tag:farming', 'soil site:soil.org', 'soil collection:"reading list"', 'soil tag:science site:example.com'];
    const before = queries.map((query) => ids(index.searchQuick(query)).sort());
    expect(before).toEqual([['a', 'h'], ['a', 'h'], ['a'], ['b']]);
    const restored = await restore(save(index), { loadFull: false });
    expect(queries.map((query) => ids(restored.searchQuick(query)).sort())).toEqual(before);
    // Items added after the restore share the restored items' keys.
    restored.upsert(clip({ id: 'c', title: 'Soil maps', tags: ['farming'], url: 'https://soil.org/c' }));
    expect(ids(restored.searchQuick('soil tag:farming site:soil.org')).sort()).toEqual(['a', 'c', 'h']);
  });

  it('refuses a snapshot of another version with a typed error', async () => {
    const snapshot = { ...save(built()), version: INDEX_VERSION + 1 };
    expect(await reasonOf(() => restore(snapshot, { loadFull: false }))).toBe('version-mismatch');
  });

  it('refuses corrupt snapshots with a typed error', async () => {
    const good = save(built());
    const attempts: unknown[] = [
      null,
      'not a snapshot',
      { ...good, quick: '{"documentCount": 3, "index": [' },
      { ...good, quick: '{"documentCount": 3}' },
      { ...good, quick: JSON.stringify({ ...JSON.parse(good.quick), fieldIds: { title: 0 } }) },
      { ...good, quick: JSON.stringify({ ...JSON.parse(good.quick), documentCount: 99 }) },
      { ...good, full: ['garbage'] },
      { ...good, full: [] },
      { ...good, watermark: 'yesterday' },
      { version: INDEX_VERSION, full: good.full },
    ];
    for (const attempt of attempts) {
      expect(await reasonOf(() => restore(attempt, { loadFull: true }))).toBe('corrupt');
    }
  });

  it('reports a corrupt full tier when it is loaded lazily', async () => {
    const snapshot = { ...save(built()), full: ['{"truncated'] };
    const restored = await restore(snapshot, { loadFull: false });
    // The quick tier still answers meanwhile.
    expect(ids(restored.searchQuick('alive'))).toEqual(['hl']);
    await expect(restored.loadFullTier()).rejects.toBeInstanceOf(SearchSnapshotError);
  });
});

describe('saving the full tier a line at a time', () => {
  it('keeps the full tier unchanged while its lines are read, and applies changes made meanwhile after', async () => {
    const index = built();
    const { full, quick, ...envelope } = index.toSnapshot();
    const lines = full[Symbol.iterator]();
    const header = lines.next().value as string;
    // Indexed between two messages of the transfer.
    index.upsert(clip({ id: 'late', title: 'Late arrival', text: 'Quokka sightings at dawn.' }));
    index.remove({ type: 'clip', id: 'keep' });
    expect(ids(index.searchQuick('late arrival'))).toEqual(['late']);
    const rest = [...{ [Symbol.iterator]: () => lines }];
    // Once the last line is read, article text has caught up.
    expect(ids(index.searchFull('quokka'))).toEqual(['late']);
    expect(index.searchFull('carbon')).toEqual([]);

    // The saved full tier is the tier as it was at its first line: header and posting lists agree.
    const saved = JSON.parse(JSON.stringify({ ...envelope, quick: [...quick].join(''), full: [header, ...rest] })) as SavedSnapshot;
    const restored = await restore(saved, { loadFull: true });
    expect(ids(restored.search('carbon'))).toEqual(['keep']);
    // A posting of the late item in it would be taken for the next item indexed after the restore.
    restored.upsert(clip({ id: 'next', title: 'Next', text: 'Nothing about marsupials.' }));
    expect(restored.searchFull('quokka')).toEqual([]);
  });

  it('saves the quick tier as it was when the snapshot was taken, while it keeps answering changes', async () => {
    const index = built();
    const { full, quick, ...envelope } = index.toSnapshot();
    const pieces = quick[Symbol.iterator]();
    const first = pieces.next().value as string;
    // Written between two messages of the transfer: found at once, as every keystroke must.
    const late = clip({ id: 'late', title: 'Regenerative grazing', text: 'Herds on the move.' });
    index.upsert(late);
    index.upsert(clip({ id: 'edit', title: 'Orchard notes', text: 'Unchanged body text.' }));
    index.remove({ type: 'clip', id: 'gone' });
    expect(ids(index.searchQuick('regenerative'))).toEqual(['late', 'keep']);
    const text = first + [...{ [Symbol.iterator]: () => pieces }].join('');

    const saved = JSON.parse(JSON.stringify({ ...envelope, quick: text, full: [...full] })) as SavedSnapshot;
    const restored = await restore(saved, { loadFull: true });
    // As when taken: the later changes are newer than its watermark, and catch-up applies them again.
    expect(ids(restored.searchQuick('regenerative')).sort()).toEqual(['gone', 'keep']);
    expect(ids(restored.searchQuick('vineyard'))).toEqual(['edit']);
    restored.applyChanges({
      upserts: [late, clip({ id: 'edit', title: 'Orchard notes', text: 'Unchanged body text.' })],
      deletions: [{ type: 'clip', id: 'gone' }],
    });
    expect(ids(restored.searchQuick('regenerative')).sort()).toEqual(['keep', 'late']);
    expect(ids(restored.searchQuick('orchard'))).toEqual(['edit']);
    expect(restored.searchQuick('vineyard')).toEqual([]);
  });

  it('applies the waiting changes when a transfer stops half-way', () => {
    const index = built();
    for (const line of index.toSnapshot().full) {
      index.upsert(clip({ id: 'late', title: 'Late arrival', text: 'Quokka sightings at dawn.' }));
      expect(index.searchFull('quokka')).toEqual([]);
      if (line) break;
    }
    expect(ids(index.searchFull('quokka'))).toEqual(['late']);
    expect(ids(index.searchFull('carbon'))).toEqual(['keep']);
  });
});

describe('quick-first restore', () => {
  it('answers from the quick tier at once and from article text once the full tier is attached', async () => {
    const index = new SearchIndex();
    index.upsert({
      type: 'clip',
      id: 'a',
      title: 'Gardening notes',
      url: 'https://example.org/a',
      text: 'Tomatoes need compost and sunlight.',
      savedAt: 1,
    });
    const { full, ...quick } = save(index);
    const restored = SearchIndex.fromQuickSnapshot(quick);
    expect(restored.searchQuick('gardening').map((hit) => hit.id)).toEqual(['a']);
    expect(() => restored.toSnapshot()).toThrow(/not been attached/);
    await expect(restored.loadFullTier()).rejects.toThrow(/not been attached/);
    restored.attachFullTier(partsSource(full));
    await restored.loadFullTier();
    expect(restored.searchFull('compost').map((hit) => hit.id)).toEqual(['a']);
  });
});
