// Unit tests for element XPaths relative to the anchoring root.

import { describe, expect, it } from 'vitest';
import { nodeFromXPath, xpathFromRoot } from '../../../src/core/anchoring/xpath';
import { makePage } from './dom-fixtures';

describe('xpathFromRoot / nodeFromXPath', () => {
  it('numbers elements by tag among their siblings and round-trips', () => {
    const page = makePage('<div><h2>a</h2><p>b</p><p><em id="t">c</em></p></div><div></div>');
    const target = page.getElementById('t')!;
    const xpath = xpathFromRoot(page.body, target);
    expect(xpath).toBe('/div[1]/p[2]/em[1]');
    expect(nodeFromXPath(page.body, xpath!)).toBe(target);
    expect(xpathFromRoot(page.body, page.body)).toBe('/');
    expect(nodeFromXPath(page.body, '/')).toBe(page.body);
    expect(nodeFromXPath(page.body, '/div[2]')).toBe(page.body.children[1]);
    expect(nodeFromXPath(page.body, '/div/p[2]')).toBe(target.parentNode); // [1] is implied
  });

  it('looks through highlight wrappers and ignores our UI elements', () => {
    const page = makePage('<p>one</p><p id="second">two <b>bold</b></p>');
    const bold = page.querySelector('b')!;
    const before = xpathFromRoot(page.body, bold);
    expect(before).toBe('/p[2]/b[1]');

    // Draw a highlight around the text and the <b>, and inject UI before everything.
    const second = page.getElementById('second')!;
    const wrapper = page.createElement('b');
    wrapper.setAttribute('data-crisscross-highlight', '');
    second.insertBefore(wrapper, second.firstChild);
    wrapper.appendChild(second.childNodes[1]!); // "two "
    const ui = page.createElement('p');
    ui.setAttribute('data-crisscross-ui', '');
    page.body.insertBefore(ui, page.body.firstChild);

    expect(xpathFromRoot(page.body, bold)).toBe(before);
    expect(nodeFromXPath(page.body, before!)).toBe(bold);
    expect(xpathFromRoot(page.body, wrapper)).toBeNull();
    expect(xpathFromRoot(page.body, ui)).toBeNull();
  });

  it('returns null for malformed paths, missing elements and nodes outside the root', () => {
    const page = makePage('<p>one</p><aside id="x">x</aside>');
    const p = page.querySelector('p')!;
    expect(nodeFromXPath(page.body, '/p[2]')).toBeNull();
    expect(nodeFromXPath(page.body, '/p[0]')).toBeNull();
    expect(nodeFromXPath(page.body, 'p[1]')).toBeNull();
    expect(nodeFromXPath(page.body, '/p[1]/text()')).toBeNull();
    expect(nodeFromXPath(page.body, "//p[@id='x']")).toBeNull();
    expect(xpathFromRoot(p, page.getElementById('x')!)).toBeNull();
  });
});
