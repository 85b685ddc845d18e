// Collections and tags through the real UI: from the popup (the page and its highlight) and the
// library (create, rename, reorder with the keyboard, remove and delete with undo), collection
// exports in every format as downloads, and axe-core on the new views in light and dark.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { clipThroughPopup, highlightWithNote } from './user-actions';

const FAST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';
const PLEASE = 'posts/please-understand-me.html';
const FAST_TITLE = 'Fast response is the new normal in customer service';
const PHRASE = 'I have a few friends who are looking for a job';

describe('collections and tags', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let library: Page;
  let post: Page;

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

  const open = async (hash: string) => {
    await library.goto('about:blank');
    await library.goto(`chrome-extension://${session.extensionId}/library.html${hash}`);
  };
  const status = (page: Page | Locator, text: RegExp | string) => page.getByRole('status').filter({ hasText: text });

  it('adds the page and its highlight to a new collection from the popup, and tags them with completion', async () => {
    post = await session.context.newPage();
    await clipThroughPopup(session, blog, post, [FAST, PLEASE]);
    await highlightWithNote(post, PHRASE, 'Job hunting, then and now');
    const popup = await session.openPopup(await session.tabIdOf(post));
    const card = popup.getByRole('region', { name: 'This page', exact: true });
    await expect.poll(() => card.getByText('In no collection yet').count()).toBe(1);
    // No collection yet: the choice starts at "New collection…".
    await card.getByLabel('New collection name').fill('Talk prep');
    await card.getByRole('button', { name: 'Add to collection' }).click();
    await status(popup, 'Added to the new collection “Talk prep”.').waitFor();
    await expect.poll(() => card.locator('.in-collections').textContent()).toBe('In “Talk prep”');

    const tagBox = card.getByLabel('Add a tag to this page');
    await tagBox.fill('hiring');
    await tagBox.press('Enter');
    await expect.poll(() => card.getByRole('list', { name: 'Tags of this page' }).textContent()).toContain('hiring');

    // The highlight, from its disclosure in the popup's list.
    const item = popup.getByRole('list', { name: 'Highlights' }).getByRole('listitem').first();
    await item.getByText('Tags and collections').click();
    await item.getByRole('combobox', { name: /^Collection/ }).selectOption({ label: 'Talk prep (1)' });
    await item.getByRole('button', { name: 'Add to collection' }).click();
    await status(item, 'Added 1 item to “Talk prep”.').waitFor();
    // Completion offers the tags in use: the blog's "social media" and the page's new "hiring".
    const highlightTags = item.getByRole('combobox', { name: /^Add a tag to highlight/ });
    await highlightTags.focus();
    const offered = () => item.locator('datalist option').evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    await expect.poll(offered).toEqual(expect.arrayContaining(['hiring', 'social media']));
    await highlightTags.fill('empathy');
    await highlightTags.press('Enter');
    await expect.poll(() => item.locator('.tags').textContent()).toContain('empathy');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('adds a clip from the reader, then lists, creates and renames collections in the library', async () => {
    await open('#/');
    await library.getByRole('link', { name: FAST_TITLE }).click();
    await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toBe(FAST_TITLE);
    const side = library.getByRole('complementary', { name: 'About this clip' });
    await side.getByRole('combobox', { name: /^Collection/ }).selectOption({ label: 'Talk prep (2)' });
    await side.getByRole('button', { name: 'Add to collection' }).click();
    await status(side, 'Added 1 item to “Talk prep”.').waitFor();

    await library.getByRole('link', { name: 'Collections' }).click();
    await expect.poll(() => library.getByRole('heading', { level: 1 }).textContent()).toBe('Collections');
    const list = library.getByRole('list', { name: 'Collections' });
    await expect.poll(() => list.textContent()).toContain('Talk prep 3 items');

    await library.getByLabel('Name', { exact: true }).fill('Reading list');
    await library.getByRole('button', { name: 'Create collection' }).click();
    await status(library, 'Created “Reading list”.').waitFor();
    await library.getByLabel('Name', { exact: true }).fill('reading LIST');
    await library.getByRole('button', { name: 'Create collection' }).click();
    await expect.poll(() => library.getByRole('alert').textContent()).toMatch(/already a collection named/);

    await list.getByRole('button', { name: 'Rename Talk prep' }).click();
    await list.getByLabel('Name', { exact: true }).fill('Keynote');
    await list.getByLabel('Description', { exact: true }).fill('For the March talk');
    await list.getByRole('button', { name: 'Save' }).click();
    await status(library, 'Saved “Keynote”.').waitFor();
    expect(await list.locator('a').allTextContents()).toEqual(['Keynote', 'Reading list']);
    expect(await axeViolations(library)).toEqual([]);

    // Search finds items by their collection's new name.
    await open('#/');
    await library.getByRole('searchbox', { name: 'Search' }).fill('collection:keynote type:clip');
    await expect
      .poll(() => library.getByRole('listbox', { name: 'Results' }).locator('.clip-title').allTextContents())
      .toEqual(expect.arrayContaining([FAST_TITLE, 'Please understand me']));
  });

  it('reorders with the keyboard, removes with undo, and deletes the collection with undo', async () => {
    await open('#/collections');
    await library.getByRole('link', { name: 'Keynote' }).click();
    const items = library.getByRole('list', { name: 'Items of Keynote' }).locator('.row-title');
    await expect.poll(() => items.allTextContents()).toEqual(['Please understand me', `“${PHRASE}”`, FAST_TITLE]);
    await library.getByRole('button', { name: `Move up: ${FAST_TITLE}` }).focus();
    await library.keyboard.press('Enter');
    await expect.poll(() => items.allTextContents()).toEqual(['Please understand me', FAST_TITLE, `“${PHRASE}”`]);
    // Focus stays on the moved item's button, so pressing again keeps moving it.
    await library.keyboard.press('Enter');
    await expect.poll(() => items.allTextContents()).toEqual([FAST_TITLE, 'Please understand me', `“${PHRASE}”`]);
    await expect.poll(() => library.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Move down: ${FAST_TITLE}`);

    await library.getByRole('button', { name: 'Remove from collection: Please understand me' }).click();
    await status(library, 'Removed 1 item from “Keynote”.').waitFor();
    await expect.poll(() => items.count()).toBe(2);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => items.allTextContents()).toEqual([FAST_TITLE, 'Please understand me', `“${PHRASE}”`]);
    expect(await axeViolations(library)).toEqual([]);

    await open('#/collections');
    await library.getByRole('button', { name: 'Delete Keynote' }).click();
    await status(library, 'Deleted the collection “Keynote”.').waitFor();
    const names = library.getByRole('list', { name: 'Collections' }).locator('a');
    await expect.poll(() => names.allTextContents()).toEqual(['Reading list']);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => names.allTextContents()).toEqual(['Keynote', 'Reading list']);
    await expect.poll(() => library.getByRole('list', { name: 'Collections' }).textContent()).toContain('For the March talk');
  });

  it('exports the collection in every format as downloads named after it', async () => {
    await open('#/collections');
    await library.getByRole('link', { name: 'Keynote' }).click();
    await library.getByRole('button', { name: 'Export collection' }).waitFor();
    const dir = await mkdtemp(join(tmpdir(), 'crisscross-collection-'));
    const files: Record<string, string> = {};
    for (const format of ['json', 'markdown', 'html', 'annotations', 'csv', 'bookmarks']) {
      await library.getByLabel('Export format').selectOption(format);
      const [download] = await Promise.all([
        library.waitForEvent('download'),
        library.getByRole('button', { name: 'Export collection' }).click(),
      ]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      files[format] = path;
      expect(download.suggestedFilename()).toMatch(/^crisscross-keynote-/);
    }
    await status(library, /Exported crisscross-keynote-/).waitFor();
    const json = JSON.parse(await readFile(files.json!, 'utf8'));
    expect(json.collections.map((c: { name: string }) => c.name)).toEqual(['Keynote']);
    expect(json.clips).toHaveLength(2);
    expect(json.highlights[0].tags).toEqual(['empathy']);
    expect((await readFile(files.markdown!)).includes(Buffer.from('Fast response is the new normal'))).toBe(true);
    expect(await readFile(files.html!, 'utf8')).toContain('Keynote');
    expect(await readFile(files.annotations!, 'utf8')).toContain(PHRASE);
    expect(await readFile(files.csv!, 'utf8')).toContain('Job hunting, then and now');
    expect(await readFile(files.bookmarks!, 'utf8')).toContain(FAST_TITLE);
  });

  it('bulk-tags, exports and deletes a selection in the library list, each undone', async () => {
    await open('#/');
    const rows = library.getByRole('list', { name: 'Clips' });
    await expect.poll(() => rows.locator('.row-title').count()).toBe(2);
    await library.getByRole('checkbox', { name: `Select ${FAST_TITLE}` }).check();
    await library.getByRole('checkbox', { name: 'Select Please understand me' }).check();
    const bulk = library.getByRole('region', { name: 'Selected items' });
    await expect.poll(() => bulk.textContent()).toContain('2 selected');
    expect(await axeViolations(library)).toEqual([]);

    await bulk.getByLabel('Tag', { exact: true }).fill('to read');
    await bulk.getByRole('button', { name: 'Add tag to selected' }).click();
    await status(bulk, 'Tagged 2 items “to read”.').waitFor();
    const metas = rows.locator('.row-meta');
    await expect.poll(() => metas.allTextContents()).toEqual([expect.stringContaining('to read'), expect.stringContaining('to read')]);
    await bulk.getByRole('button', { name: 'Undo' }).click();
    await status(bulk, 'Undone.').waitFor();
    await expect
      .poll(() => metas.allTextContents())
      .toEqual([expect.not.stringContaining('to read'), expect.not.stringContaining('to read')]);

    const [download] = await Promise.all([library.waitForEvent('download'), bulk.getByRole('button', { name: 'Export selected' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^crisscross-selection-/);

    await library.getByRole('checkbox', { name: `Select ${FAST_TITLE}` }).uncheck();
    await bulk.getByRole('button', { name: 'Delete selected' }).click();
    await status(bulk, 'Deleted 1 clip and 1 highlight.').waitFor();
    await expect.poll(() => rows.locator('.row-title').allTextContents()).toEqual([FAST_TITLE]);
    await bulk.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => rows.locator('.row-title').count()).toBe(2);
    await library.getByRole('radio', { name: 'Highlights' }).click();
    await expect
      .poll(() => library.getByRole('list', { name: 'Highlights' }).locator('.row-summary').allTextContents())
      .toEqual(['Job hunting, then and now']);
    // Put back into its collections too, in its place.
    await open('#/collections');
    await library.getByRole('link', { name: 'Keynote' }).click();
    await expect
      .poll(() => library.getByRole('list', { name: 'Items of Keynote' }).locator('.row-title').allTextContents())
      .toEqual([FAST_TITLE, 'Please understand me', `“${PHRASE}”`]);
  });

  it('passes axe on the collection views in dark too', async () => {
    await open('#/settings');
    await library.getByRole('radio', { name: 'Dark' }).check();
    await open('#/collections');
    await expect.poll(() => library.getByRole('list', { name: 'Collections' }).count()).toBe(1);
    expect(await axeViolations(library)).toEqual([]);
    await library.getByRole('link', { name: 'Keynote' }).click();
    await expect.poll(() => library.getByRole('list', { name: 'Items of Keynote' }).count()).toBe(1);
    expect(await axeViolations(library)).toEqual([]);
    await open('#/settings');
    await library.getByRole('radio', { name: 'Light' }).check();
  });
});
