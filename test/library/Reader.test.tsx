// @vitest-environment jsdom
// The reader rendered for real (Preact): sanitized article HTML, highlights drawn in place (no CSS Custom
// Highlight API here, so the painter's wrapper elements show them), notes beside.
// jsdom, not happy-dom, for this one: DOMPurify on happy-dom 21 keeps <script> and handlers while
// reporting itself supported, so the sanitizing could not be tested there.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../src/core/highlight';
import type { Clip } from '../../src/core/page-capture';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';
import { answer, requestsOf, resetPageBrowser } from './page-browser';
import { mount, unmountAll } from './render';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./page-browser')).pageBrowser }));

const { Reader } = await import('../../src/library/components/Reader');

const HOSTILE_HTML = [
  '<p>Do you know what kind of service drives people crazy? Poor attention.</p>',
  '<script>window.ran = true</script>',
  '<p onclick="window.ran = true">According to a study, <a href="javascript:window.ran=true">most customers</a> leave.</p>',
  '<img src="https://tracker.example/pixel.gif" onerror="window.ran = true" alt="pixel">',
  '<iframe src="https://evil.example/"></iframe><style>body { display: none }</style>',
].join('');

const clip: Clip = {
  ...makeCapture({ html: HOSTILE_HTML, tags: ['customer service', 'speed'] }),
  id: 'c1',
  aliases: [],
  savedAt: Date.UTC(2024, 0, 3),
  updatedAt: Date.UTC(2024, 0, 3),
};
const highlight = (id: string, exact: string, note: string, color: Highlight['color'] = 'yellow'): Highlight => ({
  id,
  clipId: 'c1',
  selectors: makeSelectors(exact),
  note,
  color,
  pageUrl: clip.canonicalUrl,
  pageTitle: clip.title,
  text: exact,
  tags: [],
  createdAt: 1,
  updatedAt: 1,
});

const article = (root: HTMLElement) => root.querySelector<HTMLElement>('.reader-article')!;
/** The text drawn for each highlight id (a highlight across a link is drawn in several pieces). */
function drawn(root: HTMLElement): Record<string, string> {
  const text: Record<string, string> = {};
  for (const mark of article(root).querySelectorAll('mark[data-crisscross-highlight]')) {
    const id = mark.getAttribute('data-crisscross-highlight')!;
    text[id] = (text[id] ?? '') + mark.textContent;
  }
  return text;
}

beforeEach(resetPageBrowser);
afterEach(unmountAll);

describe('reader', () => {
  it('shows the article from its stored HTML, sanitized again: no scripts, handlers, frames, styles or remote images', async () => {
    answer('getClip', () => ({ clip, highlights: [] }));
    const root = await mount(<Reader clipId="c1" loadImages={false} />);
    await vi.waitFor(() => expect(root.querySelector('#reader-title')?.textContent).toBe(clip.title));
    expect(requestsOf('getClip')).toEqual([{ id: 'c1' }]);

    const html = article(root).innerHTML;
    expect(article(root).textContent).toContain('Poor attention.');
    expect(article(root).textContent).toContain('most customers');
    expect(article(root).querySelector('script, iframe, style, img')).toBeNull();
    expect(html).not.toMatch(/onclick|onerror|javascript:|tracker\.example/);
    expect((window as unknown as { ran?: boolean }).ran).toBeUndefined();
    // Each tag is its text followed by its "Remove tag" button.
    expect([...root.querySelectorAll('.reader-side .tags li')].map((li) => li.firstChild?.textContent)).toEqual([
      'customer service',
      'speed',
    ]);
  });

  it('keeps images when the user allows them, still without their handlers', async () => {
    answer('getClip', () => ({ clip, highlights: [] }));
    const root = await mount(<Reader clipId="c1" loadImages />);
    await vi.waitFor(() => expect(article(root).querySelector('img')?.getAttribute('src')).toBe('https://tracker.example/pixel.gif'));
    expect(article(root).querySelector('img')?.hasAttribute('onerror')).toBe(false);
  });

  it('draws the highlights in the text and lists them with their notes; one not in the text says so', async () => {
    answer('getClip', () => ({
      clip,
      highlights: [
        highlight('h1', 'Poor attention.', 'The whole problem in two words', 'green'),
        highlight('h2', 'most customers leave', ''),
        highlight('h3', 'A sentence the article no longer has', 'Lost'),
      ],
    }));
    const root = await mount(<Reader clipId="c1" loadImages={false} />);
    await vi.waitFor(() => expect(drawn(root)).toEqual({ h1: 'Poor attention.', h2: 'most customers leave' }));

    const items = [...root.querySelectorAll<HTMLElement>('ul[aria-label="Highlights"] > li')];
    expect(root.textContent).toContain('Highlights (3)');
    expect(items.map((item) => item.querySelector('.note')?.textContent ?? null)).toEqual(['The whole problem in two words', null, 'Lost']);
    expect(items[0]!.className).toContain('color-green');
    expect(items.map((item) => item.querySelector('button')!.disabled)).toEqual([false, false, true]);
    expect(items[2]!.textContent).toContain('Not found in the saved text.');
  });

  it('says why a clip cannot be shown, with a way back', async () => {
    answer('getClip', () => {
      throw new Error('That clip no longer exists.');
    });
    const root = await mount(<Reader clipId="gone" loadImages={false} />);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')?.textContent).toContain('That clip no longer exists.'));
    expect(root.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('#/');
  });
});
