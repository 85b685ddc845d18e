// The library's Connections page in real Chromium: seed posts clipped with their tags ("social
// media", "google"), the graph's dots and lines, the strongest cross-topic connections, the topic
// pair filter and its bridges, opening an item from the graph by keyboard, renaming and merging tags,
// and axe-core checks in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startBlogServer, type BlogServer } from './blog-server';
import { seedPosts } from './paths';
import { launchExtension, type ExtensionSession } from './extension';
import { clipThroughPopup } from './user-actions';

// Every post of the seed blog: connections need a library where common words can be told from distinctive ones.
const POSTS = seedPosts();
const GOOGLE_POSTS = POSTS.filter((post) => post.tags.includes('google')).length;
const CHROME_POST = 'Google Chrome’s innovation: Focus on what matters and make it relevant';
// A pair a curator makes (eval/seed-blog-labels.json): winning customers, and fast customer service.
const CUSTOMERS_POST = '3 Ways to help customers win';
const FAST_RESPONSE_POST = 'Fast response is the new normal in customer service';
const BOTH_TOPICS_POST = 'Why every customer service “success” on social media is really a customer service failure';

describe('the Connections page', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let library: Page;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    const page = await session.context.newPage();
    await clipThroughPopup(
      session,
      blog,
      page,
      POSTS.map((post) => post.path),
    );
    await page.close();
    library = await session.context.newPage();
    await library.setViewportSize({ width: 1200, height: 900 });
  }, 300_000);
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  const open = async () => {
    await library.goto('about:blank');
    await library.goto(`chrome-extension://${session.extensionId}/library.html#/`);
    await library.getByRole('navigation', { name: 'Library sections' }).getByRole('link', { name: 'Connections' }).click();
    await expect.poll(() => library.getByRole('heading', { level: 1, name: 'Connections' }).count()).toBe(1);
  };
  const graph = () => library.getByRole('group', { name: /^Connection graph/ });
  const table = () => library.getByRole('table', { name: 'Strongest connections' });
  /** The table's rows as [item, topic, connected item, topic] cells. */
  const rows = () =>
    table()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent ?? '')));

  it('draws topics, items as dots and cross-topic lines, and lists the strongest connections', async () => {
    await open();
    await expect.poll(() => graph().locator('a.graph-item').count(), { timeout: 20_000 }).toBe(POSTS.length);
    expect(await graph().locator('.connection-line').count()).toBeGreaterThan(0);
    // The post under both tags is a bridge: its name says so, and it is drawn with a ring.
    expect(
      await graph()
        .getByRole('link', { name: `${BOTH_TOPICS_POST}, topics social media and google, 0 connections` })
        .count(),
    ).toBe(1);
    expect(await graph().locator('.bridge-ring').count()).toBe(1);
    expect(await library.getByRole('list', { name: 'Topics' }).textContent()).toContain('google');

    await expect.poll(async () => (await rows()).length).toBeGreaterThan(0);
    const cross = (await rows()).filter(([, topicA, , topicB]) => topicA !== topicB);
    expect(cross.length).toBe((await rows()).length);
    expect(cross.some(([a, , b]) => [a, b].sort().join('|') === [CUSTOMERS_POST, FAST_RESPONSE_POST].sort().join('|'))).toBe(true);
    expect(await table().locator('.shared-terms').first().textContent()).not.toBe('');
  });

  it('filters by a pair of topics and says what bridges them', async () => {
    await open();
    await library.getByLabel('First topic').selectOption('google');
    await library.getByLabel('Second topic').selectOption('social media');
    const bridges = library.getByRole('region', { name: 'Bridges between google and social media' });
    await expect.poll(() => bridges.getByRole('list', { name: 'In both topics' }).textContent()).toContain(BOTH_TOPICS_POST);
    await expect.poll(() => bridges.getByRole('list', { name: 'Words distinctive in both' }).locator('li').count()).toBeGreaterThan(0);
    for (const [, topicA, , topicB] of await rows()) expect([topicA, topicB].sort()).toEqual(['google', 'social media']);

    // One topic only: only its dots are drawn.
    await library.getByLabel('Second topic').selectOption('');
    await expect.poll(() => graph().locator('a.graph-item').count()).toBe(GOOGLE_POSTS);
  });

  it('opens an item from the graph with the keyboard', async () => {
    await open();
    const dot = graph().getByRole('link', { name: new RegExp(`^${CHROME_POST}, topic google, \\d+ connections?$`) });
    await expect.poll(() => dot.count(), { timeout: 20_000 }).toBe(1);
    await library.getByRole('button', { name: 'Zoom in' }).click();
    await dot.focus();
    await library.keyboard.press('-');
    await expect.poll(() => library.getByRole('button', { name: 'Reset zoom' }).isDisabled()).toBe(true);
    await library.keyboard.press('+');
    await expect.poll(() => library.getByRole('button', { name: 'Reset zoom' }).isDisabled()).toBe(false);
    await library.keyboard.press('Enter');
    await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(CHROME_POST);
  });

  it('passes axe in light and dark', async () => {
    await open();
    await expect.poll(() => graph().locator('a.graph-item').count(), { timeout: 20_000 }).toBe(POSTS.length);
    await library.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    expect(await axeViolations(library)).toEqual([]);
    await library.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    expect(await axeViolations(library)).toEqual([]);
    await library.evaluate(() => delete document.documentElement.dataset.theme);
  });

  it('renames a tag, then merges two, and the connections follow', async () => {
    await open();
    const tags = library.getByRole('region', { name: 'Tags' });
    await expect.poll(() => tags.getByRole('table').locator('tbody tr').count()).toBe(2);
    await tags.getByLabel('Tag to rename').selectOption('google');
    await tags.getByLabel('New name').fill('search engines');
    await tags.getByRole('button', { name: 'Rename' }).click();
    await expect
      .poll(() => tags.getByRole('status').textContent())
      .toBe(`Renamed “google” to “search engines” on ${GOOGLE_POSTS} clips and 0 highlights.`);
    await expect.poll(async () => (await rows()).flat()).toContain('search engines');
    expect((await rows()).flat()).not.toContain('google');

    await tags.getByLabel('Tag to rename').selectOption('search engines');
    await tags.getByLabel('New name').fill('social media');
    await tags.getByRole('button', { name: 'Merge' }).click();
    await expect
      .poll(() => tags.getByRole('status').textContent())
      .toBe(`Merged “search engines” into “social media” on ${GOOGLE_POSTS} clips and 0 highlights.`);
    await expect.poll(() => tags.getByRole('table').locator('tbody tr').allTextContents()).toEqual([`social media${POSTS.length}0`]);
    // One topic left: nothing is cross-topic any more.
    await expect
      .poll(() => library.getByRole('region', { name: 'Strongest connections' }).textContent())
      .toContain('No cross-topic connections yet');
  });
});
