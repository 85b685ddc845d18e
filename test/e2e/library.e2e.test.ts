// The library page in real Chromium: onboarding, the list with sort and filters, the reader with its
// highlights, settings and theme, keyboard use, and axe-core accessibility checks in light and dark.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { clipThroughPopup, highlightWithNote } from './user-actions';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const POSTS = [
  'posts/fast-response-is-the-new-normal-in-customer-service.html',
  'posts/google-chromes-innovation-focus-on-what-matters-and-make-it-relevant.html',
  'posts/please-understand-me.html',
];

/** Serious and critical axe-core violations on the page, as "rule: target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

describe('the library page', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let library: Page;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    library = await session.context.newPage();
    await library.setViewportSize({ width: 1200, height: 900 });
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  const open = async (hash = '#/') => {
    // A fresh load each time, as a user opening the library would get.
    await library.goto('about:blank');
    await library.goto(`chrome-extension://${session.extensionId}/library.html${hash}`);
  };

  it('shows onboarding with the shortcuts when the library is empty', async () => {
    await open();
    await expect.poll(() => library.getByRole('heading', { name: 'Your library is empty' }).count()).toBe(1);
    expect(await library.locator('.onboarding').textContent()).toContain('Alt+Shift+S');
    expect(await axeViolations(library)).toEqual([]);
  });

  it('lists clips, sorts them, and searches with filters', async () => {
    const page = await session.context.newPage();
    await clipThroughPopup(session, blog, page, POSTS);
    await highlightWithNote(page, 'I have a few friends who are looking for a job', 'A plea for empathy');

    await open();
    const rows = library.getByRole('list', { name: 'Clips' }).locator('.row-title');
    await expect.poll(() => rows.count()).toBe(3);
    await library.getByLabel('Sort by').selectOption('title');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual([
        'Fast response is the new normal in customer service',
        'Google Chrome’s innovation: Focus on what matters and make it relevant',
        'Please understand me',
      ]);
    await library.getByRole('radio', { name: 'Highlights' }).click();
    await expect
      .poll(() => library.getByRole('list', { name: 'Highlights' }).locator('.row-summary').allTextContents())
      .toEqual(['A plea for empathy']);
    expect(await axeViolations(library)).toEqual([]);

    await library.getByRole('searchbox', { name: 'Search' }).fill('tag:google');
    await expect
      .poll(() => library.getByRole('listbox', { name: 'Results' }).locator('.clip-title').allTextContents())
      .toEqual(['Google Chrome’s innovation: Focus on what matters and make it relevant']);

    // Filters without words narrow the sorted list itself.
    await library.getByRole('searchbox', { name: 'Search' }).fill('');
    await library.getByRole('radio', { name: 'Clips' }).click();
    await library.getByText('Filters', { exact: true }).click();
    await library.getByLabel('Tag', { exact: true }).fill('social media');
    await library.getByLabel('Tag', { exact: true }).press('Tab');
    await expect.poll(() => library.locator('.list-controls [role="status"]').textContent()).toBe('2 clips match the filters');
    await expect
      .poll(() => rows.allTextContents())
      .toEqual(['Fast response is the new normal in customer service', 'Please understand me']);
  });

  it('opens a clip in the reader with its highlight drawn, using the keyboard only', async () => {
    await open();
    await library.getByRole('radio', { name: 'Highlights' }).click();
    const first = library.getByRole('list', { name: 'Highlights' }).locator('.row-title').first();
    await first.focus();
    await library.keyboard.press('Enter');
    // Generous waits: this machine is shared, and the reader anchors its highlights after loading.
    await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe('Please understand me');
    const drawn = () =>
      library.evaluate(() =>
        [...((CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('crisscross-yellow') ?? [])].map((r) =>
          r.toString(),
        ),
      );
    await expect.poll(drawn, { timeout: 15_000 }).toEqual(['I have a few friends who are looking for a job']);
    expect(await library.getByRole('list', { name: 'Highlights' }).textContent()).toContain('A plea for empathy');
    // No scripts and no remote images in the reader: images are off until the user allows them.
    expect(await library.locator('.reader-article script, .reader-article img').count()).toBe(0);
    expect(await axeViolations(library)).toEqual([]);
  });

  it('switches theme in settings, shows storage and shortcuts, and passes axe in light and dark', async () => {
    await open('#/settings');
    await expect.poll(() => library.getByRole('heading', { name: 'Settings' }).count()).toBe(1);
    await expect.poll(() => library.locator('.shortcuts').textContent()).toContain('Clip page to Crisscross');
    await expect.poll(() => library.getByText(/Crisscross uses .* MB of the .* MB/).count()).toBe(1);
    await library.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => library.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeViolations(library)).toEqual([]);
    await open('#/');
    await expect.poll(() => library.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await axeViolations(library)).toEqual([]);
    await open('#/settings');
    await library.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => library.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    expect(await axeViolations(library)).toEqual([]);
  });
});
