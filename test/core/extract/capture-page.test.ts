import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../src/core/extract/capture-page';
import { MAX_TEXT_CHARS } from '../../../src/core/extract/limits';
import { createSanitizer } from '../../../src/core/extract/sanitize';
import { parseHtml, SEED_BLOG, seedPost } from '../../dom';

interface SeedPage {
  path: string;
  title: string;
  tags: string[];
  published: string;
}
const pages = (JSON.parse(readFileSync(new URL('pages.json', SEED_BLOG), 'utf8')) as { pages: SeedPage[] }).pages.filter((page) =>
  page.path.startsWith('posts/'),
);

function capture(html: string, options: { url?: string; selectionText?: string } = {}) {
  const url = options.url ?? 'http://127.0.0.1:8080/posts/page.html';
  const { document, window } = parseHtml(html, url);
  return capturePage({ document, location: url, selectionText: options.selectionText, sanitize: createSanitizer(window) });
}

const EMPTY_POST = 'posts/innovation-posts-of-the-week-the-3-types-of-innovators.html';

describe('capturePage on the seed blog', () => {
  it.each(pages.map((page) => [page.path, page] as const))('%s: article without page furniture, metadata from the page', (path, page) => {
    const result = capture(seedPost(path), { url: `http://127.0.0.1:8080/${path}` });
    // One seed post has an empty body: it has no article, so its readable body text is taken.
    const empty = path === EMPTY_POST;
    expect(result.source).toBe(empty ? 'body' : 'article');
    expect(result.title).toBe(page.title);
    expect(result.publishedAt?.slice(0, 10)).toBe(page.published);
    expect(result.tags.sort()).toEqual([...page.tags].sort());
    expect(result.author).toBe('The Curator');
    expect(result.siteName).toBe('Connecting the Dots');
    expect(result.language).toBe('en');
    expect(result.canonicalUrl).toBe(`http://dots.example/${path}`);
    expect(result.aliases).toContain(`http://127.0.0.1:8080/${path}`);
    if (!empty) expect(result.wordCount).toBeGreaterThan(30);
    if (!empty) expect(result.text.length).toBeGreaterThan(200);
    for (const furniture of [
      'Subscribe',
      'Leave a reply',
      'Recent posts',
      'Powered by a blog engine',
      'Share: Twitter',
      'Great post, thanks for sharing',
    ]) {
      expect(result.text).not.toContain(furniture);
      expect(result.html).not.toContain(furniture);
    }
    expect(result.truncated).toBeNull();
  });

  it('keeps paragraphs apart in the clean text', () => {
    const result = capture(seedPost('posts/fast-response-is-the-new-normal-in-customer-service.html'));
    expect(
      result.text.startsWith('Do you know what kind of service drives people crazy? Poor attention.\n\nAccording to research from Zendesk'),
    ).toBe(true);
    expect(result.text).toContain('Fast response when we have a problem.');
  });
});

const article = (body: string) =>
  `<!doctype html><html><head><title>Hostile</title></head><body><article><h1>A title</h1>${body}</article></body></html>`;
const longParagraph = '<p>' + 'Curators keep the passages that matter and connect them across topics. '.repeat(8) + '</p>';

describe('capturePage sanitizes the article HTML', () => {
  it('removes scripts, event handlers, javascript: links, forms and styles', () => {
    const result = capture(
      article(
        `${longParagraph}<script>alert(1)</script><p onclick="steal()">Click <a href="javascript:steal()">here</a> <img src="x.png" onerror="steal()"></p>` +
          `<style>p{}</style><form><input name="q"><button>Go</button></form><iframe src="http://evil.example"></iframe>${longParagraph}`,
      ),
    );
    expect(result.html).not.toMatch(/<script|onclick|onerror|javascript:|<form|<input|<iframe|<style/i);
    expect(result.html).toContain('<img src="http://127.0.0.1:8080/posts/x.png">');
    expect(result.text).not.toContain('alert(1)');
  });
});

describe('capturePage without an article', () => {
  const noArticle = `<!doctype html><html><head><title>Dashboard</title></head><body><nav>Home · About</nav>
    <div><span>Status: all systems normal</span></div><footer>Footer links</footer></body></html>`;

  it('takes the readable body text, leaving navigation and footer out', () => {
    const result = capture(noArticle);
    expect(result.source).toBe('body');
    expect(result.text).toBe('Status: all systems normal');
    expect(result.title).toBe('Dashboard');
    expect(result.html).toBe('<p>Status: all systems normal</p>');
  });

  it('takes the selection when the user has one', () => {
    const result = capture(noArticle, { selectionText: 'all systems <normal>' });
    expect(result.source).toBe('selection');
    expect(result.text).toBe('all systems <normal>');
    expect(result.html).toBe('<p>all systems &lt;normal&gt;</p>');
  });
});

describe('capturePage on a very large page', () => {
  it('keeps the first MAX_TEXT_CHARS characters and says how much there was', () => {
    const paragraph = `<p>${'Large pages must never freeze the tab. '.repeat(50)}</p>`;
    const html = `<!doctype html><html><head><title>Huge</title></head><body>${paragraph.repeat(Math.ceil(4_000_000 / paragraph.length))}</body></html>`;
    const result = capture(html);
    expect(result.source).toBe('body');
    expect(result.truncated).not.toBeNull();
    expect(result.truncated!.keptChars).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(result.truncated!.totalChars).toBeGreaterThan(3_900_000);
    expect(result.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    // jsdom parses 4 MB slowly while the other test files run on the same two cores.
  }, 30_000);
});
