// Saved posting lists must come back exactly, small and compact ones alike, and damage must be noticed.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng';
import { CompactPostings, MIN_COMPACT_SIZE } from '../../../src/core/search/compact-postings';
import MiniSearch from 'minisearch';
import { decodePostings, encodePostings, savedTerms, serializedTierPieces, tierHeader } from '../../../src/core/search/posting-codec';
import { toQuickDoc } from '../../../src/core/search/documents';
import { loadQuickTier, quickOptions } from '../../../src/core/search/tiers';
import { clip, highlight } from './helpers';

const sortedEntries = (list: Map<number, number>) => [...list.entries()].sort((a, b) => a[0] - b[0]);

describe('posting codec', () => {
  it('round-trips seeded lists of every size, with large ids and frequencies past one byte', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rng = createRng(seed);
      const map = new Map<number, number>();
      const size = rng.int(0, seed * 300);
      let id = rng.int(0, 5);
      for (let i = 0; i < size; i++) {
        map.set(id, rng.next() < 0.03 ? rng.int(255, 2 ** 31) : rng.int(1, 20));
        id += rng.next() < 0.01 ? rng.int(1, 2 ** 28) : rng.int(1, 40);
      }
      if (seed === 8) map.set(2 ** 32 - 1, 3);
      const decoded = decodePostings(encodePostings(map));
      expect(sortedEntries(decoded), `seed ${seed}`).toEqual(sortedEntries(map));
      expect(decoded.size).toBe(map.size);
      expect(decoded instanceof CompactPostings).toBe(map.size >= MIN_COMPACT_SIZE);
    }
  });

  it('sorts postings given out of order', () => {
    const decoded = decodePostings(
      encodePostings([
        [40, 1],
        [3, 2],
        [900, 1],
        [7, 300],
      ]),
    );
    expect([...decoded.entries()]).toEqual([
      [3, 2],
      [7, 300],
      [40, 1],
      [900, 1],
    ]);
  });

  it('takes far less text than MiniSearch JSON for a dense list', () => {
    const map = new Map(Array.from({ length: 5_000 }, (_, i) => [10_000 + i * 3, 1 + (i % 4)] as [number, number]));
    const encoded = encodePostings(map);
    expect(encoded.length).toBeLessThan(map.size * 3);
    expect(encoded.length * 3).toBeLessThan(JSON.stringify(Object.fromEntries(map)).length);
  });

  it('throws on damaged text', () => {
    const good = encodePostings([
      [1, 1],
      [2, 2],
    ]);
    // Not base64; a number cut in the middle; a zero frequency; a number too large.
    for (const damaged of ['!!', btoa('\x81'), btoa('\x00\x00'), btoa('\xff\xff\xff\xff\xff\xff\x01\x01')]) {
      expect(() => decodePostings(damaged), JSON.stringify(damaged)).toThrow();
    }
    expect(decodePostings(good).get(2)).toBe(2);
  });
});

describe('saving a tier', () => {
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

  it('writes the header MiniSearch would, without building its term index', () => {
    const tier = quickTier();
    const { index, ...header } = tier.toJSON();
    expect(index.length).toBeGreaterThan(10);
    expect(tierHeader(tier)).toEqual(header);
  });

  it('loads back into a tier answering and saving exactly as the original, from less text', () => {
    const tier = quickTier();
    const saved = serializedTierPieces(tier, 1_000).join('');
    const loaded = loadQuickTier(JSON.parse(saved));
    for (const query of ['garden', 'gard', 'compost soil', 't3', 'wroms']) expect(scored(loaded, query)).toEqual(scored(tier, query));
    // The term map may iterate in another order once reloaded (its radix tree is built in saved order).
    const byTerm = <T>(t: MiniSearch<T>) => {
      const { index, ...header } = t.toJSON();
      return { header, index: [...index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
    };
    expect(byTerm(loaded)).toEqual(byTerm(tier));
    expect(saved.length).toBeLessThan(JSON.stringify(tier).length);
  });

  it('saves the terms in pieces of about the size asked for, never as one string', () => {
    const tier = quickTier();
    const pieces = serializedTierPieces(tier, 200);
    const terms = pieces.slice(1, -1);
    expect(terms.length).toBeGreaterThan(3);
    const longestEntry = Math.max(...[...savedTerms(tier)].map((entry) => JSON.stringify(entry).length));
    for (const piece of terms) expect(piece.length).toBeLessThanOrEqual(200 + longestEntry + 1);
    expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(serializedTierPieces(tier, 1e9).join('')));
  });
});
