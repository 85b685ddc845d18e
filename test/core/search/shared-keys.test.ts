import { describe, expect, it } from 'vitest';
import { SharedKeys } from '../../../src/core/search/shared-keys';

describe('shared filter keys', () => {
  it('gives back the same keys, in order', () => {
    const keys = new SharedKeys();
    expect(keys.share(['example.org', 'example'])).toEqual(['example.org', 'example']);
    expect(keys.share(['innovation', 'example.org'])).toEqual(['innovation', 'example.org']);
  });

  it('gives every item without keys one empty list, which cannot be changed', () => {
    const keys = new SharedKeys();
    const none = keys.share([]);
    expect(keys.share(undefined)).toBe(none);
    expect(keys.share([])).toBe(none);
    expect(() => none.push('tag')).toThrow(TypeError);
  });
});
