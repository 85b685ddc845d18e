// Searching from the popup, in real Chromium: as-you-type results with snippets, keyboard opening,
// filters, a worker restart, and new clips found at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { seedPosts } from './paths';
import { launchExtension, type ExtensionSession } from './extension';
import { clickControl, isControlVisible, selectPhrase } from './page-ui';
import { clipThroughPopup } from './user-actions';
import { exportJsonText } from './worker-transfer';

const posts = seedPosts();
const FAST = 'Fast response is the new normal in customer service';

describe('search from the popup', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let tabId: number;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    const page = await session.context.newPage();
    await clipThroughPopup(
      session,
      blog,
      page,
      posts.map((post) => post.path),
    );
    tabId = await session.tabIdOf(page);
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  async function searchFor(query: string): Promise<Page> {
    const popup = await session.openPopup(tabId);
    const box = popup.getByRole('searchbox', { name: 'Search' });
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');
    await box.pressSequentially(query, { delay: 20 });
    return popup;
  }
  const options = (popup: Page) => popup.getByRole('listbox', { name: 'Results' }).getByRole('option');
  const titles = (popup: Page) => options(popup).locator('.clip-title').allTextContents();

  it('finds posts as you type, with typos, ranked, with the matched words marked', async () => {
    const popup = await searchFor('custmer serv');
    await expect.poll(() => titles(popup)).toContain(FAST);
    const all = await titles(popup);
    expect(all).toContain('Why every customer service “success” on social media is really a customer service failure');
    expect(all).not.toContain('Can mastery and innovation coexist?');
    const marks = await options(popup).first().locator('mark').allTextContents();
    expect(marks.map((mark) => mark.toLowerCase())).toEqual(expect.arrayContaining([expect.stringMatching(/^custom/)]));
    await popup.close();
  });

  it('moves with the arrow keys and opens the chosen page with Enter', async () => {
    const popup = await searchFor('innovation');
    await expect.poll(() => titles(popup)).toContain('Google Chrome’s innovation: Focus on what matters and make it relevant');
    // Wait for the article-text answer, which may reorder the quick one.
    await expect.poll(() => popup.getByRole('status').textContent()).not.toContain('article text follows');
    const wanted = (await titles(popup))[1]!;
    await popup.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        popup.getByRole('listbox', { name: 'Results' }).getByRole('option', { selected: true }).locator('.clip-title').textContent(),
      )
      .toBe(wanted);
    // Opening a result closes the popup (here a tab), so the key press may see its page go.
    const [page] = await Promise.all([session.context.waitForEvent('page'), popup.keyboard.press('Enter').catch(() => undefined)]);
    await page.waitForLoadState();
    expect(await page.title()).toContain(wanted.slice(0, 20));
  });

  it('filters by tag typed in the box and by the type filter', async () => {
    const popup = await searchFor('tag:google');
    const google = posts.filter((post) => post.tags.includes('google')).map((post) => post.title);
    await expect.poll(async () => (await titles(popup)).sort()).toEqual([...google].sort());
    await popup.close();

    const typed = await searchFor('innovation');
    await expect.poll(() => options(typed).count()).toBeGreaterThan(0);
    await typed.getByText('Filters').click();
    await typed.getByLabel('Type').selectOption('highlight');
    await expect.poll(() => typed.getByRole('status').textContent()).toContain('Nothing matches');
    await typed.close();
  });

  it('says so when nothing matches', async () => {
    const popup = await searchFor('xylophonequartz');
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Nothing matches “xylophonequartz”');
    await popup.close();
  });

  it('finds the same after the worker restarts, and finds a new clip and a new note at once', async () => {
    const before = await searchFor('crowdsourcing');
    await expect.poll(() => titles(before)).toContain('Lessons from a crowdsourcing experiment');
    const expected = await titles(before);
    await before.close();
    await session.stopServiceWorker();
    const after = await searchFor('crowdsourcing');
    await expect.poll(() => titles(after)).toEqual(expected);
    await after.close();

    blog.override(
      'zebra.html',
      '<!doctype html><title>Zebra crossings and pedestrian safety</title><article><h1>Zebra crossings</h1><p>' +
        'Pedestrians cross where drivers expect them. '.repeat(20) +
        '</p></article>',
    );
    const page = await session.context.newPage();
    await page.goto(blog.url('zebra.html'));
    const clipPopup = await session.openPopup(await session.tabIdOf(page));
    await clipPopup.getByRole('button', { name: 'Clip page' }).click();
    await clipPopup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await clipPopup.close();
    const fresh = await searchFor('zebra');
    await expect.poll(() => titles(fresh)).toEqual(['Zebra crossings']);
    await fresh.close();

    await selectPhrase(page, 'Pedestrians cross where drivers expect them.');
    await clickControl(page, 'Highlight with note');
    await expect.poll(() => isControlVisible(page, 'Note')).toBe(true);
    await page.keyboard.type('marmalade thought');
    await clickControl(page, 'Save note');
    const note = await searchFor('marmalade');
    await expect.poll(() => options(note).locator('.badge').allTextContents()).toEqual(['Highlight']);
    const [highlighted] = await Promise.all([session.context.waitForEvent('page'), note.keyboard.press('Enter').catch(() => undefined)]);
    // The page opens scrolled to the highlight, with the browser's own text fragment.
    expect(decodeURIComponent(highlighted.url())).toContain('#:~:text=Pedestrians cross where drivers');
  });
});

describe('connections in the popup', () => {
  let blog: BlogServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    const page = await session.context.newPage();
    await clipThroughPopup(
      session,
      blog,
      page,
      posts.map((post) => post.path),
    );
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  it('shows a cross-topic connection with its shared terms, confirms it, and exports it', async () => {
    const page = await session.context.newPage();
    await page.goto(blog.url('posts/lets-think-about-what-weve-never-thought-about.html'));
    const popup = await session.openPopup(await session.tabIdOf(page));
    const region = popup.getByRole('region', { name: 'Connections' });
    const list = region.getByRole('list', { name: 'Connections' });
    await expect
      .poll(() => list.locator('.clip-title').allTextContents(), { timeout: 15_000 })
      .toContain('Infographic: Most Disruptive companies in tech by the numbers');
    const item = list.getByRole('listitem').filter({ hasText: 'Infographic' });
    expect(await item.locator('.shared-terms').textContent()).toMatch(/disruptive/);
    await item.getByText('Why they connect').click();
    expect(await item.locator('.passage-text mark').count()).toBeGreaterThan(0);

    await item.getByRole('button', { name: /^Confirm connection/ }).click();
    await expect.poll(() => item.locator('.clip-meta').textContent()).toContain('confirmed');
    const exported = await exportJsonText(popup);
    const links = (JSON.parse(exported) as { links: { status: string; terms: string[] }[] }).links;
    expect(links).toEqual([expect.objectContaining({ status: 'confirmed', terms: expect.arrayContaining(['disruptive']) })]);
  });
});
