import { describe, expect, it } from 'vitest';
import { formatTagList, parseTagList } from '../../src/core/highlight';
import { MAX_TAG_CHARS, MAX_TAGS_PER_ITEM } from '../../src/core/tags/normalize';

describe('tags typed in the note editor', () => {
  it('reads a comma-separated list, trimmed, each tag once whatever its case', () => {
    expect(parseTagList(' customer service,  social   media ,, Customer Service, speed ')).toEqual({
      tags: ['customer service', 'social media', 'speed'],
      error: null,
    });
    expect(parseTagList('')).toEqual({ tags: [], error: null });
  });

  it('reads back what it shows', () => {
    const tags = ['innovation', 'social media'];
    expect(parseTagList(formatTagList(tags)).tags).toEqual(tags);
  });

  it('says when a tag is too long or there are too many, rather than cutting them', () => {
    expect(parseTagList(`ok, ${'x'.repeat(MAX_TAG_CHARS + 1)}`).error).toMatch(/at most 60 characters/);
    expect(parseTagList('y'.repeat(MAX_TAG_CHARS)).error).toBeNull();
    const many = Array.from({ length: MAX_TAGS_PER_ITEM + 1 }, (_, i) => `t${i}`).join(',');
    expect(parseTagList(many).error).toMatch(/at most 50 tags/);
  });
});
