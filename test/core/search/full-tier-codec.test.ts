import { describe, expect, it } from 'vitest';
import { fullTierLoadSteps, loadFullTierSliced, loadFullTierText, serializeFullTier } from '../../../src/core/search/full-tier-codec';
import { SearchSnapshotError } from '../../../src/core/search';
import { toFullDoc } from '../../../src/core/search/documents';
import { createFullTier } from '../../../src/core/search/tiers';

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

describe('full tier codec', () => {
  it('loads, sliced or at once, an index that answers exactly as the one saved', async () => {
    const original = builtTier();
    const text = serializeFullTier(original);
    expect(text.split('\n').length).toBeGreaterThan(3);
    let pauses = 0;
    const sliced = await loadFullTierSliced(text, async () => void pauses++, 0);
    expect(pauses).toBeGreaterThan(2);
    const whole = loadFullTierText(text);
    for (const query of ['word17', 'word1', 'common', 'wrod2000', 'nothing']) {
      expect(results(sliced, query)).toEqual(results(original, query));
      expect(results(whole, query)).toEqual(results(original, query));
    }
    expect(sliced.documentCount).toBe(original.documentCount);
    expect(sliced.has('c:c7')).toBe(false);
    expect(sliced.getStoredFields('c:c3')).toEqual(original.getStoredFields('c:c3'));
  });

  it('refuses damaged input with a snapshot error, also when the damage is in a later chunk', () => {
    const lines = serializeFullTier(builtTier()).split('\n');
    const damaged = [
      'garbage',
      ['{"documentCount":1}', ...lines.slice(1)].join('\n'),
      [lines[0], lines[1], lines[2]!.slice(0, 100)].join('\n'),
      [lines[0], '[["term", 5]]'].join('\n'),
      [lines[0], '{"not":"a chunk"}'].join('\n'),
    ];
    for (const text of damaged) {
      expect(() => loadFullTierText(text)).toThrow(SearchSnapshotError);
    }
  });

  it('does no posting-list work before the caller asks for the next step', () => {
    const steps = fullTierLoadSteps(serializeFullTier(builtTier()));
    // The header is read on the first step; posting lists follow one chunk per step.
    expect(steps.next().done).toBe(false);
    expect(steps.next().done).toBe(false);
  });
});
