// Filters narrow results by tag, site, type, collection and saved date, from the query box or as arguments.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search';
import { at, clip, highlight, ids } from './helpers';

function corpus(): SearchIndex {
  const index = new SearchIndex();
  index.addAll([
    clip({
      id: 'c-jan',
      title: 'Innovation in cities',
      url: 'https://www.example.org/cities',
      siteName: 'Example Org',
      tags: ['Innovation', 'Social Media'],
      collections: ['Urbanism'],
      savedAt: at(2024, 1, 15),
    }),
    clip({
      id: 'c-feb',
      title: 'Innovation at work',
      url: 'https://blog.example.org/work',
      tags: ['innovation'],
      collections: ['Work', 'Urbanism'],
      savedAt: at(2024, 2, 1),
    }),
    clip({
      id: 'c-other',
      title: 'Innovation elsewhere',
      url: 'https://other.net/x',
      siteName: 'Other',
      tags: ['Économie'],
      savedAt: at(2023, 12, 31, 23),
      text: 'A long piece about innovation in the economy.',
    }),
    highlight({
      id: 'h-1',
      text: 'Innovation needs slack.',
      url: 'https://example.org/cities',
      tags: ['social media'],
      collections: ['Urbanism'],
      savedAt: at(2024, 1, 20),
    }),
  ]);
  return index;
}

const sorted = (list: string[]) => [...list].sort();

describe('filters', () => {
  it('tag: matches tags whatever their case, accents or quoting', () => {
    const index = corpus();
    expect(sorted(ids(index.searchQuick('innovation tag:innovation')))).toEqual(['c-feb', 'c-jan']);
    expect(sorted(ids(index.searchQuick('innovation tag:"social media"')))).toEqual(['c-jan', 'h-1']);
    expect(ids(index.searchQuick('innovation tag:economie'))).toEqual(['c-other']);
  });

  it('several tags must all be present', () => {
    expect(ids(corpus().searchQuick('innovation tag:innovation tag:"social media"'))).toEqual(['c-jan']);
  });

  it('site: matches the host with or without www, including subdomains, or the site name', () => {
    const index = corpus();
    expect(sorted(ids(index.searchQuick('innovation site:example.org')))).toEqual(['c-feb', 'c-jan', 'h-1']);
    expect(ids(index.searchQuick('innovation site:blog.example.org'))).toEqual(['c-feb']);
    expect(ids(index.searchQuick('innovation site:other.net'))).toEqual(['c-other']);
    expect(ids(index.searchQuick('innovation site:"Example Org"'))).toEqual(['c-jan']);
  });

  it('type: keeps clips or highlights', () => {
    const index = corpus();
    expect(ids(index.searchQuick('innovation type:highlight'))).toEqual(['h-1']);
    expect(ids(index.searchQuick('innovation type:clip'))).not.toContain('h-1');
    expect(ids(index.searchQuick('innovation type:clip'))).toHaveLength(3);
  });

  it('collection: keeps items in every named collection', () => {
    const index = corpus();
    expect(sorted(ids(index.searchQuick('innovation collection:urbanism')))).toEqual(['c-feb', 'c-jan', 'h-1']);
    expect(ids(index.searchQuick('innovation collection:urbanism collection:work'))).toEqual(['c-feb']);
  });

  it('after: is inclusive and before: exclusive, at local midnight', () => {
    const index = corpus();
    expect(sorted(ids(index.searchQuick('innovation after:2024-01-01 before:2024-02-01')))).toEqual(['c-jan', 'h-1']);
    expect(ids(index.searchQuick('innovation after:2024-02-01'))).toEqual(['c-feb']);
    expect(ids(index.searchQuick('innovation before:2024-01-01'))).toEqual(['c-other']);
  });

  it('applies filters passed as arguments, together with those in the query', () => {
    const index = corpus();
    expect(sorted(ids(index.searchQuick('innovation', { types: ['clip'], after: at(2024, 1, 1) })))).toEqual(['c-feb', 'c-jan']);
    expect(ids(index.searchQuick('innovation type:highlight', { types: ['clip'] }))).toEqual([]);
  });

  it('filters full-tier (article text) matches too', () => {
    const index = corpus();
    expect(ids(index.search('economy'))).toEqual(['c-other']);
    expect(ids(index.search('economy site:example.org'))).toEqual([]);
  });

  it('lists filter-only queries newest first', () => {
    expect(ids(corpus().searchQuick('tag:innovation'))).toEqual(['c-feb', 'c-jan']);
    expect(ids(corpus().search('collection:urbanism'))).toEqual(['c-feb', 'h-1', 'c-jan']);
  });
});
