// Unit tests for the context edit distances.

import { describe, expect, it } from 'vitest';
import { distanceToPrefixOf, distanceToSuffixOf } from '../../../src/core/anchoring/similarity';

describe('context distances', () => {
  it('pins the pattern to the start of the text and lets it end anywhere', () => {
    expect(distanceToPrefixOf('abc', 'abcdef')).toBe(0);
    expect(distanceToPrefixOf('abc', 'xabcdef')).toBe(1);
    expect(distanceToPrefixOf('abc', 'abXc')).toBe(1);
    expect(distanceToPrefixOf('abc', 'ab')).toBe(1);
    expect(distanceToPrefixOf('abc', '')).toBe(3);
    expect(distanceToPrefixOf('', 'anything')).toBe(0);
    expect(distanceToPrefixOf('abc', 'xyz')).toBe(3);
  });

  it('pins the pattern to the end of the text for prefixes', () => {
    expect(distanceToSuffixOf('xyz', 'abcxyz')).toBe(0);
    expect(distanceToSuffixOf('xyz', 'abcxyzq')).toBe(1);
    expect(distanceToSuffixOf('xyz', 'abcxQz')).toBe(1);
    expect(distanceToSuffixOf('xyz', '')).toBe(3);
  });
});
