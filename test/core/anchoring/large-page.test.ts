// Anchoring on a 1 MB page must stay within its time and size budgets, measured with an injected clock.

import { beforeAll, describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../../src/core/anchoring/anchor';
import { describeRange } from '../../../src/core/anchoring/describe';
import { createQuoteSearchStats } from '../../../src/core/anchoring/match-quote';
import { buildTextIndex, type TextIndex } from '../../../src/core/anchoring/text-index';
import type { HighlightSelectors } from '../../../src/core/anchoring/types';
import { makePage, ownerId, prose, selectText, steppingClock } from './dom-fixtures';

const SENTENCE = 'Volunteers catalogued every letter from the northern harbor archive in 1911';
const PARAGRAPHS = 2000;
const MIDDLE = 1000;

/** ~1 MB of prose in 2000 paragraphs; paragraph `MIDDLE` holds `sentence`. */
function bigPage(sentence: string, before = ''): string {
  const parts: string[] = [before];
  for (let i = 0; i < PARAGRAPHS; i++) {
    const body = prose(500, i + 1);
    parts.push(i === MIDDLE ? `<p id="target">${body.slice(0, 200)} ${sentence} ${body.slice(200)}</p>` : `<p>${body}</p>`);
  }
  return parts.join('\n');
}

describe('anchoring on a 1 MB page', () => {
  let selectors: HighlightSelectors;
  let edited: Document;
  let editedIndex: TextIndex;

  beforeAll(() => {
    const original = makePage(bigPage(SENTENCE));
    selectors = describeRange(original.body, selectText(original.body, SENTENCE))!;
    // Same page with the sentence gone, plus a paragraph inserted at the top.
    edited = makePage(bigPage('', '<p>A new notice at the top of the page.</p>'));
    editedIndex = buildTextIndex(edited.body);
    expect(editedIndex.text.length).toBeGreaterThan(1_000_000);
  });

  it('gives up on an orphan once the injected clock passes the time budget', () => {
    const clock = steppingClock(10); // every reading moves 10 ms on
    const stats = createQuoteSearchStats();
    const wallStart = performance.now();
    const anchor = anchorSelectors(edited.body, selectors, { index: editedIndex, now: clock.now, timeBudgetMs: 35, stats });
    expect(anchor).toBeNull();
    expect(stats.budgetExhausted).toBe(true);
    // Readings at 10, 20, 30, 40 ms: the start plus three regions, then stop.
    expect(stats.regionsSearched).toBe(3);
    expect(stats.charsScanned).toBeLessThan(editedIndex.normalized.text.length / 4);
    expect(clock.readings()).toBe(5);
    expect(performance.now() - wallStart).toBeLessThan(5000); // sanity bound only
  });

  it('gives up on an orphan once the scanned-characters budget is spent', () => {
    const stats = createQuoteSearchStats();
    const anchor = anchorSelectors(edited.body, selectors, {
      index: editedIndex,
      now: () => 0, // time never passes: only the size budget can stop it
      maxScanChars: 300_000,
      stats,
    });
    expect(anchor).toBeNull();
    expect(stats.budgetExhausted).toBe(true);
    expect(stats.charsScanned).toBeLessThanOrEqual(300_000);
    expect(stats.charsScanned).toBeGreaterThan(200_000);
  });

  it('scans the whole page at most about once when no budget interferes', () => {
    const stats = createQuoteSearchStats();
    const wallStart = performance.now();
    const anchor = anchorSelectors(edited.body, selectors, { index: editedIndex, now: () => 0, stats });
    expect(anchor).toBeNull();
    expect(stats.budgetExhausted).toBe(false);
    const length = editedIndex.normalized.text.length;
    expect(stats.charsScanned).toBeGreaterThanOrEqual(length);
    expect(stats.charsScanned).toBeLessThan(length * 1.01); // overlaps between regions only
    expect(performance.now() - wallStart).toBeLessThan(5000); // sanity bound only
  });

  it('finds a changed highlight near its old position within the first region', () => {
    const page = makePage(bigPage(SENTENCE.replace('every letter', 'each letter'), '<p>A new notice at the top.</p>'));
    const clock = steppingClock(10);
    const stats = createQuoteSearchStats();
    const anchor = anchorSelectors(page.body, selectors, { now: clock.now, timeBudgetMs: 15, stats });
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.range.toString()).toBe(SENTENCE.replace('every letter', 'each letter'));
    expect(ownerId(anchor!.range.startContainer)).toBe('target');
    expect(stats.regionsSearched).toBe(1);
  });

  it('finds an unchanged highlight by exact quote after content was inserted above', () => {
    const page = makePage(bigPage(SENTENCE, '<p>A new notice at the top.</p>'));
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(SENTENCE);
    expect(ownerId(anchor!.range.startContainer)).toBe('target');
  });
});
