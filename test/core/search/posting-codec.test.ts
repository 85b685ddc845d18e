// Saved posting lists must come back exactly, small and compact ones alike, and damage must be noticed.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng';
import { CompactPostings, MIN_COMPACT_SIZE } from '../../../src/core/search/compact-postings';
import { decodePostings, encodePostings } from '../../../src/core/search/posting-codec';

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
