// Snippets: the best region of a text within a length, with matched words marked at exact offsets.
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../../src/core/search';

/** The marked substrings of a snippet. */
const marked = (s: { text: string; marks: Array<[number, number]> }) => s.marks.map(([a, b]) => s.text.slice(a, b));

const LOREM = 'Gardens grow slowly and the weather decides most of it. Soil, water and patience matter. ';

describe('makeSnippet', () => {
  it('returns a short text whole, with matched words marked at the right offsets', () => {
    const s = makeSnippet('Great customer service is invisible.', ['customer', 'service']);
    expect(s.text).toBe('Great customer service is invisible.');
    expect(s.marks).toEqual([
      [6, 14],
      [15, 22],
    ]);
  });

  it('marks prefix matches and ignores case and accents', () => {
    const s = makeSnippet('Servers at the CAFÉ serve Café crème.', ['serv', 'cafe']);
    expect(marked(s)).toEqual(['Servers', 'CAFÉ', 'serve', 'Café']);
  });

  it('does not mark inside words, nor prefix-match two-letter terms', () => {
    const s = makeSnippet('We start the art show; AI aims high.', ['art', 'ai']);
    expect(marked(s)).toEqual(['art', 'AI']);
  });

  it('cuts around the best region of a long text, within the length limit', () => {
    const text = `${LOREM.repeat(40)}Our customer service desk was rebuilt. ${LOREM.repeat(40)}`;
    const s = makeSnippet(text, ['customer', 'service'], 160);
    expect(s.text.length).toBeLessThanOrEqual(160);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(marked(s)).toEqual(['customer', 'service']);
  });

  it('prefers the region holding more of the query words over an earlier one holding fewer', () => {
    const text =
      `Customer notes come first. ${LOREM.repeat(30)}` + `Later, customer service and customer care are compared. ${LOREM.repeat(30)}`;
    const s = makeSnippet(text, ['customer', 'service'], 120);
    expect(marked(s)).toContain('service');
    expect(s.text).toContain('customer service');
  });

  it('starts at the beginning of the sentence holding the match when it fits', () => {
    const text = `${LOREM.repeat(10)}Mycelium links trees. ${LOREM.repeat(10)}`;
    const s = makeSnippet(text, ['mycelium'], 160);
    expect(s.text.startsWith('…Mycelium')).toBe(true);
  });

  it('collapses whitespace and keeps marks aligned', () => {
    const s = makeSnippet('alpha\n\n\n   beta    gamma', ['gamma']);
    expect(s.text).toBe('alpha beta gamma');
    expect(marked(s)).toEqual(['gamma']);
  });

  it('falls back to the start of the text when nothing matches', () => {
    const text = LOREM.repeat(10);
    const s = makeSnippet(text, ['zebra'], 100);
    expect(s.marks).toEqual([]);
    expect(s.text.startsWith('Gardens grow slowly')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(100);
  });

  it('finds a match at the end of a megabyte of text', () => {
    const text = LOREM.repeat(12_000) + 'The needle is here.';
    const s = makeSnippet(text, ['needle']);
    expect(marked(s)).toEqual(['needle']);
    expect(s.text).toContain('The needle is here.');
  }, 30_000);
});
