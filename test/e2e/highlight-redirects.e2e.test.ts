// Highlights on pages that moved, in real Chromium: the server's redirects become the clip's aliases, so
// a page highlighted at an old address shows its highlights at the new one, and the other way round.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SEED_BLOG, startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { drawnHighlights } from './page-ui';
import { storedClips } from './storage-peek';
import { highlightWithNote } from './user-actions';

const POST = 'posts/can-mastery-and-innovation-coexist.html';
const POST_QUOTE = 'Jonathan Fields posted this question in a Psychology Today article last week';
const MOVED = 'posts/please-understand-me.html';
const MOVED_QUOTE = 'I have a few friends who are looking for a job';

describe('highlights on pages reached through redirects', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let page: Page;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    // The browser learns of the worker's webRequest listener only once its script has run; a redirect
    // in the first milliseconds after install would pass unseen (as for any extension).
    await session.context.serviceWorkers()[0]!.evaluate(() => true);
    page = await session.context.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  const yellow = async () => (await drawnHighlights(page))['crisscross-yellow'] ?? [];

  it('records the address that redirected to the post among the clip’s aliases', async () => {
    blog.redirect('old-address', POST);
    await page.goto(blog.url('old-address'));
    expect(page.url()).toBe(blog.url(POST));
    await highlightWithNote(page, POST_QUOTE, 'Mastery first.');
    await expect.poll(yellow).toEqual([POST_QUOTE]);

    const popup = await session.openPopup(await session.tabIdOf(page));
    await expect
      .poll(async () => (await storedClips(popup)).find((clip) => clip.url === blog.url(POST))?.aliases)
      .toContain(blog.url('old-address'));
    await popup.close();
  });

  it('draws a highlight saved at an address that now redirects to the page’s new address', async () => {
    // The post first lives at an archive address, where it is highlighted…
    const archived = 'archive/2011/please-understand-me.html';
    blog.override(archived, readFileSync(join(SEED_BLOG, MOVED), 'utf8'));
    await page.goto(blog.url(archived));
    await highlightWithNote(page, MOVED_QUOTE, 'Job hunting moved online.');
    await expect.poll(yellow).toEqual([MOVED_QUOTE]);

    // …then the site moves it: the archive address redirects to the new one.
    blog.redirect(archived, MOVED);
    await page.goto('about:blank');
    expect(await yellow()).toEqual([]);
    await page.goto(blog.url(archived));
    expect(page.url()).toBe(blog.url(MOVED));
    await expect.poll(yellow).toEqual([MOVED_QUOTE]);

    // The popup of that tab lists it, and a later visit straight to the new address draws it too.
    const popup = await session.openPopup(await session.tabIdOf(page));
    await expect.poll(() => popup.getByRole('list', { name: 'Highlights' }).textContent()).toContain(MOVED_QUOTE);
    await popup.close();
    const direct = await session.context.newPage();
    await direct.goto(blog.url(MOVED));
    await expect.poll(async () => (await drawnHighlights(direct))['crisscross-yellow'] ?? []).toEqual([MOVED_QUOTE]);
    await direct.close();
  });
});
