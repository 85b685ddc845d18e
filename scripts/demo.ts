// The demo: serves the seed blog on 127.0.0.1, loads the built extension into Chromium (headless when
// there is no display), walks the main job, and writes screenshots to demo-out/.
import { mkdir, rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { startBlogServer } from '../test/e2e/blog-server';
import { seedPosts } from '../test/e2e/paths';
import { launchExtension } from '../test/e2e/extension';
import { clickControl, isControlVisible, selectPhrase } from '../test/e2e/page-ui';

const OUT = 'demo-out';
const headless = !process.env.DISPLAY;
const pages = seedPosts();

// Screenshots from an earlier walk would otherwise linger beside this one's under other step numbers.
await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
const blog = await startBlogServer();
const session = await launchExtension(undefined, { headless });
let step = 0;
const shot = async (page: Page, name: string) => {
  const file = `${OUT}/${String(++step).padStart(2, '0')}-${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
};

try {
  console.log(`Crisscross demo (${headless ? 'headless' : 'windowed'} Chromium), blog at ${blog.origin}`);

  console.log('1. Open a post and the popup before clipping');
  const first = await session.context.newPage();
  await first.goto(blog.url(pages[0]!.path));
  const popup = await session.openPopup(await session.tabIdOf(first));
  await popup.getByText('Not saved yet').waitFor();
  await shot(popup, 'popup-empty-library');

  console.log(`2. Clip every post (${pages.length}) through the popup`);
  for (const { path, title } of pages) {
    const post = await session.context.newPage();
    await post.goto(blog.url(path));
    const clipPopup = await session.openPopup(await session.tabIdOf(post));
    await clipPopup.getByRole('button', { name: /^Clip page/ }).click();
    await clipPopup
      .getByRole('status')
      .filter({ hasText: /Saved|Updated/ })
      .waitFor();
    console.log(`  ${(await clipPopup.getByRole('status').textContent())?.trim() ?? title}`);
    if (path === pages[0]!.path) await shot(clipPopup, 'popup-clipped');
    await clipPopup.close();
    await post.close();
  }

  console.log('3. The popup lists the recent clips');
  const recent = await session.openPopup(await session.tabIdOf(first));
  await recent.getByRole('region', { name: 'Recent clips' }).getByRole('link').first().waitFor();
  await shot(recent, 'popup-recent-clips');

  console.log('4. Highlight a passage with a note, and see it listed and drawn again after a reload');
  const reading = await session.context.newPage();
  await reading.setViewportSize({ width: 1100, height: 800 });
  await reading.goto(blog.url('posts/fast-response-is-the-new-normal-in-customer-service.html'));
  await selectPhrase(reading, 'Customer Service is the new marketing because your customers don’t live on your time');
  await clickControl(reading, 'Highlight with note');
  while (!(await isControlVisible(reading, 'Note'))) await reading.waitForTimeout(50);
  await reading.keyboard.type('Service as marketing: compare with the post on Chrome’s speed.');
  await shot(reading, 'page-note-editor');
  await clickControl(reading, 'Save note');
  await reading.reload();
  await reading.waitForTimeout(500);
  await reading.screenshot({ path: `${OUT}/${String(++step).padStart(2, '0')}-page-highlight-redrawn.png` });
  console.log(`  screenshot ${OUT}/${String(step).padStart(2, '0')}-page-highlight-redrawn.png`);
  const withHighlights = await session.openPopup(await session.tabIdOf(reading));
  await withHighlights.getByRole('list', { name: 'Highlights' }).waitFor();
  await shot(withHighlights, 'popup-page-highlights');

  console.log('5. Search as you type from the popup');
  const searching = await session.openPopup(await session.tabIdOf(reading));
  await searching.getByRole('searchbox', { name: 'Search' }).pressSequentially('custmer serv', { delay: 40 });
  await searching.getByRole('listbox', { name: 'Results' }).getByRole('option').first().waitFor();
  await searching.waitForTimeout(400);
  await shot(searching, 'popup-search');

  console.log('6. The library: list, reader with highlights, settings');
  const library = await session.context.newPage();
  await library.setViewportSize({ width: 1200, height: 800 });
  await library.goto(`chrome-extension://${session.extensionId}/library.html#/`);
  await library.getByRole('list', { name: 'Clips' }).locator('.row-title').first().waitFor();
  await library.screenshot({ path: `${OUT}/${String(++step).padStart(2, '0')}-library-list.png` });
  console.log(`  screenshot ${OUT}/${String(step).padStart(2, '0')}-library-list.png`);
  // A range selected with Shift+click, and the bulk actions it offers.
  const selectBoxes = library.getByRole('list', { name: 'Clips' }).getByRole('checkbox', { name: /^Select / });
  await selectBoxes.nth(0).click();
  await selectBoxes.nth(2).click({ modifiers: ['Shift'] });
  const bulk = library.getByRole('region', { name: 'Selected items' });
  await bulk.getByText('3 selected').waitFor();
  await library.screenshot({ path: `${OUT}/${String(++step).padStart(2, '0')}-library-selection.png` });
  console.log(`  screenshot ${OUT}/${String(step).padStart(2, '0')}-library-selection.png`);
  await bulk.getByRole('button', { name: 'Clear selection' }).click();
  await library.getByRole('radio', { name: 'Highlights' }).click();
  await library.getByRole('list', { name: 'Highlights' }).locator('.row-title').first().click();
  await library.getByRole('heading', { level: 1 }).filter({ hasText: 'Fast response' }).waitFor();
  await library.waitForTimeout(300);
  await library.screenshot({ path: `${OUT}/${String(++step).padStart(2, '0')}-library-reader.png` });
  console.log(`  screenshot ${OUT}/${String(step).padStart(2, '0')}-library-reader.png`);
  await library.goto(`chrome-extension://${session.extensionId}/library.html#/settings`);
  await library.getByRole('radio', { name: 'Dark' }).check();
  await library.waitForTimeout(200);
  await shot(library, 'library-settings-dark');
  await library.getByRole('radio', { name: 'Same as the system' }).check();

  console.log('7. The connection graph: topics, items, cross-topic lines and bridges');
  await library.goto(`chrome-extension://${session.extensionId}/library.html#/connections`);
  await library.locator('a.graph-item').first().waitFor();
  await library.waitForTimeout(300);
  await shot(library, 'library-connections');

  console.log('8. A browser page gets a clear message');
  const internal = await session.context.newPage();
  await internal.goto('chrome://version/');
  const restricted = await session.openPopup(await session.tabIdOf(internal));
  await restricted.getByRole('note').waitFor();
  console.log(`  ${await restricted.getByRole('note').textContent()}`);
  await shot(restricted, 'popup-browser-page');

  console.log(`Done. Screenshots are in ${OUT}/`);
} finally {
  await session.close();
  await blog.close();
}
