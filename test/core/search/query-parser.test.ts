// Search-box syntax: filters with bare or quoted values, repeats, unknown prefixes kept as text, dates.
import { describe, expect, it } from 'vitest';
import { mergeFilters, parseDateStart, parseQuery } from '../../../src/core/search/query-parser';
import { at } from './helpers';

describe('parseQuery', () => {
  it('returns plain text untouched (spaces collapsed) with no filters', () => {
    expect(parseQuery('  customer   service ')).toMatchObject({ text: 'customer service', filters: {} });
  });

  it('extracts a tag filter and keeps the rest as text', () => {
    const q = parseQuery('open tag:Innovation data');
    expect(q.text).toBe('open data');
    expect(q.filters).toEqual({ tags: ['innovation'] });
  });

  it('reads quoted values with spaces', () => {
    const q = parseQuery('tag:"Social Media" collection:"Reading list" trends');
    expect(q.filters).toEqual({ tags: ['social media'], collections: ['reading list'] });
    expect(q.text).toBe('trends');
  });

  it('takes an unclosed quote to the end of the input (mid-typing)', () => {
    expect(parseQuery('tag:"social med').filters).toEqual({ tags: ['social med'] });
  });

  it('combines several filters of different kinds and repeats', () => {
    const q = parseQuery('tag:a1 TAG:b2 site:www.Example.org type:highlight type:clip after:2024-01-01 before:2024-02-01 x');
    expect(q.filters).toEqual({
      tags: ['a1', 'b2'],
      sites: ['example.org'],
      types: ['highlight', 'clip'],
      after: at(2024, 1, 1),
      before: at(2024, 2, 1),
    });
    expect(q.text).toBe('x');
  });

  it('normalises site values given as URLs', () => {
    expect(parseQuery('site:https://blog.example.org/post/1').filters.sites).toEqual(['blog.example.org']);
  });

  it('treats unknown prefixes as text', () => {
    const q = parseQuery('note:important https://example.org author:jane');
    expect(q.filters).toEqual({});
    expect(q.text).toBe('note:important https://example.org author:jane');
  });

  it('ignores a known key with no value yet instead of searching for the key word', () => {
    const q = parseQuery('design tag:');
    expect(q.text).toBe('design');
    expect(q.filters).toEqual({});
  });

  it('reports filter values it cannot understand, and does not apply them', () => {
    const q = parseQuery('after:yesterday type:video ideas');
    expect(q.invalid).toEqual(['after:yesterday', 'type:video']);
    expect(q.filters).toEqual({});
    expect(q.text).toBe('ideas');
  });

  it('says whether the last word is still being typed', () => {
    expect(parseQuery('customer serv').lastWordComplete).toBe(false);
    expect(parseQuery('customer serv ').lastWordComplete).toBe(true);
    expect(parseQuery('customer tag:x').lastWordComplete).toBe(true);
    expect(parseQuery('"customer service"').lastWordComplete).toBe(true);
  });
});

describe('parseDateStart', () => {
  it('reads years, months and days as local midnight', () => {
    expect(parseDateStart('2024')).toBe(at(2024, 1, 1));
    expect(parseDateStart('2024-03')).toBe(at(2024, 3, 1));
    expect(parseDateStart('2024-03-15')).toBe(at(2024, 3, 15));
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateStart('2024-02-30')).toBeNull();
    expect(parseDateStart('2024-13')).toBeNull();
    expect(parseDateStart('soon')).toBeNull();
  });
});

describe('mergeFilters', () => {
  it('requires both sets: tags add up, alternatives intersect, date bounds tighten', () => {
    const merged = mergeFilters(
      { tags: ['a'], types: ['clip', 'highlight'], after: 10, before: 100 },
      { tags: ['b'], types: ['clip'], after: 20, before: 200 },
    );
    expect(merged).toEqual({ tags: ['a', 'b'], types: ['clip'], after: 20, before: 100 });
  });
});
