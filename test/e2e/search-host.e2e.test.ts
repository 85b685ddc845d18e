// The search host in Chromium: an offscreen document that keeps the index while the worker is stopped.
// Searches answer after a worker stop and after the document is closed, and nothing written is missed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { seedPosts } from './paths';
import { storedSearchSnapshot } from './storage-peek';
import { clipThroughPopup } from './user-actions';

type ExtensionGlobal = {
  chrome: {
    runtime: {
      sendMessage: (message: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }>;
      getContexts: (filter: object) => Promise<{ documentUrl?: string }[]>;
    };
    offscreen: { closeDocument: () => Promise<void> };
  };
};

const article = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>` +
  `${`<p>${text} </p>`.repeat(12)}</article></body></html>`;

describe('the search host (offscreen document)', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let tab: Page;
  let helper: Page;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    tab = await session.context.newPage();
    await clipThroughPopup(
      session,
      blog,
      tab,
      seedPosts()
        .slice(0, 3)
        .map((post) => post.path),
    );
    helper = await session.openPopup(null);
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  const offscreenDocuments = () =>
    helper.evaluate(async () =>
      (await (globalThis as unknown as ExtensionGlobal).chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).map(
        (context) => new URL(context.documentUrl ?? '').pathname,
      ),
    );

  /** Titles found for `query` through the real message path (quick, then full text). */
  const search = (query: string, mode: 'quick' | 'full' = 'quick') =>
    helper.evaluate(
      async ([q, m]) => {
        const answer = await (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({
          channel: 'crisscross',
          type: 'search',
          payload: { query: q, mode: m, filters: {}, limit: 20 },
        });
        if (!answer.ok) throw new Error(answer.error);
        return (answer.value as { results: { title: string }[] }).results.map((result) => result.title).sort();
      },
      [query, mode] as const,
    );

  async function clip(file: string, title: string, text: string) {
    blog.override(file, article(title, text));
    await clipThroughPopup(session, blog, tab, [file]);
  }

  it('exists once the extension has started', async () => {
    await expect.poll(offscreenDocuments).toEqual(['/offscreen.html']);
  });

  it('answers after the worker stops, with an item saved just before the stop', async () => {
    const before = await search('customer');
    expect(before).toContain('Why every customer service “success” on social media is really a customer service failure');
    await clip('heron.html', 'Herons along the estuary', 'The heron waited in the shallows for the tide.');
    await session.stopServiceWorker();
    expect(await search('heron')).toEqual(['Herons along the estuary']);
    expect(await search('shallows', 'full')).toEqual(['Herons along the estuary']);
    expect(await search('customer')).toEqual(before);
    expect(await offscreenDocuments()).toEqual(['/offscreen.html']);
    // The host saves its snapshot after a quiet spell by sending it to the worker, which stores it.
    await expect
      .poll(async () => (await storedSearchSnapshot(helper)).map((row) => [row.tier, row.json.includes('heron')]), { timeout: 20_000 })
      .toEqual([
        ['full', true],
        ['quick', true],
      ]);
  });

  it('finds everything after the document is closed, including an item saved since the last snapshot', async () => {
    await clip('lichen.html', 'Lichen on granite walls', 'Lichen grows slowly on the north side of granite.');
    // The worker tells the host of the save just after answering it, and would create the document
    // again to do so: a search first makes sure that message went to this document.
    expect(await search('lichen')).toEqual(['Lichen on granite walls']);
    // Closed at once: the new item is in no snapshot yet; the next host catches up with it.
    await helper.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.offscreen.closeDocument());
    expect((await storedSearchSnapshot(helper)).some((row) => row.json.includes('lichen'))).toBe(false);
    expect(await offscreenDocuments()).toEqual([]);
    expect(await search('lichen')).toEqual(['Lichen on granite walls']);
    expect(await search('heron')).toEqual(['Herons along the estuary']);
    expect(await search('customer')).not.toEqual([]);
    expect(await offscreenDocuments()).toEqual(['/offscreen.html']);
  });

  it('finds what was saved while the document was closed and the worker then stopped', async () => {
    await helper.evaluate(() => (globalThis as unknown as ExtensionGlobal).chrome.offscreen.closeDocument());
    await clip('otter.html', 'Otters return to the river', 'Otters were seen again below the weir this spring.');
    await session.stopServiceWorker();
    expect(await search('otters')).toEqual(['Otters return to the river']);
    expect(await search('lichen')).toEqual(['Lichen on granite walls']);
  });

  it('answers the popup after a worker stop', async () => {
    await session.stopServiceWorker();
    const popup = await session.openPopup(await session.tabIdOf(tab));
    await popup.getByRole('searchbox', { name: 'Search' }).pressSequentially('otters', { delay: 20 });
    // First: once typing pauses, article text may add a fuzzy match ("others") below it.
    await expect
      .poll(
        async () => (await popup.getByRole('listbox', { name: 'Results' }).getByRole('option').locator('.clip-title').allTextContents())[0],
      )
      .toBe('Otters return to the river');
    await popup.close();
    expect(session.errors.filter((error) => error.startsWith('chrome-extension:'))).toEqual([]);
  });
});
