// The content-script flows in Firefox ESR with the built dist/firefox: the toolbar for a selection,
// highlighting with a note (which clips the page), redrawing after a reload, and re-anchoring on an
// edited page. Extension pages (popup, library) cannot be opened over WebDriver BiDi, so what the
// background stored is checked through the page: after a reload the content script asks the background
// for the highlights of this page's clip, and only draws them if both the clip and the highlight were saved.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { SEED_BLOG, startBlogServer, type BlogServer } from '../e2e/blog-server';
import {
  clickDrawnHighlight,
  contentScriptLoaded,
  drawnHighlights,
  focusInOurUi,
  launchFirefox,
  pressWith,
  selectPhrase,
  toolbarUnderSelection,
  type FirefoxSession,
} from './firefox';

const POST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';
const QUOTE = 'Customer Service is the new marketing because your customers don’t live on your time';
const NOTE = 'Service as marketing, seen in Firefox.';
const original = readFileSync(join(SEED_BLOG, POST), 'utf8');

describe('content-script flows in Firefox ESR', () => {
  let blog: BlogServer;
  let firefox: FirefoxSession;
  let post: Page;

  beforeAll(async () => {
    blog = await startBlogServer();
    firefox = await launchFirefox();
    post = await firefox.browser.newPage();
    await post.goto(blog.url(POST));
  });
  afterAll(async () => {
    await firefox?.close();
    await blog?.close();
  });

  const yellow = async () => (await drawnHighlights(post))['crisscross-yellow'] ?? [];

  it('installs dist/firefox and runs its content script on a web page', async () => {
    expect(firefox.extensionId).toBe('crisscross@crisscross.invalid');
    await expect.poll(() => contentScriptLoaded(post)).toBe(true);
    expect(await yellow()).toEqual([]);
  });

  it('shows the toolbar for a selection and highlights it with a note from the keyboard', async () => {
    await selectPhrase(post, QUOTE);
    await expect.poll(() => toolbarUnderSelection(post)).toBe(true);
    await pressWith(post, ['Alt', 'Shift'], 'KeyN');
    await expect.poll(() => focusInOurUi(post)).toBe(true);
    // Focus is on "Highlight"; the arrow moves it to "Highlight with note", which opens the note editor.
    await post.keyboard.press('ArrowRight');
    await post.keyboard.press('Enter');
    await post.keyboard.type(NOTE);
    await pressWith(post, ['Control'], 'Enter');
    // The first save clips the page and opens the database: give it room on a busy machine.
    await expect.poll(yellow, { timeout: 10_000 }).toEqual([QUOTE]);
    await expect.poll(() => focusInOurUi(post)).toBe(false);
  });

  it('draws the highlight again after a reload: the page was clipped and the highlight stored', async () => {
    await post.reload();
    await expect.poll(() => contentScriptLoaded(post)).toBe(true);
    await expect.poll(yellow).toEqual([QUOTE]);
    // The redrawn highlight is live: clicking it opens its note editor, which takes focus.
    await clickDrawnHighlight(post);
    await expect.poll(() => focusInOurUi(post)).toBe(true);
    await post.keyboard.press('Escape');
    await expect.poll(() => focusInOurUi(post)).toBe(false);
  });

  it('re-anchors when a paragraph is inserted above and a word in the quote changes', async () => {
    const edited = original
      .replace(
        '<p>Do you know what kind of service',
        '<p>Update: this post was edited in 2024 with a new introduction.</p>\n<p>Do you know what kind of service',
      )
      .replace('Customer Service is the new marketing', 'Customer Service is the modern marketing');
    expect(edited).not.toBe(original);
    blog.override(POST, edited);
    await post.reload();
    await expect.poll(yellow).toEqual([QUOTE.replace('new marketing', 'modern marketing')]);
  });
});
