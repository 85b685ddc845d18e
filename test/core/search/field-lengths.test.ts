// Trimming field lengths swaps MiniSearch's arrays for exact copies: the same numbers, each document once.
import { describe, expect, it } from 'vitest';
import { toQuickDoc } from '../../../src/core/search/documents';
import { trimFieldLengths } from '../../../src/core/search/field-lengths';
import { createQuickTier } from '../../../src/core/search/tiers';
import { clip, highlight } from './helpers';

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
});
