// Nothing lost under load: many tabs clipping at once, and the worker stopped in the middle of a burst.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { storedClips } from './storage-peek';

const article = (n: number) =>
  `<!doctype html><html lang="en"><head><title>Field note ${n}</title><link rel="canonical" href="http://notes.example/${n}"></head>` +
  `<body><article><h1>Field note ${n}</h1>${`<p>Observation ${n}: the river rose and the herons moved upstream before the rain. </p>`.repeat(12)}</article></body></html>`;

/** Sends clipTab for each tab from an extension page, all at once, through the real message path. */
async function clipAll(extensionPage: Page, tabIds: number[]): Promise<{ ok: boolean; error?: string }[]> {
  return extensionPage.evaluate(
    (ids) =>
      Promise.all(
        ids.map((tabId) =>
          (
            globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; error?: string }> } } }
          ).chrome.runtime
            .sendMessage({ channel: 'crisscross', type: 'clipTab', payload: { tabId } })
            .catch((error: Error) => ({ ok: false, error: error.message })),
        ),
      ),
    tabIds,
  );
}

describe('reliability under load', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  const tabIds: number[] = [];

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
    for (let n = 1; n <= 20; n++) {
      blog.override(`note-${n}.html`, article(n));
      const page = await session.context.newPage();
      await page.goto(blog.url(`note-${n}.html`));
      tabIds.push(await session.tabIdOf(page));
    }
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  it('saves every page when 20 tabs clip at once, each exactly once', async () => {
    const page = await session.openPopup(null);
    const results = await clipAll(page, tabIds);
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const clips = await storedClips(page);
    expect(clips.map((clip) => clip.title).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Field note ${i + 1}`).sort());
    expect(new Set(clips.map((clip) => clip.canonicalUrl)).size).toBe(20);
    await page.close();
  });

  it('keeps every clip whole when the worker is stopped in the middle of a burst', async () => {
    const fresh: number[] = [];
    for (let n = 21; n <= 30; n++) {
      blog.override(`note-${n}.html`, article(n));
      const tab = await session.context.newPage();
      await tab.goto(blog.url(`note-${n}.html`));
      fresh.push(await session.tabIdOf(tab));
    }
    const page = await session.openPopup(null);
    const burst = clipAll(page, fresh);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await session.stopServiceWorker();
    await burst;
    // Whatever was written is whole: a clip is saved with all its text or not at all.
    const written = (await storedClips(page)).filter((clip) => Number(clip.title.replace('Field note ', '')) > 20);
    for (const clip of written) {
      expect(clip.text).toContain('the herons moved upstream');
      expect(clip.text.match(/Observation/g)).toHaveLength(12);
    }
    // Clipping the burst again after the restart saves every page exactly once.
    const again = await clipAll(page, fresh);
    expect(again.filter((result) => !result.ok)).toEqual([]);
    const all = await storedClips(page);
    expect(all).toHaveLength(30);
    expect(new Set(all.map((clip) => clip.canonicalUrl)).size).toBe(30);
    await page.close();
  });
});
