// What a user does again and again in these tests, done through the real UI: clip pages from the
// popup, highlight a passage with a note.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { BlogServer } from './blog-server';
import type { ExtensionSession } from './extension';
import { clickControl, isControlVisible, selectPhrase } from './page-ui';

/** Opens each path of the blog in `page` and clips it through the popup. */
export async function clipThroughPopup(session: ExtensionSession, blog: BlogServer, page: Page, paths: string[]): Promise<void> {
  for (const path of paths) {
    await page.goto(blog.url(path));
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: /^Clip page/ }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await popup.close();
  }
}

/** Selects `phrase` on the page and highlights it with `note` from the on-page toolbar. */
export async function highlightWithNote(page: Page, phrase: string, note: string): Promise<void> {
  await selectPhrase(page, phrase);
  await clickControl(page, 'Highlight with note');
  await expect.poll(() => isControlVisible(page, 'Note')).toBe(true);
  await page.keyboard.type(note);
  await clickControl(page, 'Save note');
  await page.waitForTimeout(300);
}
