// Topics of clips, highlights and pages, and the connection items built from stored clips and highlights.
import { describe, expect, it } from 'vitest';
import { clipConnectionItem, highlightConnectionItem, itemKey, itemRef, sharesTopic, topicsOf } from '../../../src/core/connections';

describe('topicsOf', () => {
  it('is the tags and collection names, normalised and de-duplicated', () => {
    expect(topicsOf({ tags: ['#Social  Media', 'google'], collections: ['Google', 'Reading list'], siteName: 'Dots' })).toEqual([
      'social media',
      'google',
      'reading list',
    ]);
  });

  it('falls back to the site name, then the host, when there are no labels', () => {
    expect(topicsOf({ tags: [], siteName: 'Connecting the Dots', url: 'http://dots.example/a' })).toEqual(['connecting the dots']);
    expect(topicsOf({ tags: [], url: 'https://www.Example.org/post' })).toEqual(['example.org']);
    expect(topicsOf({})).toEqual([]);
  });

  it("gives a highlight its page's topics (site fallback included) plus its own", () => {
    expect(topicsOf({ tags: ['quotes'] }, { tags: ['google'], collections: ['Innovation'] })).toEqual(['google', 'innovation', 'quotes']);
    expect(topicsOf({ tags: ['quotes'] }, { tags: [], siteName: 'Dots' })).toEqual(['dots', 'quotes']);
    expect(topicsOf({ tags: [] }, { tags: [], url: 'http://dots.example/' })).toEqual(['dots.example']);
  });

  it('compares topic lists', () => {
    expect(sharesTopic(['a', 'b'], ['c', 'b'])).toBe(true);
    expect(sharesTopic(['a'], ['c'])).toBe(false);
    expect(sharesTopic([], [])).toBe(false);
  });
});

describe('connection items', () => {
  const clip = {
    id: 'k1',
    title: 'Chrome is fast',
    text: 'Speed matters.',
    tags: ['google'],
    siteName: 'Dots',
    url: 'http://dots.example/chrome',
  };

  it('keys clips and highlights apart and names the page', () => {
    const fromClip = clipConnectionItem(clip, ['Browsers']);
    expect(fromClip).toEqual({ id: 'c:k1', page: 'c:k1', title: 'Chrome is fast', text: 'Speed matters.', topics: ['google', 'browsers'] });
    const highlight = { id: 'k1', clipId: 'k1', text: 'very very fast', note: 'Speed wins', tags: ['speed'], pageUrl: clip.url };
    const fromHighlight = highlightConnectionItem(highlight, { ...clip, collections: ['Browsers'] });
    expect(fromHighlight).toEqual({
      id: 'h:k1',
      page: 'c:k1',
      title: '',
      text: 'very very fast\n\nSpeed wins',
      topics: ['google', 'browsers', 'speed'],
    });
    expect(itemRef(fromHighlight.id)).toEqual({ type: 'highlight', id: 'k1' });
    expect(itemKey({ type: 'clip', id: 'k1' })).toBe('c:k1');
  });

  it('falls back to the highlight page address when its clip is unknown', () => {
    const highlight = { id: 'h2', clipId: 'gone', text: 'x', note: '', tags: [], pageUrl: 'https://blog.example.com/p' };
    expect(highlightConnectionItem(highlight).topics).toEqual(['blog.example.com']);
  });
});
