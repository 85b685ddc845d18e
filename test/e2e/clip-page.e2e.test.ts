// Clipping pages through the popup, in real Chromium with the built extension (dist/chrome).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, newProfileDir, type ExtensionSession } from './extension';
import { storedClips } from './storage-peek';

const POST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';
const TITLE = 'Fast response is the new normal in customer service';
const OTHER_POST = 'posts/please-understand-me.html';
const OTHER_TITLE = 'Please understand me';

describe('clipping a page', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let profileDir: string;

  beforeAll(async () => {
    blog = await startBlogServer();
    profileDir = await newProfileDir();
    session = await launchExtension(profileDir);
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  async function openTab(path: string): Promise<{ page: Page; tabId: number }> {
    const page = await session.context.newPage();
    await page.goto(blog.url(path));
    return { page, tabId: await session.tabIdOf(page) };
  }

  async function clipThroughPopup(tabId: number, timeout = 5_000): Promise<Page> {
    const popup = await session.openPopup(tabId);
    await popup.getByRole('button', { name: /^Clip page/ }).click();
    await expect.poll(() => popup.getByRole('status').textContent(), { timeout }).toMatch(/Saved|Updated/);
    return popup;
  }

  const recentTitles = (popup: Page) => popup.getByRole('region', { name: 'Recent clips' }).getByRole('link').allTextContents();

  it('shows an empty library helpfully before anything is saved', async () => {
    const { tabId } = await openTab(POST);
    const popup = await session.openPopup(tabId);
    await expect.poll(() => popup.getByText('Not saved yet').count()).toBe(1);
    await expect.poll(() => popup.getByText(/Nothing saved yet/).count()).toBe(1);
    // The search box has focus, so typing searches at once; the clip button is one Tab away.
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search');
    await popup.close();
  });

  it('clips a post from the popup, lists it, and stores its clean article text', async () => {
    const { tabId } = await openTab(POST);
    const popup = await session.openPopup(tabId);
    await expect.poll(() => popup.getByText('Not saved yet').count()).toBe(1);
    await popup.getByRole('button', { name: 'Clip page' }).focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('status').textContent()).toContain(`Saved “${TITLE}”`);
    await expect.poll(() => recentTitles(popup)).toEqual([expect.stringContaining(TITLE)]);
    await expect.poll(() => popup.getByTestId('page-saved-state').textContent()).toBe('Saved today');

    const [clip, ...rest] = await storedClips(popup);
    expect(rest).toHaveLength(0);
    expect(clip).toMatchObject({ title: TITLE, url: blog.url(POST), canonicalUrl: `http://dots.example/${POST}`, source: 'article' });
    expect(clip!.text).toContain('Fast response when we have a problem.');
    for (const furniture of ['Subscribe', 'Leave a reply', 'Recent posts', 'Powered by a blog engine'])
      expect(clip!.text).not.toContain(furniture);
    expect(clip!.html).not.toMatch(/<script|<form|onclick/i);
    await popup.close();
  });

  it('updates the clip when the same page is clipped again', async () => {
    const { tabId } = await openTab(POST);
    const popup = await clipThroughPopup(tabId);
    await expect.poll(() => popup.getByRole('status').textContent()).toContain(`Updated “${TITLE}”`);
    expect(await storedClips(popup)).toHaveLength(1);
    await popup.close();
  });

  it('loses nothing when the service worker is stopped, and works again at once', async () => {
    await session.stopServiceWorker();
    const { tabId } = await openTab(OTHER_POST);
    const popup = await session.openPopup(tabId);
    await expect.poll(() => recentTitles(popup)).toEqual([expect.stringContaining(TITLE)]);
    await popup.getByRole('button', { name: 'Clip page' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain(`Saved “${OTHER_TITLE}”`);
    await expect.poll(() => recentTitles(popup)).toEqual([expect.stringContaining(OTHER_TITLE), expect.stringContaining(TITLE)]);
    await popup.close();
  });

  it('opens a clip’s page from the recent list', async () => {
    const popup = await session.openPopup(null);
    const opened = session.context.waitForEvent('page');
    await popup.getByRole('link', { name: new RegExp(OTHER_TITLE) }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(page.url()).toBe(blog.url(OTHER_POST));
  });

  it('gives a clear message on a browser page, with no clip button and nothing written', async () => {
    const page = await session.context.newPage();
    await page.goto('chrome://version/');
    const tabId = await session.tabIdOf(page);
    const before = session.errors.length;
    const popup = await session.openPopup(tabId);
    await expect.poll(() => popup.getByRole('note').textContent()).toContain('browser page');
    expect(await popup.getByRole('button', { name: /Clip page/ }).count()).toBe(0);
    expect(await storedClips(popup)).toHaveLength(2);
    expect(session.errors.slice(before)).toEqual([]);
    await popup.close();
  });

  it('clips a page with no article as its readable text and says so', async () => {
    blog.override(
      'dashboard.html',
      '<!doctype html><title>Status board</title><nav>Home · Settings</nav><div><b>Deploys:</b> all green today</div><footer>© Us</footer>',
    );
    const { tabId } = await openTab('dashboard.html');
    const popup = await clipThroughPopup(tabId);
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toContain('No article was found on this page, so its readable text was saved.');
    const clip = (await storedClips(popup)).find((stored) => stored.title === 'Status board');
    expect(clip).toMatchObject({ source: 'body', text: 'Deploys: all green today' });
    await popup.close();
  });

  it('clips a 10 MB page within the limits, tells the user, and the page stays responsive', async () => {
    const paragraph = `<p>${'A very large page of text that goes on and on. '.repeat(40)}</p>\n`;
    blog.override(
      'huge.html',
      `<!doctype html><title>Huge page</title><body>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}</body>`,
    );
    const { page, tabId } = await openTab('huge.html');
    const popup = await clipThroughPopup(tabId, 30_000);
    await expect
      .poll(() => popup.getByRole('status').textContent())
      .toMatch(/very large: the first 1,000,000 of [\d,]{9,} characters were saved/);
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(2_000);
    const clip = (await storedClips(popup)).find((stored) => stored.title === 'Huge page');
    expect(clip?.text.length).toBe(1_000_000);
    expect(clip?.truncated?.totalChars).toBeGreaterThan(9_500_000);
    await popup.close();
  });
});

describe('after a browser restart', () => {
  it('keeps every clip in the same profile', async () => {
    const profileDir = await newProfileDir();
    const blog = await startBlogServer();
    let session = await launchExtension(profileDir);
    const page = await session.context.newPage();
    await page.goto(blog.url(POST));
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: 'Clip page' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('Saved');
    await session.context.close();

    session = await launchExtension(profileDir);
    try {
      const again = await session.openPopup(null);
      await expect
        .poll(() => again.getByRole('region', { name: 'Recent clips' }).getByRole('link').allTextContents())
        .toEqual([expect.stringContaining(TITLE)]);
    } finally {
      await session.close();
      await blog.close();
    }
  });
});
