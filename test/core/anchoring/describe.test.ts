// Unit tests for describing a selection as quote, position and range selectors.

import { describe, expect, it } from 'vitest';
import { CONTEXT_LENGTH, describeRange } from '../../../src/core/anchoring/describe';
import { buildTextIndex } from '../../../src/core/anchoring/text-index';
import { makePage, selectText } from './dom-fixtures';

const significant = (text: string): string => text.replace(/\s+/g, '');

describe('describeRange', () => {
  it('produces quote, position and range selectors that agree with each other', () => {
    const page = makePage(
      '<p>Some opening words that come well before the chosen passage here.</p>' +
        '<p id="x">Alpha <em>beta</em> gamma delta epsilon and then several trailing words follow it.</p>',
    );
    const selectors = describeRange(page.body, selectText(page.body, 'beta gamma delta'))!;
    const text = buildTextIndex(page.body).text;
    expect(selectors.quote.exact).toBe('beta gamma delta');
    expect(text.slice(selectors.position.start, selectors.position.end)).toBe('beta gamma delta');
    expect(selectors.range).toEqual({
      type: 'RangeSelector',
      startSelector: { type: 'XPathSelector', value: '/p[2]/em[1]' },
      startOffset: 0,
      endSelector: { type: 'XPathSelector', value: '/p[2]' },
      endOffset: 'Alpha beta gamma delta'.length,
    });
    expect(text.slice(0, selectors.position.start).endsWith(selectors.quote.prefix)).toBe(true);
    expect(text.slice(selectors.position.end).startsWith(selectors.quote.suffix)).toBe(true);
    expect(significant(selectors.quote.prefix)).toHaveLength(CONTEXT_LENGTH);
    expect(significant(selectors.quote.suffix)).toHaveLength(CONTEXT_LENGTH);
  });

  it('counts context in significant characters, so indentation does not eat it up', () => {
    const indent = '\n' + ' '.repeat(40);
    const page = makePage(`<div>${indent}<p>first line</p>${indent}<p>second line</p>${indent}<p>third</p>${indent}</div>`);
    const selectors = describeRange(page.body, selectText(page.body, 'second'))!;
    expect(significant(selectors.quote.prefix)).toBe('firstline');
    expect(significant(selectors.quote.suffix)).toBe('linethird');
  });

  it('trims whitespace around the selection', () => {
    const page = makePage('<p>one</p>\n  <p>two three</p>\n  <p>four</p>');
    const selectors = describeRange(page.body, selectText(page.body, '\n  two three\n  '))!;
    expect(selectors.quote.exact).toBe('two three');
  });

  it('keeps script text out of the quote', () => {
    const page = makePage('<p>before</p><script>tracking()</script><p>after</p>');
    const range = page.createRange();
    range.setStart(page.querySelector('p')!.firstChild!, 3);
    range.setEnd(page.querySelectorAll('p')[1]!.firstChild!, 3);
    expect(describeRange(page.body, range)?.quote.exact).toBe('oreaft');
  });

  it('gives the same selectors whether or not other highlights are drawn on the page', () => {
    const clean = '<p>One two three four five six seven eight nine ten eleven twelve.</p><p>Next paragraph.</p>';
    const drawn =
      '<p>One two <mark data-crisscross-highlight="h1">three four</mark> five six seven eight nine ten eleven twelve.</p>' +
      '<p>Next paragraph.</p>';
    const describeIn = (html: string) => {
      const page = makePage(html);
      return describeRange(page.body, selectText(page.body, 'four five six'));
    };
    const withWrapper = describeIn(drawn)!;
    expect(withWrapper.range.startSelector.value).toBe('/p[1]');
    expect(withWrapper).toEqual(describeIn(clean));
  });

  it('returns null for a collapsed or whitespace-only selection', () => {
    const page = makePage('<p>one</p>\n\n<p>two</p>');
    const collapsed = page.createRange();
    collapsed.setStart(page.querySelector('p')!.firstChild!, 1);
    expect(describeRange(page.body, collapsed)).toBeNull();
    expect(describeRange(page.body, selectText(page.body, '\n\n'))).toBeNull();
  });
});
