// The text normaliser: case, diacritics, punctuation, one-letter words and stop words.
import { describe, expect, it } from 'vitest';
import { foldText, normalizeKey, tokenize } from '../../../src/core/search/normalize';
import { STOP_WORDS, isStopWord } from '../../../src/core/search/stopwords';

describe('foldText', () => {
  it('lowercases', () => {
    expect(foldText('Customer SERVICE')).toBe('customer service');
  });

  it('strips diacritics, composed or decomposed', () => {
    expect(foldText('Crème Brûlée à Zürich')).toBe('creme brulee a zurich');
    expect(foldText('Cafe\u0301')).toBe('cafe');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('turns compatibility forms into plain letters', () => {
    expect(foldText('ﬁnance ＡＢＣ')).toBe('finance abc');
  });
});

describe('tokenize', () => {
  it('splits on punctuation and symbols, not only spaces', () => {
    expect(tokenize('state-of-the-art/design,systems;(2024)')).toEqual(['state', 'art', 'design', 'systems', '2024']);
  });

  it('keeps letters of every script as word characters', () => {
    expect(tokenize('Москва — naïve café')).toEqual(['москва', 'naive', 'cafe']);
  });

  it('drops one-letter terms', () => {
    expect(tokenize('x y Vitamin D and B2')).toEqual(['vitamin', 'b2']);
  });

  it('drops stop words so they never dominate', () => {
    expect(tokenize('The Art of the Deal is in the details')).toEqual(['art', 'deal', 'details']);
  });

  it('splits contractions and drops the fragments', () => {
    expect(tokenize("It doesn't matter, we'll see")).toEqual(['matter', 'see']);
  });

  it('keeps repeated terms (term frequency matters for ranking)', () => {
    expect(tokenize('data, data, DATA')).toEqual(['data', 'data', 'data']);
  });

  it('cuts absurdly long runs instead of indexing them whole', () => {
    const [term] = tokenize('a'.repeat(500));
    expect(term?.length).toBe(50);
  });
});

describe('stop words', () => {
  it('is a folded list of function words that leaves content words alone', () => {
    for (const word of STOP_WORDS) expect(word).toBe(foldText(word));
    expect(isStopWord('the')).toBe(true);
    expect(isStopWord('new')).toBe(false);
    expect(isStopWord('design')).toBe(false);
  });
});

describe('normalizeKey', () => {
  it('makes labels comparable regardless of case, accents, hashes and spacing', () => {
    expect(normalizeKey('  #Social   Média ')).toBe('social media');
  });
});
