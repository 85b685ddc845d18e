// Highlights and notes on a seed-blog post, in real Chromium: capture, redraw after reload, re-anchor
// on an edited page, orphans, deletion, and a worker restart.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_BLOG, startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { clickControl, clickDrawnHighlight, drawnHighlights, isControlVisible, selectPhrase } from './page-ui';
import { storedClips } from './storage-peek';

const POST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';
const QUOTE = 'Customer Service is the new marketing because your customers don’t live on your time';
const NOTE = 'Service as marketing: compare with the Chrome speed post.';
const original = readFileSync(join(SEED_BLOG, POST), 'utf8');

describe('highlights', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let post: Page;
  let tabId: number;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    post = await session.context.newPage();
    await post.goto(blog.url(POST));
    tabId = await session.tabIdOf(post);
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  const yellow = async () => (await drawnHighlights(post))['crisscross-yellow'] ?? [];
  const popupHighlights = async () => {
    const popup = await session.openPopup(tabId);
    const list = popup.getByRole('list', { name: 'Highlights' });
    await list.waitFor();
    return { popup, list };
  };

  it('highlights a selection with a note from the toolbar, and clips the page too', async () => {
    await selectPhrase(post, QUOTE);
    await expect.poll(() => isControlVisible(post, 'Highlight with note')).toBe(true);
    expect(await isControlVisible(post, 'Highlight')).toBe(true);
    await clickControl(post, 'Highlight with note');
    await expect.poll(() => isControlVisible(post, 'Note')).toBe(true);
    await post.keyboard.type(NOTE);
    await clickControl(post, 'Save note');
    await expect.poll(yellow).toEqual([QUOTE]);

    const { popup, list } = await popupHighlights();
    await expect
      .poll(() => popup.getByRole('heading', { name: /Highlights on this page/ }).textContent())
      .toBe('Highlights on this page (1)');
    expect(await list.getByRole('listitem').textContent()).toContain(NOTE);
    expect(await list.getByRole('listitem').textContent()).toContain(QUOTE);
    // Highlighting saved the page as a clip as well, so the highlight has its page's text.
    expect((await storedClips(popup)).map((clip) => clip.title)).toEqual(['Fast response is the new normal in customer service']);
    await popup.close();
  });

  it('draws the highlight again after a reload and after the worker restarts', async () => {
    await post.reload();
    await expect.poll(yellow).toEqual([QUOTE]);
    await session.stopServiceWorker();
    await post.reload();
    // A stopped worker starts again and opens the database first: 2 to 3 s on a busy 2-core machine.
    await expect.poll(yellow, { timeout: 10_000 }).toEqual([QUOTE]);
  });

  it('opens the note when the drawn highlight is clicked', async () => {
    await clickDrawnHighlight(post);
    await expect.poll(() => isControlVisible(post, 'Note')).toBe(true);
    await post.keyboard.press('Escape');
    await expect.poll(() => isControlVisible(post, 'Note')).toBe(false);
  });

  it('stays anchored when a paragraph is inserted above and a word in the quote changes', async () => {
    const edited = original
      .replace(
        '<p>Do you know what kind of service',
        '<p>Update: this post was edited in 2024 with a new introduction.</p>\n<p>Do you know what kind of service',
      )
      .replace('Customer Service is the new marketing', 'Customer Service is the modern marketing');
    blog.override(POST, edited);
    await post.reload();
    await expect.poll(yellow).toEqual([QUOTE.replace('new marketing', 'modern marketing')]);
  });

  it('draws the highlight when a single-page app renders the text after load', async () => {
    // The article arrives from "the network" 700 ms after the page loaded, as in a single-page app.
    const spa = original.replace(
      '<footer class="entry-meta">',
      '<script>const entry = document.querySelector(".entry"); const html = entry.innerHTML; entry.innerHTML = "<p>Loading…</p>";' +
        ' setTimeout(() => { entry.innerHTML = html; }, 700);</script><footer class="entry-meta">',
    );
    blog.override(POST, spa);
    await post.reload();
    expect(await yellow()).toEqual([]);
    await expect.poll(yellow, { timeout: 5_000 }).toEqual([QUOTE]);
  });

  it('lists a highlight whose text is gone as an orphan, re-attaches it to new text, and deletes it', async () => {
    blog.override(POST, original.replace(/<p>Customer Service is the new marketing[^<]*<\/p>/, ''));
    await post.reload();
    await post.waitForTimeout(500);
    expect(await yellow()).toEqual([]);
    const { popup, list } = await popupHighlights();
    await expect.poll(() => list.getByRole('listitem').textContent()).toContain('Not found on this page');
    expect(await popup.getByRole('heading', { name: /Highlights on this page/ }).textContent()).toContain('1 not found');
    await popup.close();

    const NEW_TEXT = 'Fast response when we have a problem.';
    await selectPhrase(post, NEW_TEXT);
    const again = await popupHighlights();
    await again.popup.getByRole('button', { name: /^Re-attach to selection/ }).click();
    await expect.poll(yellow).toEqual([NEW_TEXT]);
    await expect.poll(() => again.list.getByRole('listitem').textContent()).not.toContain('Not found on this page');
    expect(await again.list.getByRole('listitem').textContent()).toContain(NOTE);

    await again.popup.getByRole('button', { name: /^Delete highlight/ }).click();
    await expect.poll(() => again.popup.getByRole('status').filter({ hasText: 'Highlight deleted.' }).count()).toBe(1);
    await expect.poll(() => again.popup.getByRole('list', { name: 'Highlights' }).count()).toBe(0);
    await expect.poll(yellow).toEqual([]);
    await again.popup.close();
  });
});
