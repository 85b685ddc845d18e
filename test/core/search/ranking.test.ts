// Result order: title over body, exact over fuzzy and prefix, all words over some, recency on ties.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search';
import { at, clip, highlight, ids } from './helpers';

const FILLER =
  'Notes on gardening, soil, compost and the seasons. Tomatoes need sun; beans climb. ' +
  'A long walk through the orchard before the rain, then tea and a book about birds. ';

describe('ranking', () => {
  it('puts a title match above a body-only match, even a body saying it many times', () => {
    const index = new SearchIndex();
    // The body-only clip is added first and is newer, so only relevance can put the title match first.
    index.addAll([
      clip({
        id: 'body',
        title: 'Weekend reading',
        text: `${FILLER}Mycelium networks connect trees. Mycelium again, mycelium everywhere. ${FILLER}`,
        savedAt: at(2024, 6, 2),
      }),
      clip({ id: 'title', title: 'How mycelium talks', text: FILLER, savedAt: at(2024, 6, 1) }),
    ]);
    expect(ids(index.search('mycelium'))).toEqual(['title', 'body']);
  });

  it('puts a title match above the same words in another field', () => {
    const index = new SearchIndex();
    // Mirror images: only the title boost separates them, and the excerpt one is newer.
    index.addAll([
      clip({ id: 'title', title: 'Mycelium and forests', excerpt: 'Notes on walking', savedAt: at(2024, 6, 1) }),
      clip({ id: 'excerpt', title: 'Notes on walking', excerpt: 'Mycelium and forests', savedAt: at(2024, 6, 2) }),
    ]);
    expect(ids(index.searchQuick('mycelium'))).toEqual(['title', 'excerpt']);
  });

  it('puts an exact match above a fuzzy one', () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'fuzzy', title: 'Colour theory', savedAt: at(2024, 6, 2) }),
      clip({ id: 'exact', title: 'Color theory', savedAt: at(2024, 6, 1) }),
    ]);
    const hits = index.searchQuick('color', {}, 10);
    expect(ids(hits)).toEqual(['exact', 'fuzzy']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score * 1.5);
  });

  it('puts an exact match above a prefix match while typing', () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'longer', title: 'Artists at work', savedAt: at(2024, 6, 2) }),
      clip({ id: 'exact', title: 'Art at work', savedAt: at(2024, 6, 1) }),
    ]);
    expect(ids(index.searchQuick('art'))).toEqual(['exact', 'longer']);
  });

  it('breaks ties by recency, newest first', () => {
    const index = new SearchIndex();
    // Oldest first in insertion order, so insertion order alone would give the wrong answer.
    index.addAll([
      clip({ id: 'old', title: 'Design systems', savedAt: at(2023, 1, 1) }),
      clip({ id: 'new', title: 'Design systems', savedAt: at(2024, 1, 1) }),
      clip({ id: 'mid', title: 'Design systems', savedAt: at(2023, 6, 1) }),
    ]);
    expect(ids(index.searchQuick('design systems'))).toEqual(['new', 'mid', 'old']);
    // Also when only the top result is asked for, and the merged search agrees.
    expect(ids(index.searchQuick('design systems', {}, 1))).toEqual(['new']);
    expect(ids(index.search('design systems', {}, 1))).toEqual(['new']);
  });

  it('does not let recency beat a clearly better match', () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'better', title: 'Design systems', savedAt: at(2020, 1, 1) }),
      clip({ id: 'newer', title: 'Systems', excerpt: 'Some design notes', savedAt: at(2024, 1, 1) }),
    ]);
    expect(ids(index.searchQuick('design systems'))).toEqual(['better', 'newer']);
  });

  it('ranks items having every word above items having some', () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'one', title: 'Service design', savedAt: at(2024, 6, 2) }),
      clip({ id: 'both', title: 'Customer service', savedAt: at(2024, 6, 1) }),
    ]);
    // Only items with both words are returned when there are some.
    expect(ids(index.searchQuick('customer service', {}, 10))).toEqual(['both']);
    // When no item has both, those with some are returned rather than nothing.
    expect(ids(index.searchQuick('customer quokka', {}, 10))).toEqual(['both']);
  });

  it('when no item has every word, ranks items having more of them first', () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'one-strong', title: 'Gamma', savedAt: at(2024, 6, 2) }),
      clip({ id: 'two-weak', title: 'Notes', excerpt: 'On alpha and beta, briefly', savedAt: at(2024, 6, 1) }),
    ]);
    expect(ids(index.searchQuick('alpha beta gamma ', {}, 10))).toEqual(['two-weak', 'one-strong']);
    // While "gamma" is still being typed it only ranks among items a finished word found.
    expect(ids(index.searchQuick('alpha beta gamm', {}, 10))).toEqual(['two-weak']);
    // Unless the finished words find nothing at all.
    expect(ids(index.searchQuick('quokka gamm', {}, 10))).toEqual(['one-strong']);
  });

  it('weights highlighted text and tags above the excerpt', () => {
    const index = new SearchIndex();
    index.addAll([
      clip({ id: 'excerpt', title: 'Notes', excerpt: 'About resilience in teams', savedAt: at(2024, 6, 3) }),
      highlight({ id: 'hl', text: 'Resilience is a practice', savedAt: at(2024, 6, 1) }),
      clip({ id: 'tagged', title: 'Notes', tags: ['resilience'], savedAt: at(2024, 6, 2) }),
    ]);
    const order = ids(index.searchQuick('resilience'));
    expect(order.indexOf('excerpt')).toBe(2);
  });
});
