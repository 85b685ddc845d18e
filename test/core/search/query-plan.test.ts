// Query planning: which words are prefixes, which are fuzzy, which are ignored while typing.
import { describe, expect, it } from 'vitest';
import { planQuery } from '../../../src/core/search/query-plan';

const summary = (text: string, complete = false) =>
  planQuery(text, complete).terms.map((t) => `${t.term}${t.prefix ? '*' : ''}${t.fuzzy ? '~' : ''}${t.required ? '' : '?'}`);

describe('planQuery', () => {
  it('uses prefix only for the last word being typed, from three characters', () => {
    expect(summary('customer serv')).toEqual(['customer~', 'serv*~']);
    expect(summary('customer ser')).toEqual(['customer~', 'ser*']);
    expect(summary('customer serv', true)).toEqual(['customer~', 'serv~']);
  });

  it('ignores a trailing one- or two-letter word until its third character', () => {
    expect(summary('customer se')).toEqual(['customer~']);
    expect(summary('customer s')).toEqual(['customer~']);
  });

  it('keeps a short word when it is the only word, or when it is finished', () => {
    expect(summary('ai')).toEqual(['ai']);
    expect(summary('generative ai', true)).toEqual(['generative~', 'ai']);
  });

  it('makes only words of four or more letters fuzzy, and never numbers', () => {
    expect(summary('art data 2024', true)).toEqual(['art', 'data~', '2024']);
  });

  it('drops stop words, but keeps one being typed as an optional prefix', () => {
    expect(summary('history of the', true)).toEqual(['history~']);
    expect(summary('history of the')).toEqual(['history~', 'the*?']);
  });

  it('normalises like the indexer and removes duplicates', () => {
    expect(summary('Café CAFE', true)).toEqual(['cafe~']);
  });

  it('plans nothing for nothing searchable', () => {
    expect(summary('')).toEqual([]);
    expect(summary('a')).toEqual([]);
    expect(summary('of', true)).toEqual([]);
  });
});
