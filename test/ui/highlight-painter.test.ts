import { describe, expect, it } from 'vitest';
import { createPainter } from '../../src/ui/highlight-painter';
import { parseHtml } from '../dom';

function rangeOf(document: Document, phrase: string): Range {
  const walker = document.createTreeWalker(document.body, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(phrase);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + phrase.length);
      return range;
    }
  }
  throw new Error(`missing ${phrase}`);
}

// jsdom has no CSS Custom Highlight API, so this exercises the wrapper-element fallback.
describe('wrapper painter (browsers without the Custom Highlight API)', () => {
  it('wraps each highlight, across inline elements, and unwraps to the original text', () => {
    const { document } = parseHtml('<p id="p">Fast <em>response</em> is the new normal.</p>');
    const before = document.body.innerHTML;
    const painter = createPainter(document);
    const range = document.createRange();
    range.setStart(document.querySelector('#p')!.firstChild!, 0);
    range.setEnd(document.querySelector('em')!.firstChild!, 8);
    painter.paint([{ id: 'h1', range, color: 'green' }]);
    const marks = [...document.querySelectorAll('mark[data-crisscross-highlight="h1"]')];
    expect(marks.map((mark) => mark.textContent)).toEqual(['Fast ', 'response']);
    expect(painter.highlightAt(marks[1]!.firstChild!, 2)).toBe('h1');
    expect(painter.highlightAt(document.querySelector('#p')!.lastChild!, 1)).toBeNull();
    expect(document.querySelector('#p')!.textContent).toBe('Fast response is the new normal.');
    painter.paint([]);
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('draws several highlights in one paragraph', () => {
    const { document } = parseHtml('<p>one two three four</p>');
    const painter = createPainter(document);
    const first = rangeOf(document, 'two');
    const second = rangeOf(document, 'four');
    painter.paint([
      { id: 'a', range: second, color: 'yellow' },
      { id: 'b', range: first, color: 'blue' },
    ]);
    expect(
      [...document.querySelectorAll('mark')].map((mark) => `${mark.getAttribute('data-crisscross-highlight')}:${mark.textContent}`).sort(),
    ).toEqual(['a:four', 'b:two']);
  });
});
