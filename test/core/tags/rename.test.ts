import { describe, expect, it } from 'vitest';
import { countTags, renameTagIn, renameTarget, sameTag } from '../../../src/core/tags/rename';

describe('tag rename rules', () => {
  it('compares tags as normalised keys', () => {
    expect(sameTag('Social  Media', 'social media')).toBe(true);
    expect(sameTag('google', 'chrome')).toBe(false);
  });

  it('renames every spelling of a tag in place, and leaves items without it alone', () => {
    expect(renameTagIn(['news', 'Social Media', 'tech'], 'social media', 'social')).toEqual(['news', 'social', 'tech']);
    expect(renameTagIn(['news'], 'social media', 'social')).toBeNull();
  });

  it('merges into a tag the item already has, keeping one', () => {
    expect(renameTagIn(['google', 'search', 'Chrome'], 'chrome', 'google')).toEqual(['google', 'search']);
    expect(renameTagIn(['Chrome', 'google'], 'chrome', 'google')).toEqual(['google']);
  });

  it('writes the spelling already in use when merging, else the typed name tidied', () => {
    expect(renameTarget('google', ['Google'])).toBe('Google');
    expect(renameTarget('  web   browsers ', [])).toBe('web browsers');
  });

  it('counts clips and highlights per tag, spellings merged, most used first', () => {
    const counts = countTags([['google', 'chrome'], ['Google'], ['social media'], []], [['google'], ['notes', 'notes']]);
    expect(counts).toEqual([
      { tag: 'google', clips: 2, highlights: 1 },
      { tag: 'chrome', clips: 1, highlights: 0 },
      { tag: 'notes', clips: 0, highlights: 1 },
      { tag: 'social media', clips: 1, highlights: 0 },
    ]);
  });
});
