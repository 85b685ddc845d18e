// Scenario tests: describe a highlight on one version of a page, re-anchor it on another.

import { describe, expect, it } from 'vitest';
import { anchorSelectors } from '../../../src/core/anchoring/anchor';
import { describeRange } from '../../../src/core/anchoring/describe';
import { buildTextIndex } from '../../../src/core/anchoring/text-index';
import type { HighlightSelectors } from '../../../src/core/anchoring/types';
import { makePage, ownerId, selectText, squash } from './dom-fixtures';

const INTRO = '<h1 id="title">Rivers and archives</h1><p id="intro">Curators keep returning to the same question about memory.</p>';
const P1 = '<p id="p1">Early libraries were built beside rivers because water carried both books and the people who read them.</p>';
const P2 = '<p id="p2">The archive is not a warehouse of facts but a conversation that keeps changing its speakers over time.</p>';
const P3 = '<p id="p3">Networks of small harbors once moved more letters than any single capital city ever did.</p>';
const ORIGINAL = `${INTRO}${P1}${P2}${P3}`;

const QUOTE = 'a conversation that keeps changing its speakers';

/** Describes `needle` in a page built from `html`, as when the curator made the highlight. */
function highlight(html: string, needle: string, occurrence = 1): HighlightSelectors {
  const page = makePage(html);
  const selectors = describeRange(page.body, selectText(page.body, needle, occurrence));
  if (!selectors) throw new Error('describeRange returned null for a non-empty selection');
  return selectors;
}

describe('anchorSelectors', () => {
  it('re-anchors through the range selector on an unchanged page', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const page = makePage(ORIGINAL);
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('range');
    expect(anchor?.range.toString()).toBe(QUOTE);
    expect(ownerId(anchor!.range.startContainer)).toBe('p2');
  });

  it('finds the same words when text was inserted before the highlight', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    // A new paragraph shifts every offset and renumbers the <p> elements, and
    // words added inside p2 shift the offsets within it, so /p[2]+offsets and
    // the old position now point at other text.
    const changed = `${INTRO}<p id="new">Breaking: a new preface paragraph was added to this article today.</p>${P1}${P2.replace(
      'The archive',
      'As many have argued, the archive',
    )}${P3}`;
    const page = makePage(changed);
    const stale = buildTextIndex(page.body).text.slice(selectors.position.start, selectors.position.end);
    expect(stale).not.toBe(QUOTE);

    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(QUOTE);
    expect(ownerId(anchor!.range.startContainer)).toBe('p2');
  });

  it('follows a whole highlighted paragraph moved elsewhere in the page', () => {
    const paragraphText = 'Early libraries were built beside rivers because water carried both books and the people who read them.';
    const selectors = highlight(ORIGINAL, paragraphText);
    // p1 now comes last, so its old neighbours (the prefix and suffix) are gone too.
    const page = makePage(`${INTRO}${P2}${P3}<div><section>${P1}</section></div>`);
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(paragraphText);
    expect(ownerId(anchor!.range.startContainer)).toBe('p1');
  });

  it('ignores whitespace and inline markup added inside the quote', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const reformatted = `${INTRO}${P1}<p id="p2">The archive is not a warehouse of facts but a
        <em>conversation</em>   that keeps
        changing its <a href="#s">speakers</a> over time.</p>${P3}`;
    const page = makePage(reformatted);
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('quote');
    expect(squash(anchor!.range.toString())).toBe(QUOTE);
    // The range is tight: it starts at "a" and ends inside the link.
    expect(anchor!.range.toString().startsWith('a\n')).toBe(true);
    expect(ownerId(anchor!.range.endContainer)).toBe('p2');
    expect((anchor!.range.endContainer.parentNode as Element).localName).toBe('a');
  });

  it('survives a line break element replacing a space inside the quote', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const page = makePage(`${INTRO}${P1}${P2.replace('keeps changing', 'keeps<br>changing')}${P3}`);
    const anchor = anchorSelectors(page.body, selectors);
    // /p[2] still holds the quote, one character earlier; the span is trimmed
    // so it does not grow a trailing space.
    expect(anchor?.method).toBe('range');
    expect(anchor?.range.toString()).toBe('a conversation that keepschanging its speakers');
  });

  it('anchors fuzzily when a word inside the quote changed', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const page = makePage(`${INTRO}${P1}${P2.replace('keeps changing', 'keeps rotating')}${P3}`);
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.range.toString()).toBe('a conversation that keeps rotating its speakers');
    expect(ownerId(anchor!.range.startContainer)).toBe('p2');
  });

  it('anchors fuzzily to a changed paragraph that also moved, using its context', () => {
    const selectors = highlight(ORIGINAL, 'water carried both books and the people');
    const edited = P1.replace('carried both', 'carried all the');
    const page = makePage(`${INTRO}${P2}${P3}<p id="filler">Unrelated closing remarks about the harbors.</p>${edited}`);
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.range.toString()).toBe('water carried all the books and the people');
    expect(ownerId(anchor!.range.startContainer)).toBe('p1');
  });

  it('uses prefix and suffix to pick the right copy when the quote appears twice', () => {
    const sentence = 'the results were clear';
    const original = `<p id="a">After three winters of field work ${sentence} to everyone on the survey team.</p>`;
    const selectors = highlight(original, sentence);
    // The decoy sits exactly where the highlight used to be, so position alone
    // would choose it; only the context identifies the real one.
    const page = makePage(
      `<p id="decoy">When the votes were counted ${sentence} and nobody asked for a recount at all.</p>` +
        `<p id="a">After three winters of field work ${sentence} to everyone on the survey team.</p>`,
    );
    const index = buildTextIndex(page.body);
    const decoyStart = index.text.indexOf(sentence);
    expect(Math.abs(decoyStart - selectors.position.start)).toBeLessThan(
      Math.abs(index.text.lastIndexOf(sentence) - selectors.position.start),
    );

    const anchor = anchorSelectors(page.body, selectors, { index });
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(sentence);
    expect(ownerId(anchor!.range.startContainer)).toBe('a');
  });

  it('falls back to closeness to the old position when the copies have the same context', () => {
    const item = '<li>Remember to check the source before sharing.</li>';
    const list = `<ul>${item.repeat(5)}</ul>`;
    // Items 2, 3 and 4 have identical text and identical context.
    const { quote, position } = highlight(list, 'check the source', 3);
    const page = makePage(`<p>New intro.</p>${list}`);
    const anchor = anchorSelectors(page.body, { quote, position });
    expect(anchor?.method).toBe('quote');
    const items = page.body.querySelectorAll('li');
    expect(anchor?.range.startContainer.parentNode).toBe(items[2]);
  });

  it('returns null (orphan) when the highlighted text is gone', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const page = makePage(`${INTRO}${P1}${P3}`);
    expect(anchorSelectors(page.body, selectors)?.range.toString() ?? null).toBeNull();
  });

  it('does not match a short quote to an unrelated occurrence of the same words', () => {
    const selectors = highlight(ORIGINAL, 'same question');
    // "same question" still occurs, but in an unrelated sentence: the intro it
    // came from is gone, so a match would be a wrong random hit.
    const page = makePage(`${P1}<p>Readers rarely ask the same question twice in one week.</p>${P3}`);
    expect(anchorSelectors(page.body, selectors)?.range.toString() ?? null).toBeNull();
  });

  it('keeps a short quote when its surrounding context is still there', () => {
    const selectors = highlight(ORIGINAL, 'same question');
    const page = makePage(`<p>Moved down.</p>${ORIGINAL}`);
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('quote');
    expect(ownerId(anchor!.range.startContainer)).toBe('intro');
  });

  it('does not fuzzily match a different sentence with a similar shape', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const page = makePage(
      `${INTRO}${P1}<p id="p2">The archive is not a warehouse of facts but a collection that rarely changes its keepers over time.</p>${P3}`,
    );
    expect(anchorSelectors(page.body, selectors)?.range.toString() ?? null).toBeNull();
  });

  it('describes and re-anchors a selection across paragraphs, list items and inline elements', () => {
    const html =
      '<article><p id="s1">Start of the <strong>first</strong> paragraph with a <a href="#x">link</a>.</p>' +
      '<ul><li id="li1">Item <em>one</em> text</li><li id="li2">Item two text</li></ul>' +
      '<script>var ignored = "not page text";</script>' +
      '<p id="s2">Closing <code>code</code> words and the end.</p></article>';
    const page = makePage(html);
    const range = page.createRange();
    const strong = page.querySelector('strong')!;
    const code = page.querySelector('code')!;
    range.setStart(strong.firstChild!, 2); // "rst" …
    range.setEnd(code.nextSibling!, 6); // … " words"
    const selectors = describeRange(page.body, range)!;
    const expected = 'rst paragraph with a link.Item one textItem two textClosing code words';
    expect(selectors.quote.exact).toBe(expected);

    const same = anchorSelectors(page.body, selectors);
    expect(same?.method).toBe('range');
    expect(same?.range.toString().replace('var ignored = "not page text";', '')).toBe(expected);
    expect(same?.range.startContainer).toBe(strong.firstChild);
    expect(same?.range.startOffset).toBe(2);

    const reloaded = makePage(html);
    const again = anchorSelectors(reloaded.body, selectors);
    expect(again?.method).toBe('range');
    expect(again?.range.startContainer).toBe(reloaded.querySelector('strong')!.firstChild);
    expect(again?.range.endContainer).toBe(reloaded.querySelector('code')!.nextSibling);
    expect(again?.range.endOffset).toBe(6);
  });

  it('re-anchors by position when the elements changed but the text did not', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    // Same text, different structure: the stored XPath /p[3] no longer exists.
    const page = makePage(
      `<div><h1>Rivers and archives</h1><div>Curators keep returning to the same question about memory.</div></div>` +
        '<div>Early libraries were built beside rivers because water carried both books and the people who read them.</div>' +
        '<div id="d2">The archive is not a warehouse of facts but a conversation that keeps changing its speakers over time.</div>' +
        '<div>Networks of small harbors once moved more letters than any single capital city ever did.</div>',
    );
    const anchor = anchorSelectors(page.body, selectors);
    expect(anchor?.method).toBe('position');
    expect(anchor?.range.toString()).toBe(QUOTE);
    expect(ownerId(anchor!.range.startContainer)).toBe('d2');
  });

  it('anchors with only a quote selector (no position or range)', () => {
    const { quote } = highlight(ORIGINAL, QUOTE);
    const anchor = anchorSelectors(makePage(ORIGINAL).body, { quote });
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(QUOTE);
  });

  it('rejects a range selector whose text no longer equals the quote', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const page = makePage(`${INTRO}${P1}${P2.replace('The archive', 'An archive')}${P3}`);
    const anchor = anchorSelectors(page.body, selectors);
    // /p[2] and its offsets still resolve, but one character earlier now.
    expect(anchor?.method).toBe('quote');
    expect(anchor?.range.toString()).toBe(QUOTE);
  });

  it('returns null for an empty quote', () => {
    const selectors = highlight(ORIGINAL, QUOTE);
    const anchor = anchorSelectors(makePage(ORIGINAL).body, {
      ...selectors,
      quote: { ...selectors.quote, exact: ' \n ' },
    });
    expect(anchor).toBeNull();
  });
});
