// Trimming field lengths swaps MiniSearch's arrays for exact copies: the same numbers, each document once.
import { describe, expect, it } from 'vitest';
import { toQuickDoc } from '../../../src/core/search/documents';
import { markFieldLengthsExact, trimFieldLengths } from '../../../src/core/search/field-lengths';
import { createQuickTier, loadQuickTier } from '../../../src/core/search/tiers';
import { SearchIndex } from '../../../src/core/search';
import { clip, highlight, restore, save } from './helpers';

type Internals = { _fieldLength: Map<number, number[]> };
const rows = (tier: object) => (tier as Internals)._fieldLength;

describe('trimFieldLengths', () => {
  it('replaces the rows of documents added since the last call by equal copies, and leaves the index as it was', () => {
    const tier = createQuickTier();
    tier.add(toQuickDoc(clip({ id: 'a', title: 'Tidal energy', excerpt: 'Waves and tides turn turbines' })));
    tier.add(toQuickDoc(highlight({ id: 'h', text: 'tides are predictable', note: 'useful for grids' })));
    const before = [...rows(tier)].map(([id, row]) => [id, row] as const);
    const saved = JSON.stringify(tier);
    const found = tier.search('tides');

    expect(trimFieldLengths(tier)).toBe(2);
    for (const [id, row] of before) {
      expect(rows(tier).get(id)).toEqual(row);
      expect(rows(tier).get(id)).not.toBe(row);
    }
    expect(JSON.stringify(tier)).toBe(saved);
    expect(found.map((hit) => hit.id).sort()).toEqual(['c:a', 'h:h']);
    expect(tier.search('tides')).toEqual(found);

    // Rows already copied are not copied again; a document added later (or an edit, which gets a new id) is.
    expect(trimFieldLengths(tier)).toBe(0);
    tier.replace(toQuickDoc(clip({ id: 'a', title: 'Tidal energy, revised' })));
    const edited = rows(tier).get(2);
    expect(trimFieldLengths(tier)).toBe(1);
    expect(rows(tier).get(2)).toEqual(edited);
    expect(rows(tier).get(2)).not.toBe(edited);
  });

  it('copies nothing of a tier marked exact, as one loaded from a snapshot, until a document is added', () => {
    const built = createQuickTier();
    for (const id of ['a', 'b', 'c']) built.add(toQuickDoc(clip({ id, title: `Note ${id}` })));
    const loaded = loadQuickTier(JSON.parse(JSON.stringify(built)));
    markFieldLengthsExact(loaded);
    expect(trimFieldLengths(loaded)).toBe(0);
    loaded.add(toQuickDoc(clip({ id: 'd', title: 'Note d' })));
    expect(trimFieldLengths(loaded)).toBe(1);
  });

  it('leaves the rows of a restored index alone when it compacts, and copies those of items added after', async () => {
    const built = new SearchIndex();
    built.addAll([clip({ id: 'a', title: 'Tides', text: 'Tidal power' }), clip({ id: 'b', title: 'Wind', text: 'Wind farms' })]);
    const index = await restore(save(built), { loadFull: true });
    const tiers = index as unknown as { quick: object; full: object };
    const loadedRow = (tier: object) => rows(tier).get(0);
    const before = [loadedRow(tiers.quick), loadedRow(tiers.full)];
    index.upsert(clip({ id: 'c', title: 'Waves', text: 'Wave energy' }));
    const added = [rows(tiers.quick).get(2), rows(tiers.full).get(2)];
    await index.compact(async () => undefined);
    expect([loadedRow(tiers.quick), loadedRow(tiers.full)]).toEqual(before);
    expect(loadedRow(tiers.quick)).toBe(before[0]);
    expect(loadedRow(tiers.full)).toBe(before[1]);
    expect(rows(tiers.quick).get(2)).not.toBe(added[0]);
    expect(rows(tiers.full).get(2)).not.toBe(added[1]);
  });
});
