// The HTML export: one self-contained page, no scripts, nothing loaded from elsewhere, every piece of library text escaped.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/export/html-escape';
import { exportHtml } from '../../../src/core/export/html-format';
import { CLIP_ID_TRICKY, HL_ID_NOTE, makeBundle, makeClip, META } from './fixtures';

function render(bundle = makeBundle(), options = {}) {
  const file = exportHtml(bundle, { ...META, ...options });
  return { file, document: new JSDOM(file.data as string).window.document };
}

describe('escapeHtml', () => {
  it('escapes the five characters that matter and repairs broken UTF-16', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
    expect(escapeHtml('nul\0 lone\uD800 pair🎉')).toBe('nul lone\uFFFD pair🎉');
  });
});

describe('exportHtml', () => {
  it('names and types the file', () => {
    const { file } = render();
    expect(file.fileName).toBe('crisscross-library-2024-05-01.html');
    expect(file.mimeType).toBe('text/html');
  });

  it('has no script, no event handler and loads nothing from elsewhere', () => {
    const { file, document } = render();
    expect(document.querySelectorAll('script, iframe, object, embed, img, link, base, form').length).toBe(0);
    const attributes = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name.startsWith('on'))).toEqual([]);
    expect(file.data).not.toMatch(/<script/i);
    expect(file.data).not.toMatch(/url\(|@import/i);
    // Links only point inside the page or to the clips' own pages.
    const hrefs = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(hrefs.every((href) => href.startsWith('#') || href.startsWith('https://'))).toBe(true);
    const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });

  it('escapes a title holding a <script> element, which shows as text', () => {
    const { file, document } = render();
    expect(file.data).toContain('He said &quot;hi&quot;: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; left');
    expect(document.querySelector(`#clip-${CLIP_ID_TRICKY} h2`)?.textContent).toBe('He said "hi": <script>alert("x")</script> & left');
  });

  it('renders the clip’s text as paragraphs instead of its stored HTML', () => {
    const { document } = render();
    const article = document.querySelector(`#clip-${CLIP_ID_TRICKY}`)!;
    expect([...article.querySelectorAll('details p')].map((p) => p.textContent)).toEqual([
      '# Not a heading',
      'Party 🎉 time is *now*, with [links] and <b>tags</b>.- not a list',
    ]);
    expect(article.querySelector('details p:nth-of-type(2)')?.innerHTML).toContain('<br>');
    expect(article.querySelector('b')).toBeNull();
  });

  it('shows each highlight with its note and tags, and the collections with links to their items', () => {
    const { document } = render();
    const figure = document.querySelector(`#highlight-${HL_ID_NOTE}`)!;
    expect(figure.className).toBe('blue');
    expect(figure.querySelector('blockquote')?.textContent).toBe('Poor attention.');
    expect(figure.querySelector('figcaption p')?.innerHTML).toBe('She said "fast", then: wait,<br>second line 🎉');
    expect([...figure.querySelectorAll('.tag')].map((t) => t.textContent)).toEqual(['customer service', 'speed']);
    const items = [...document.querySelectorAll('.collections li a')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(items).toEqual([
      [`#clip-${CLIP_ID_TRICKY}`, 'He said "hi": <script>alert("x")</script> & left'],
      [`#highlight-${HL_ID_NOTE}`, '“Poor attention.”'],
      ['#clip-3f1c9a52-7d2e-4b8a-9c41-0a6e5f2d8b17', 'Fast response is the new normal in customer service'],
    ]);
    for (const [href] of items) expect(document.querySelector(href!)).not.toBeNull();
  });

  it('never links a javascript: address, and escapes the heading it is given', () => {
    const hostile = makeClip({ url: 'javascript:alert(1)', title: 'Click me' });
    const { document } = render({ clips: [hostile], highlights: [], collections: [] }, { title: '<img src=x onerror=alert(1)>' });
    expect(document.querySelectorAll('a[href^="javascript"]').length).toBe(0);
    expect(document.querySelector('article h2')?.textContent).toBe('Click me');
    expect(document.querySelector('h1')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('title')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
