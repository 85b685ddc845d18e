// Typing and typos: "custmer serv" finds customer service, stubs and accents do not get in the way.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search';
import { clip, highlight, ids } from './helpers';

function corpus(): SearchIndex {
  const index = new SearchIndex();
  index.addAll([
    clip({ id: 'cs', title: 'Customer service that scales', excerpt: 'Support teams and their tools.' }),
    clip({ id: 'server', title: 'Custom server builds', excerpt: 'Racks, fans and noise.' }),
    clip({ id: 'cust', title: 'Customs and borders', excerpt: 'Trade rules.' }),
    clip({
      id: 'body',
      title: 'Quarterly notes',
      excerpt: 'Miscellany.',
      text: 'We spent the quarter rethinking how our customer service desk answers email.',
    }),
    highlight({ id: 'hl', text: 'Great customer service is invisible.' }),
  ]);
  return index;
}

describe('typo tolerance and as-you-type', () => {
  it('"custmer serv" finds customer service', () => {
    const hits = corpus().searchQuick('custmer serv');
    expect(ids(hits)).toContain('cs');
    expect(ids(hits)).toContain('hl');
    // Custom server has "serv…" but nothing close to "custmer": every word must match when some item has them all.
    expect(ids(hits)).not.toContain('server');
    expect(hits.find((h) => h.id === 'cs')?.terms).toEqual(expect.arrayContaining(['customer', 'service']));
  });

  it('"custmer serv" also finds customer service in article text once the full tier is searched', () => {
    const index = corpus();
    expect(ids(index.searchQuick('custmer serv'))).not.toContain('body');
    const hits = index.search('custmer serv');
    expect(ids(hits)).toContain('body');
    expect(hits.find((h) => h.id === 'body')?.fields).toContain('body');
    // Across tiers too, every word must be found when some item has them all.
    expect(ids(hits)).not.toContain('server');
  });

  it('finds a word from its first three letters while typing', () => {
    expect(ids(corpus().searchQuick('custo'))).toEqual(expect.arrayContaining(['cs', 'server', 'cust', 'hl']));
  });

  it('does not let a one- or two-letter stub empty the results', () => {
    const index = corpus();
    const before = ids(index.searchQuick('customer'));
    expect(ids(index.searchQuick('customer s'))).toEqual(before);
    expect(ids(index.searchQuick('customer se'))).toEqual(before);
  });

  it('matches regardless of case and accents on either side', () => {
    const index = new SearchIndex();
    index.addAll([clip({ id: 'cafe', title: 'Le Café de Flore' })]);
    expect(ids(index.searchQuick('CAFE flore'))).toEqual(['cafe']);
    expect(ids(index.searchQuick('café'))).toEqual(['cafe']);
  });

  it('answers nothing for stop words alone', () => {
    const index = new SearchIndex();
    index.addAll([clip({ id: 'the', title: 'The of and' })]);
    expect(index.searchQuick('the of ')).toEqual([]);
  });
});
