// Dismissed and confirmed pairs: unordered keys and the pure helpers the lead stores them with.
import { describe, expect, it } from 'vitest';
import { applyFeedback, pairItems, pairKey, pairsOf, withPair, withoutPair } from '../../../src/core/connections';

describe('feedback', () => {
  it('keys a pair the same whichever side is the source', () => {
    expect(pairKey('c:a', 'h:b')).toBe(pairKey('h:b', 'c:a'));
    expect(pairKey('c:a', 'c:ab')).not.toBe(pairKey('c:aa', 'c:b'));
    expect(pairItems(pairKey('h:b', 'c:a'))).toEqual(['c:a', 'h:b']);
  });

  it('drops dismissed items and marks confirmed ones, keeping the order', () => {
    const list = [{ id: 'c:1' }, { id: 'c:2' }, { id: 'c:3' }];
    const feedback = { dismissed: new Set([pairKey('c:2', 'c:src')]), confirmed: new Set([pairKey('c:src', 'c:3')]) };
    expect(applyFeedback('c:src', list, feedback)).toEqual([
      { id: 'c:1', confirmed: false },
      { id: 'c:3', confirmed: true },
    ]);
    expect(applyFeedback('c:other', list, feedback).map((entry) => entry.id)).toEqual(['c:1', 'c:2', 'c:3']);
  });

  it('adds, removes and finds pairs without changing the given set', () => {
    const start = new Set<string>();
    const one = withPair(start, 'c:a', 'c:b');
    expect(start.size).toBe(0);
    expect(one.has(pairKey('c:b', 'c:a'))).toBe(true);
    const two = withPair(one, 'c:a', 'c:c');
    expect(pairsOf(two, 'c:a').sort()).toEqual([pairKey('c:a', 'c:b'), pairKey('c:a', 'c:c')].sort());
    expect(pairsOf(two, 'c:c')).toEqual([pairKey('c:a', 'c:c')]);
    expect(withoutPair(two, 'c:b', 'c:a').has(pairKey('c:a', 'c:b'))).toBe(false);
  });
});
