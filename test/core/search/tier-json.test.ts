// A tier saved in pieces from a capture must load back as the tier was when captured, whatever changed since.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { toQuickDoc } from '../../../src/core/search/documents';
import { captureTier, savedTerms, tierPieces, viewTier } from '../../../src/core/search/tier-json';
import { loadQuickTier, quickOptions } from '../../../src/core/search/tiers';
import { clip, highlight } from './helpers';

function quickTier() {
  const tier = new MiniSearch(quickOptions());
  for (let i = 0; i < 300; i++) {
    tier.add(toQuickDoc(clip({ id: `c${i}`, title: `Garden notes ${i % 13}`, tags: ['garden', `t${i % 5}`] })));
    tier.add(toQuickDoc(highlight({ id: `h${i}`, text: `compost worms ${i % 9} soil soil`, note: 'soil' })));
  }
  tier.discard('c:c4');
  return tier;
}
const scored = <T>(tier: MiniSearch<T>, query: string) =>
  tier
    .search(query, { prefix: true, fuzzy: 0.2 })
    .map((r) => `${r.score.toFixed(9)} ${String(r.id)}`)
    .sort();
/** A tier as MiniSearch saves it, its terms in one order (a reloaded radix tree may iterate in another). */
const byTerm = <T>(tier: MiniSearch<T>) => {
  const { index, ...header } = tier.toJSON();
  return { header, index: [...index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
};
const saved = <T>(tier: MiniSearch<T>, chunkChars: number) => [...tierPieces(captureTier(tier), chunkChars)];

describe('a tier saved in pieces', () => {
  it('writes the header MiniSearch would', () => {
    const tier = quickTier();
    const { index, ...header } = tier.toJSON();
    expect(index.length).toBeGreaterThan(10);
    const { index: savedIndex, ...savedHeader } = JSON.parse(saved(tier, 1_000).join('')) as ReturnType<typeof tier.toJSON>;
    expect(savedHeader).toEqual(header);
    expect(savedIndex).toHaveLength(index.length);
    // Read from the tier itself (as the full tier is, while its changes wait), the same JSON, its terms
    // perhaps in another order.
    const sorted = (text: string) => {
      const { index: terms, ...rest } = JSON.parse(text) as ReturnType<typeof tier.toJSON>;
      return { ...rest, index: terms.sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
    };
    expect(sorted([...tierPieces(viewTier(tier), 1_000)].join(''))).toEqual(sorted(saved(tier, 1_000).join('')));
  });

  it('loads back into a tier answering and saving exactly as the original, from less text', () => {
    const tier = quickTier();
    const text = saved(tier, 1_000).join('');
    const loaded = loadQuickTier(JSON.parse(text));
    for (const query of ['garden', 'gard', 'compost soil', 't3', 'wroms']) expect(scored(loaded, query)).toEqual(scored(tier, query));
    expect(byTerm(loaded)).toEqual(byTerm(tier));
    expect(text.length).toBeLessThan(JSON.stringify(tier).length);
  });

  it('writes header and terms in pieces of about the size asked for, never as one string', () => {
    const tier = quickTier();
    const pieces = saved(tier, 200);
    expect(pieces.length).toBeGreaterThan(20);
    const capture = captureTier(tier);
    const longestTerm = Math.max(...[...savedTerms(capture)].map((entry) => JSON.stringify(entry).length));
    const longestStored = Math.max(...[...capture.storedFields].map(([, fields]) => JSON.stringify(fields).length + 8));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(200 + Math.max(longestTerm, longestStored) + 2);
    expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(saved(tier, 1e9).join('')));
  });

  it('saves the tier as it was when captured, though it changes while the pieces are made', () => {
    const tier = quickTier();
    // A copy: toJSON hands out some of the live tier's own arrays.
    const before = structuredClone(byTerm(tier));
    const pieces = tierPieces(captureTier(tier), 200);
    const first = pieces.next().value as string;
    // Changed between two pieces: new items share terms (their ids join existing posting lists) and bring new ones.
    for (let i = 0; i < 50; i++) tier.add(toQuickDoc(clip({ id: `late${i}`, title: `Garden compost zucchini ${i}`, tags: ['garden'] })));
    tier.discard('h:h7');
    tier.replace(toQuickDoc(clip({ id: 'c8', title: 'Renamed orchard' })));
    const loaded = loadQuickTier(JSON.parse(first + [...{ [Symbol.iterator]: () => pieces }].join('')));
    expect(byTerm(loaded)).toEqual(before);
    expect(scored(loaded, 'zucchini')).toEqual([]);
    // Ids given after the capture are free again: an item indexed after a restore takes the next one, and
    // must not inherit a posting of the late items.
    loaded.add(toQuickDoc(clip({ id: 'next', title: 'Nothing in common' })));
    expect(scored(loaded, 'garden').some((hit) => hit.endsWith('c:next'))).toBe(false);
  });
});
