// Bridges between topics: items filed under both, terms distinctive in both, and the pairs that link them.
import { describe, expect, it } from 'vitest';
import { BOKASHI, LIBRARY, SOURDOUGH, indexOf, item } from './helpers';

const KOJI = item(
  'koji',
  ['cooking', 'gardening'],
  'Growing koji',
  'Koji mould is grown on rice for miso and sake. The fermentation needs warmth, and the microbes need care like a garden bed.',
);

describe('bridges', () => {
  it('lists items in both topics, terms distinctive in both, and the best cross pairs', () => {
    const index = indexOf([...LIBRARY, KOJI]);
    const bridge = index.bridges('Cooking', '#gardening');
    expect(bridge.a).toBe('cooking');
    expect(bridge.b).toBe('gardening');
    expect(bridge.shared).toEqual([KOJI.id]);
    const terms = bridge.terms.map((term) => term.label);
    expect(terms[0]).toBe('fermentation');
    expect(terms).toEqual(expect.arrayContaining(['lactobacillus', 'microbes']));
    for (const term of bridge.terms) {
      expect(term.weightA).toBeGreaterThan(0);
      expect(term.weightB).toBeGreaterThan(0);
      expect(term.score).toBeCloseTo(Math.sqrt(term.weightA * term.weightB), 10);
    }
    // Words of one side only are no bridge.
    expect(terms).not.toContain('oven');
    expect(terms).not.toContain('roses');
    expect(bridge.pairs[0]).toMatchObject({ a: SOURDOUGH.id, b: BOKASHI.id });
    expect(bridge.similarity).toBeGreaterThan(0);
    expect(bridge.similarity).toBeLessThanOrEqual(1);
  });

  it('finds nothing between unrelated topics', () => {
    const bridge = indexOf().bridges('finance', 'travel');
    expect(bridge.shared).toEqual([]);
    expect(bridge.pairs).toEqual([]);
    expect(bridge.similarity).toBeLessThan(0.05);
  });

  it('ranks topic pairs by bridge strength', () => {
    const pairs = indexOf([...LIBRARY, KOJI]).topicPairs();
    expect(pairs[0]).toMatchObject({ a: 'cooking', b: 'gardening', shared: 1 });
    const strengths = pairs.map((pair) => pair.strength);
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a));
    const unrelated = pairs.find((pair) => pair.a === 'finance' && pair.b === 'travel');
    expect(unrelated === undefined || unrelated.strength < pairs[0]!.strength / 4).toBe(true);
  });
});
