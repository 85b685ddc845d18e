// Unit tests for the text index: which text counts, and mapping offsets to DOM points and back.

import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '../../../src/core/anchoring/text-index';
import { makePage } from './dom-fixtures';

const HTML =
  '<h1>Title</h1>' +
  '<p id="a">One <b>two</b> three</p>' +
  '<script>var s = "script";</script><style>p { color: red }</style>' +
  '<noscript>enable js</noscript><template><p>template</p></template>' +
  '<div data-crisscross-ui><button>Save clip</button></div>' +
  '<p id="b">Four <mark data-crisscross-highlight>five</mark>' +
  '<span></span> six</p>';

describe('buildTextIndex', () => {
  it('concatenates readable text and skips script, style, noscript, template and our UI', () => {
    const page = makePage(HTML);
    const index = buildTextIndex(page.body);
    expect(index.text).toBe('TitleOne two threeFour five six');
    // Highlight wrappers hold page text, so their text is indexed.
    expect(index.nodes.map((node) => node.data)).toEqual(['Title', 'One ', 'two', ' three', 'Four ', 'five', ' six']);
  });

  it('skips <head> when the root is the whole document', () => {
    const page = makePage('<p>Body text</p>');
    page.title = 'Head title';
    expect(buildTextIndex(page).text).toBe('Body text');
  });

  it('maps text offsets to DOM points, choosing the next node going forward and the previous going backward', () => {
    const index = buildTextIndex(makePage(HTML).body);
    const two = index.nodes[2]!;
    const one = index.nodes[1]!;
    const at = index.text.indexOf('two');
    expect(index.pointAt(at, 'forward')).toEqual({ node: two, offset: 0 });
    expect(index.pointAt(at, 'backward')).toEqual({ node: one, offset: 4 });
    expect(index.pointAt(at + 1, 'backward')).toEqual({ node: two, offset: 1 });
    expect(index.pointAt(0, 'backward')).toEqual({ node: index.nodes[0], offset: 0 });
    const last = index.nodes[index.nodes.length - 1]!;
    expect(index.pointAt(index.text.length, 'forward')).toEqual({ node: last, offset: last.data.length });
    expect(index.pointAt(10_000, 'forward')).toEqual({ node: last, offset: last.data.length });
  });

  it('maps DOM boundary points back to text offsets', () => {
    const page = makePage(HTML);
    const index = buildTextIndex(page.body);
    const a = page.getElementById('a')!;
    const b = page.getElementById('b')!;
    const bold = a.querySelector('b')!;
    expect(index.offsetOf(bold.firstChild!, 2)).toBe(index.text.indexOf('two') + 2);
    expect(index.offsetOf(a, 1)).toBe(index.text.indexOf('two')); // before <b>
    expect(index.offsetOf(a, a.childNodes.length)).toBe(index.text.indexOf('Four')); // after p#a
    // Points inside skipped content map to the next readable text.
    const script = page.querySelector('script')!;
    expect(index.offsetOf(script.firstChild!, 3)).toBe(index.text.indexOf('Four'));
    expect(index.offsetOf(page.querySelector('button')!, 0)).toBe(index.text.indexOf('Four'));
    // The empty <span> sits before " six".
    expect(index.offsetOf(b.querySelector('span')!, 0)).toBe(index.text.indexOf(' six'));
    expect(index.offsetOf(page.body, page.body.childNodes.length)).toBe(index.text.length);
  });

  it('round-trips every span through rangeFor', () => {
    const index = buildTextIndex(makePage('<p>ab<i>cd</i></p><ul><li>ef</li><li>g</li></ul>').body);
    expect(index.text).toBe('abcdefg');
    for (let start = 0; start < index.text.length; start++) {
      for (let end = start + 1; end <= index.text.length; end++) {
        const range = index.rangeFor(start, end)!;
        expect(range.toString()).toBe(index.text.slice(start, end));
        expect(index.offsetOf(range.startContainer, range.startOffset)).toBe(start);
        expect(index.offsetOf(range.endContainer, range.endOffset)).toBe(end);
        // Ranges never start at the very end of a node or end at the very start of one.
        expect(range.startOffset).toBeLessThan((range.startContainer as Text).data.length);
        expect(range.endOffset).toBeGreaterThan(0);
      }
    }
  });

  it('gives the text span of an element and splits spans into per-node segments', () => {
    const page = makePage(HTML);
    const index = buildTextIndex(page.body);
    const a = page.getElementById('a')!;
    expect(index.spanOf(a)).toEqual({ start: 5, end: 18 });
    expect(index.spanOf(page.body)).toEqual({ start: 0, end: index.text.length });
    const segments = index.segments(index.text.indexOf('ne two'), index.text.indexOf('hree') + 2);
    expect(segments.map((s) => s.node.data.slice(s.start, s.end))).toEqual(['ne ', 'two', ' thr']);
    expect(index.segments(3, 3)).toEqual([]);
  });

  it('has no points and no ranges when the root has no text', () => {
    const index = buildTextIndex(makePage('<div><img alt="x"></div>').body);
    expect(index.text).toBe('');
    expect(index.pointAt(0, 'forward')).toBeNull();
    expect(index.rangeFor(0, 0)).toBeNull();
  });
});
