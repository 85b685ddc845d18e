import { describe, expect, it } from 'vitest';
import { fullTierPieces, loadFullTierParts } from '../../../src/core/search/full-tier-codec';
import { viewTier } from '../../../src/core/search/tier-json';
import { SearchSnapshotError } from '../../../src/core/search';
import { toFullDoc } from '../../../src/core/search/documents';
import { createFullTier } from '../../../src/core/search/tiers';
import { cutParts, partsSource } from './helpers';

// Enough distinct words that the posting lists span many lines.
function builtTier() {
  const tier = createFullTier();
  for (let d = 0; d < 300; d++) {
    const words = Array.from({ length: 80 }, (_, w) => `word${(d * 37 + w * 11) % 4000} common`);
    const doc = toFullDoc({ type: 'clip', id: `c${d}`, title: '', url: 'https://a.example', text: words.join(' '), savedAt: d });
    tier.add(doc!);
  }
  tier.discard('c:c7');
  return tier;
}

// Sorted by score then id: equal scores may come in another order from a reloaded index.
const results = (tier: ReturnType<typeof createFullTier>, query: string) =>
  tier
    .search(query, { prefix: true, fuzzy: 0.2 })
    .map((r) => `${r.score.toFixed(9)} ${String(r.id)}`)
    .sort();

const noPause = async () => undefined;

/** A tier's saved text as its lines, each with its newline. */
const linesOf = (tier: ReturnType<typeof createFullTier>) => [...fullTierPieces(viewTier(tier))].join('').split(/(?<=\n)/);

describe('full tier codec', () => {
  it('makes lines, each ending with a newline and holding one JSON value, in pieces each ending a line or inside the header', () => {
    const pieces = [...fullTierPieces(viewTier(builtTier()))];
    const lines = pieces.join('').split(/(?<=\n)/);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.indexOf('\n')).toBe(line.length - 1);
      expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    // The header is made in pieces too: one per part of it, then one per line of posting lists.
    const headerPieces = pieces.findIndex((piece) => piece.endsWith('\n')) + 1;
    expect(headerPieces).toBeGreaterThan(3);
    expect(pieces.length - headerPieces).toBe(lines.length - 1);
  });

  it('loads from parts, read one at a time, an index that answers exactly as the one saved', async () => {
    const original = builtTier();
    const lines = linesOf(original);
    // Parts cutting lines anywhere, large and tiny, and a tier saved whole before parts (no final newline).
    for (const parts of [cutParts(lines, 100_000), cutParts(lines, 5_000), cutParts(lines, 7), [lines.join('').slice(0, -1)]]) {
      let reading = 0;
      let pauses = 0;
      const source = partsSource(parts);
      const loaded = await loadFullTierParts(
        {
          parts: source.parts,
          read: async (i) => {
            expect(reading).toBe(0);
            reading++;
            const text = await source.read(i);
            reading--;
            return text;
          },
        },
        async () => void pauses++,
        0,
      );
      expect(pauses).toBeGreaterThan(2);
      for (const query of ['word17', 'word1', 'common', 'wrod2000', 'nothing']) {
        expect(results(loaded, query)).toEqual(results(original, query));
      }
      expect(loaded.documentCount).toBe(original.documentCount);
      expect(loaded.has('c:c7')).toBe(false);
      expect(loaded.getStoredFields('c:c3')).toEqual(original.getStoredFields('c:c3'));
    }
  });

  it('refuses damaged input with a snapshot error, also when the damage is in a later chunk', async () => {
    const lines = linesOf(builtTier());
    const damaged = [
      ['garbage'],
      [],
      ['{"documentCount":1}\n', ...lines.slice(1)],
      [lines[0]!, lines[1]!, lines[2]!.slice(0, 100)],
      [lines[0]!, '[["term", 5]]\n'],
      [lines[0]!, '{"not":"a chunk"}\n'],
      [lines[0]!, '\n', lines[1]!],
    ];
    for (const parts of damaged) {
      await expect(loadFullTierParts(partsSource(parts), noPause)).rejects.toThrow(SearchSnapshotError);
    }
  });

  it('rejects as its source does when a part cannot be read', async () => {
    const parts = cutParts(linesOf(builtTier()), 5_000);
    const failing = { parts: parts.length + 1, read: partsSource(parts).read };
    await expect(loadFullTierParts(failing, noPause)).rejects.toThrow(`no part ${parts.length}`);
  });
});
