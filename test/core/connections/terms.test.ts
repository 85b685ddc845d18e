// The analyser: folded, stemmed words without stop words, and phrases of adjacent words that recur.
import { describe, expect, it } from 'vitest';
import { countTerms, stemWord } from '../../../src/core/connections';

describe('stemWord', () => {
  it('joins plurals with their singular and leaves other words alone', () => {
    expect(stemWord('customers')).toBe('customer');
    expect(stemWord('companies')).toBe('company');
    expect(stemWord('searches')).toBe('search');
    expect(stemWord('boxes')).toBe('box');
    for (const word of ['business', 'status', 'analysis', 'news', 'gas', 'customer']) expect(stemWord(word)).toBe(word);
  });
});

describe('countTerms', () => {
  it('drops stop words, one-letter words, short numbers and contraction fragments; folds case and accents', () => {
    const { counts } = countTerms('', "The Café and the CAFE: it's what we don't know, 82% of 3 things in 2011.");
    expect([...counts.keys()].sort()).toEqual(['2011', 'cafe', 'know', 'thing']);
    expect(counts.get('cafe')).toBe(2);
  });

  it('leaves out web addresses, host names and address words', () => {
    const { counts } = countTerms(
      'Read it on the TechCrunch blog',
      'See https://www.techcrunch.com/2011/chrome-speed or mail tips@news.example.org; techcrunch.com says www com html. Chrome is fast.',
    );
    expect([...counts.keys()].filter((term) => !term.includes(' ')).sort()).toEqual([
      'chrome',
      'fast',
      'mail',
      'read',
      'say',
      'see',
      'techcrunch',
    ]);
    expect(counts.get('techcrunch')).toBe(2);
  });

  it('counts title words double', () => {
    const { counts } = countTerms('Chrome', 'Chrome is fast.');
    expect(counts.get('chrome')).toBe(3);
    expect(counts.get('fast')).toBe(1);
  });

  it('keeps a phrase of adjacent words when it recurs, not across punctuation or stop words', () => {
    const { counts, labels } = countTerms(
      '',
      'Customer service matters. Good customer service, fast. Customer of service. Service. Customer',
    );
    expect(counts.get('customer service')).toBe(2);
    expect(labels.get('customer service')).toBe('customer service');
    // "service. Customer" and "customer of service" are not the phrase "service customer".
    expect(counts.has('service customer')).toBe(false);
    // Phrases seen once are dropped.
    expect(counts.has('good customer')).toBe(false);
    expect(counts.has('service matter')).toBe(false);
  });

  it('keeps a title phrase, and joins a phrase across a possessive', () => {
    const { counts, labels } = countTerms("Google's Chrome", 'The browser.');
    expect(counts.get('google chrome')).toBe(2);
    expect(labels.get('google chrome')).toBe("google's chrome");
  });
});
