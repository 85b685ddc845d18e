// Compact posting lists must behave exactly as the Maps MiniSearch would keep, alone and inside a tier.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../bench/prng';
import { CompactPostings, MIN_COMPACT_SIZE, compactTermIndex } from '../../../src/core/search/compact-postings';
import { loadCompact } from '../../../src/core/search/posting-codec';
import { SearchSnapshotError } from '../../../src/core/search';
import { toFullDoc, toQuickDoc } from '../../../src/core/search/documents';
import { loadQuickTier, quickOptions, createFullTier } from '../../../src/core/search/tiers';
import { clip, highlight } from './helpers';

const noPause = async () => undefined;

describe('CompactPostings', () => {
  it('answers like a Map through a seeded sequence of sets, deletes and reads, also deleting while iterating', () => {
    for (const seed of [1, 2, 3, 4]) {
      const rng = createRng(seed);
      const list = new CompactPostings(2);
      const map = new Map<number, number>();
      let nextId = 0;
      for (let step = 0; step < 3_000; step++) {
        const roll = rng.next();
        const known = [...map.keys()];
        const someId = known.length > 0 && rng.next() < 0.8 ? known[rng.int(0, known.length - 1)]! : rng.int(0, nextId + 5);
        if (roll < 0.45) {
          // Mostly appends (how MiniSearch adds), sometimes an id in the middle or an update.
          const id = rng.next() < 0.7 ? (nextId += rng.int(1, 3)) : someId;
          const freq = rng.next() < 0.05 ? rng.int(255, 70_000) : rng.int(1, 254);
          list.set(id, freq);
          map.set(id, freq);
        } else if (roll < 0.7) {
          expect(list.delete(someId)).toBe(map.delete(someId));
        } else if (roll < 0.8) {
          // Delete every other entry while walking, as MiniSearch's vacuum does.
          let i = 0;
          for (const [id] of list) {
            if (i++ % 2 === 0) {
              list.delete(id);
              map.delete(id);
            }
          }
        } else {
          expect(list.get(someId)).toBe(map.get(someId));
          expect(list.has(someId)).toBe(map.has(someId));
        }
        expect(list.size, `seed ${seed}, step ${step}`).toBe(map.size);
      }
      const sorted = [...map.entries()].sort((a, b) => a[0] - b[0]);
      expect([...list.entries()]).toEqual(sorted);
      expect([...list.keys()]).toEqual(sorted.map(([id]) => id));
      expect([...list.values()]).toEqual(sorted.map(([, freq]) => freq));
      expect(Object.fromEntries(list)).toEqual(Object.fromEntries(map));
    }
  });

  it('holds a short-gap posting in about two bytes', () => {
    const list = CompactPostings.from(
      Array.from({ length: 1_000 }, (_, i) => [i * 3, (i % 7) + 1] as const),
      1_000,
    );
    expect(list.size).toBe(1_000);
    // A byte for the gap, one for the frequency, and an index entry (8 bytes) every 32 postings after the first 32.
    expect(list.byteLength).toBe(2_000 + 8 * (Math.ceil(1_000 / 32) - 1));
  });

  it('refuses a frequency below one', () => {
    expect(() => new CompactPostings(1).set(1, 0)).toThrow(RangeError);
  });
});

// Enough documents that many posting lists pass the compact threshold, with words shared across them.
function buildTier() {
  const tier = createFullTier();
  for (let d = 0; d < 400; d++) {
    const words = Array.from({ length: 60 }, (_, w) => `word${(d * 31 + w * 17) % 900}`);
    // One word repeated past the one-byte frequency range.
    if (d % 50 === 0) words.push(...Array.from({ length: 300 }, () => 'refrain'));
    tier.add(toFullDoc(clip({ id: `c${d}`, text: `${words.join(' ')} shared` }))!);
  }
  return tier;
}

const scored = <T>(tier: MiniSearch<T>, query: string) =>
  tier
    .search(query, { prefix: true, fuzzy: 0.2 })
    .map((r) => `${r.score.toFixed(9)} ${String(r.id)} ${Object.keys(r.match).sort().join(',')}`)
    .sort();

const QUERIES = ['word17', 'word1', 'shared', 'refrain', 'wrod200', 'word89 word3', 'nothing'];

describe('compacting a tier', () => {
  it('gives the same results and the same saved index, before and after further adds, removals and a vacuum', async () => {
    const plain = buildTier();
    const compacted = buildTier();
    const replaced = await compactTermIndex(compacted, noPause);
    expect(replaced).toBeGreaterThan(100);
    for (const query of QUERIES) expect(scored(compacted, query)).toEqual(scored(plain, query));

    for (const tier of [plain, compacted]) {
      for (let d = 0; d < 120; d += 3) tier.discard(`c:c${d}`);
      tier.replace(toFullDoc(clip({ id: 'c1', text: 'word17 replaced refrain refrain' }))!);
      tier.add(toFullDoc(clip({ id: 'late', text: 'word17 word1 shared late' }))!);
      await tier.vacuum();
    }
    for (const query of [...QUERIES, 'late', 'replaced']) expect(scored(compacted, query)).toEqual(scored(plain, query));
    expect(JSON.stringify(compacted)).toEqual(JSON.stringify(plain));
    // A second pass has nothing left to do.
    expect(await compactTermIndex(compacted, noPause)).toBe(0);
  });

  it('pauses between slices when asked to', async () => {
    let pauses = 0;
    await compactTermIndex(buildTier(), async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(10);
  });

  it('loads a quick tier with compact lists that answers as MiniSearch loadJS does', () => {
    const tier = new MiniSearch(quickOptions());
    for (let i = 0; i < 200; i++) {
      tier.add(toQuickDoc(clip({ id: `c${i}`, title: `Garden notes ${i % 13}`, tags: ['garden', `t${i % 5}`] })));
      tier.add(toQuickDoc(highlight({ id: `h${i}`, text: `compost worms ${i % 9}`, note: 'soil' })));
    }
    const js = JSON.parse(JSON.stringify(tier));
    const ours = loadQuickTier(js);
    const theirs = MiniSearch.loadJS(js, quickOptions());
    for (const query of ['garden', 'gard', 'compost soil', 't3', 'wroms']) expect(scored(ours, query)).toEqual(scored(theirs, query));
    expect(JSON.stringify(ours)).toEqual(JSON.stringify(theirs));
  });

  it('refuses damaged posting lists with a snapshot error', () => {
    const js = JSON.parse(JSON.stringify(buildTier()));
    const load = (header: typeof js) => MiniSearch.loadJS(header, { fields: ['body'] });
    for (const damage of [['term', 5], ['term', { 0: { 1: 0 } }], ['term', { 0: { 1: 'x' } }], 'term']) {
      expect(() => loadCompact({ ...js, index: [damage] }, load)).toThrow(SearchSnapshotError);
    }
  });

  it('keeps short lists as Maps', async () => {
    const tier = createFullTier();
    tier.add(toFullDoc(clip({ id: 'only', text: 'rare words here' }))!);
    await compactTermIndex(tier, noPause);
    const data = (tier as unknown as { _index: { get(term: string): Map<number, unknown> } })._index.get('rare')!;
    expect(data.get(0)).toBeInstanceOf(Map);
    expect(MIN_COMPACT_SIZE).toBeGreaterThan(1);
  });
});
