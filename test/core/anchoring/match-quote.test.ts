// Unit tests for quote matching on normalised strings: exact choice, fuzzy bounds, evidence and budgets.

import { describe, expect, it } from 'vitest';
import {
  createQuoteSearchStats,
  findExactQuote,
  findFuzzyQuote,
  fuzzyMaxErrors,
  MIN_EVIDENCE,
} from '../../../src/core/anchoring/match-quote';
import { steppingClock } from './dom-fixtures';

/** Filler that can never match a quote made of letters. */
const digits = (length: number): string => '0123456789'.repeat(Math.ceil(length / 10)).slice(0, length);

describe('fuzzyMaxErrors', () => {
  it('allows a quarter of the quote, capped at 32, and nothing for tiny quotes', () => {
    expect(fuzzyMaxErrors(3)).toBe(0);
    expect(fuzzyMaxErrors(4)).toBe(1);
    expect(fuzzyMaxErrors(40)).toBe(10);
    expect(fuzzyMaxErrors(128)).toBe(32);
    expect(fuzzyMaxErrors(5000)).toBe(32);
  });
});

describe('findExactQuote', () => {
  const quote = { exact: 'sharedsentence', prefix: 'rightbefore', suffix: 'rightafter' };

  it('prefers the occurrence whose context matches, even far from the hint', () => {
    const text = `wrongbefore${quote.exact}wrongafter${digits(500)}rightbefore${quote.exact}rightafter`;
    const match = findExactQuote(text, quote, { hint: 0 });
    expect(match?.start).toBe(text.lastIndexOf(quote.exact));
    expect(match?.errors).toBe(0);
  });

  it('falls back to the occurrence nearest the hint when contexts tie', () => {
    const unit = `rightbefore${quote.exact}rightafter`;
    const text = unit.repeat(3);
    const second = unit.length + 'rightbefore'.length;
    expect(findExactQuote(text, quote, { hint: second + 3 })?.start).toBe(second);
  });

  it('needs context to accept a quote shorter than the evidence threshold', () => {
    const short = { exact: 'shortword', prefix: 'theoriginalcontext', suffix: 'continuedhere' };
    expect(short.exact.length).toBeLessThan(MIN_EVIDENCE);
    expect(findExactQuote(`unrelated${short.exact}elsewhere`, short)).toBeNull();
    expect(findExactQuote(`xx theoriginalcontext${short.exact}continuedhere`, short)?.start).toBe(21);
  });
});

describe('findFuzzyQuote', () => {
  const quote = { exact: 'theharborarchivewasrebuiltafterthefire', prefix: 'inthespringof1911', suffix: 'bythecitycouncil' };

  it('finds the quote with a changed word and reports its errors', () => {
    const changed = 'theharborarchivewasrestoredafterthefire';
    const text = `${digits(300)}inthespringof1911${changed}bythecitycouncil${digits(300)}`;
    const match = findFuzzyQuote(text, quote, { hint: 300 });
    expect(text.slice(match!.start, match!.end)).toBe(changed);
    expect(match!.errors).toBeGreaterThan(0);
    expect(match!.errors).toBeLessThanOrEqual(fuzzyMaxErrors(quote.exact.length));
  });

  it('rejects text that differs by more than the error bound', () => {
    const text = `${digits(100)}inthespringof1911thecityhallarchivewasrenovatedbeforethefloodbythecitycouncil`;
    expect(findFuzzyQuote(text, quote)).toBeNull();
  });

  it('rejects a close match on a short quote when there is no supporting context', () => {
    const short = { exact: 'hiddengems', prefix: 'amongthestacksthere', suffix: 'waitingforreaders' };
    expect(findFuzzyQuote(`${digits(50)}hiddengens${digits(50)}`, short)).toBeNull();
    const supported = findFuzzyQuote(`${digits(50)}amongthestacksthere hiddengens waitingforreaders`.replace(/ /g, ''), short);
    expect(supported?.start).toBe(50 + 'amongthestacksthere'.length);
  });

  it('finds a match that straddles the seam between two search regions', () => {
    // With hint 0 the first region ends at 4096 + quote length; put the match across that seam.
    const seam = 4096 + quote.exact.length;
    const changed = 'theharborarchivewasrestoredafterthefire';
    const start = seam - 10;
    const text = `${digits(start - 17)}inthespringof1911${changed}bythecitycouncil${digits(100_000)}`;
    const stats = createQuoteSearchStats();
    const match = findFuzzyQuote(text, quote, { hint: 0, stats });
    expect(match?.start).toBe(start);
    expect(stats.regionsSearched).toBe(2);
  });

  it('stops starting new regions when the injected clock passes the budget', () => {
    const text = digits(1_000_000);
    const clock = steppingClock(1);
    const stats = createQuoteSearchStats();
    expect(findFuzzyQuote(text, quote, { hint: 500_000, now: clock.now, timeBudgetMs: 4.5, stats })).toBeNull();
    expect(stats.budgetExhausted).toBe(true);
    expect(stats.regionsSearched).toBe(4);
    expect(clock.readings()).toBe(6);
  });

  it('searches outwards from the hint so the nearest of equal matches wins', () => {
    const unit = `${digits(5000)}inthespringof1911${quote.exact}bythecitycouncil`.replace('rebuilt', 'rebuild');
    const text = unit.repeat(30);
    const stats = createQuoteSearchStats();
    const hint = unit.length * 20 + 5000;
    const match = findFuzzyQuote(text, quote, { hint, stats });
    expect(match?.start).toBe(unit.length * 20 + 5017);
    expect(stats.regionsSearched).toBe(1);
  });
});
