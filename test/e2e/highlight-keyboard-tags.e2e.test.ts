// The on-page toolbar and note editor from the keyboard alone, and tags on highlights, in real Chromium.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, newProfileDir, type ExtensionSession } from './extension';
import { clickDrawnHighlight, controlStyle, drawnHighlights, focusedControl, isControlVisible } from './page-ui';
import { storedHighlights } from './storage-peek';

const POST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';
const QUOTE = 'Customer Service is the new marketing';
const NOTE = 'Typed without a mouse.';

/** Puts the caret at the start of `phrase`, where a reader using caret browsing (F7) would move it. */
async function putCaretBefore(page: Page, phrase: string): Promise<void> {
  const found = await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      getSelection()!.collapse(node, at);
      return true;
    }
    return false;
  }, phrase);
  if (!found) throw new Error(`"${phrase}" is not on the page`);
}

/** Selects `length` characters from the caret with Shift+Right, one key press per character. */
async function selectWithKeyboard(page: Page, length: number): Promise<void> {
  for (let i = 0; i < length; i++) await page.keyboard.press('Shift+ArrowRight');
}

describe('highlight toolbar from the keyboard, and tags', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let profile: string;
  let post: Page;
  let tabId: number;

  beforeAll(async () => {
    blog = await startBlogServer();
    // Caret browsing on, as keyboard-only readers have it: Shift+arrows then select page text.
    profile = await newProfileDir();
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ settings: { a11y: { caretbrowsing: { enabled: true } } } }));
    session = await launchExtension(profile);
    post = await session.context.newPage();
    await post.goto(blog.url(POST));
    tabId = await session.tabIdOf(post);
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const selection = () => post.evaluate(() => getSelection()?.toString() ?? '');
  const stored = async () => {
    const popup = await session.openPopup(tabId);
    const highlights = await storedHighlights(popup);
    await popup.close();
    return highlights;
  };

  it('shows the toolbar for a keyboard selection; Alt+Shift+N moves into it and Escape gives the selection back', async () => {
    await putCaretBefore(post, QUOTE);
    await selectWithKeyboard(post, QUOTE.length);
    expect(await selection()).toBe(QUOTE);
    await expect.poll(() => isControlVisible(post, 'Highlight with note')).toBe(true);
    expect(await focusedControl(post)).not.toBe('Highlight');

    await post.keyboard.press('Alt+Shift+N');
    await expect.poll(() => focusedControl(post)).toBe('Highlight');
    // Visible focus: the outline our stylesheet gives :focus-visible.
    expect(await controlStyle(post, 'Highlight', 'outline-style')).toBe('solid');
    await post.keyboard.press('ArrowRight');
    await expect.poll(() => focusedControl(post)).toBe('Highlight with note');

    await post.keyboard.press('Escape');
    await expect.poll(() => isControlVisible(post, 'Highlight with note')).toBe(false);
    expect(await selection()).toBe(QUOTE);
    expect(await post.evaluate(() => document.activeElement?.tagName)).not.toBe('CRISSCROSS-UI');
    expect(await stored()).toEqual([]);
  });

  it('highlights with a note using only the keyboard', async () => {
    expect(await selection()).toBe(QUOTE);
    await post.keyboard.press('Alt+Shift+N');
    await expect.poll(() => focusedControl(post)).toBe('Highlight');
    await post.keyboard.press('ArrowRight');
    await post.keyboard.press('Enter');
    await expect.poll(() => focusedControl(post)).toBe('Note');
    await post.keyboard.type(NOTE);
    await post.keyboard.press('Tab');
    expect(await focusedControl(post)).toBe('Tags');
    await post.keyboard.press('Tab');
    expect(await focusedControl(post)).toBe('Delete highlight');
    await post.keyboard.press('Tab');
    expect(await focusedControl(post)).toBe('Save note');
    await post.keyboard.press('Enter');

    await expect.poll(() => isControlVisible(post, 'Note')).toBe(false);
    // Focus is back on the page, where the reader was, not lost in a closed editor.
    expect(await post.evaluate(() => document.activeElement?.tagName)).not.toBe('CRISSCROSS-UI');
    await expect.poll(async () => (await drawnHighlights(post))['crisscross-yellow']).toEqual([QUOTE]);
    expect(await stored()).toEqual([expect.objectContaining({ text: QUOTE, note: NOTE, tags: [] })]);
  });

  it('adds tags in the note editor, stores them and shows them in the popup', async () => {
    await clickDrawnHighlight(post);
    await expect.poll(() => focusedControl(post)).toBe('Note');
    await post.keyboard.press('Tab');
    await post.keyboard.type('customer service, Speed,  customer service ');
    await post.keyboard.press('Enter');
    await expect.poll(() => isControlVisible(post, 'Tags')).toBe(false);
    expect(await stored()).toEqual([expect.objectContaining({ note: NOTE, tags: ['customer service', 'Speed'] })]);

    const popup = await session.openPopup(tabId);
    const tags = popup.getByRole('list', { name: 'Highlights' }).getByRole('list', { name: 'Tags' });
    await expect.poll(() => tags.getByRole('listitem').allTextContents()).toEqual(['customer service', 'Speed']);
    await popup.close();

    // The editor shows the saved tags when it opens again; a tag that is too long is refused in words.
    await clickDrawnHighlight(post);
    await post.keyboard.press('Tab');
    expect(await focusedControl(post)).toBe('Tags');
    await post.keyboard.press('End');
    await post.keyboard.type(`, ${'x'.repeat(61)}`);
    await post.keyboard.press('Enter');
    expect(await isControlVisible(post, 'Tags')).toBe(true);
    await post.keyboard.press('Escape');
    expect((await stored())[0]!.tags).toEqual(['customer service', 'Speed']);
  });
});
