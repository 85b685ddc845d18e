// Unit tests for splitting a range into per-text-node segments for drawing.

import { describe, expect, it } from 'vitest';
import { textNodeSegments } from '../../../src/core/anchoring/segments';
import { makePage, selectText } from './dom-fixtures';

const pieces = (range: Range): string[] => textNodeSegments(range).map((segment) => segment.node.data.slice(segment.start, segment.end));

describe('textNodeSegments', () => {
  it('splits a range across elements into the covered part of each text node', () => {
    const page = makePage('<p>Hello <b>bold</b> world</p><ul><li>item</li></ul><p>tail end</p>');
    expect(pieces(selectText(page.body, 'lo bold world' + 'item' + 'tail'))).toEqual(['lo ', 'bold', ' world', 'item', 'tail']);
  });

  it('leaves out script and our own UI inside the range', () => {
    const page = makePage('<p>a<script>x()</script>b<span data-crisscross-ui>ui</span>c</p>');
    const range = page.createRange();
    range.setStart(page.querySelector('p')!, 0);
    range.setEnd(page.querySelector('p')!, 5);
    expect(pieces(range)).toEqual(['a', 'b', 'c']);
  });

  it('handles a range inside a single text node and an empty range', () => {
    const page = makePage('<p>one two three</p>');
    const text = page.querySelector('p')!.firstChild as Text;
    const range = page.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 7);
    expect(textNodeSegments(range)).toEqual([{ node: text, start: 4, end: 7 }]);
    range.setEnd(text, 4);
    expect(textNodeSegments(range)).toEqual([]);
  });
});
