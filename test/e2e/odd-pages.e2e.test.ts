// Odd pages in real Chromium: a strict CSP that blocks inline styles, a page that rewrites its DOM all
// the time, and right-to-left text. Clipping and highlighting still work, our
// toolbar still shows, and the page stays responsive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { clickControl, drawnHighlights, isControlVisible, selectPhrase } from './page-ui';
import { storedClips } from './storage-peek';

const paragraphs = (text: string) => `<p>${text}</p>`.repeat(12);

const PAGES: Record<string, string> = {
  'csp.html':
    `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'none'; script-src 'none'">` +
    `<title>Locked down</title></head><body><article><h1>Locked down</h1>${paragraphs('A page whose policy forbids every style and script it did not ship.')}</article></body></html>`,
  'churn.html':
    `<!doctype html><html lang="en"><head><title>Churning</title></head><body><aside id="ticker"></aside><article><h1>Churning</h1>` +
    `${paragraphs('The ticker beside this article is rewritten many times a second.')}</article>` +
    `<script>let n = 0; setInterval(() => { const t = document.getElementById('ticker'); t.replaceChildren(...Array.from({ length: 50 }, () => Object.assign(document.createElement('span'), { textContent: ' tick ' + n++ }))); document.body.dataset.n = n; }, 10);</script></body></html>`,
  'rtl.html':
    `<!doctype html><html lang="ar" dir="rtl"><head><title>خدمة العملاء</title></head><body><article><h1>خدمة العملاء</h1>` +
    `${paragraphs('ارتفع النهر قبل المطر وانتقل مالك الحزين إلى أعلى النهر 🦩 and back.')}</article></body></html>`,
};

// Deeply nested pages are covered by the fuzz unit test: the DevTools call these tests use to find our
// toolbar (DOM.getDocument) fails on trees a few hundred levels deep.
describe('odd pages', () => {
  let blog: BlogServer;
  let session: ExtensionSession;

  beforeAll(async () => {
    blog = await startBlogServer();
    for (const [path, html] of Object.entries(PAGES)) blog.override(`/odd/${path}`, html);
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  async function clipAndHighlight(path: string, phrase: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(blog.url(`odd/${path}`));
    const popup = await session.openPopup(await session.tabIdOf(page));
    await popup.getByRole('button', { name: /^Clip page/ }).click();
    await expect.poll(() => popup.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/Saved/);
    await popup.close();
    await page.bringToFront();
    await selectPhrase(page, phrase);
    await expect.poll(() => isControlVisible(page, 'Highlight'), { timeout: 10_000 }).toBe(true);
    await clickControl(page, 'Highlight');
    await expect.poll(async () => (await drawnHighlights(page))['crisscross-yellow'] ?? [], { timeout: 10_000 }).toEqual([phrase]);
    return page;
  }

  it('shows the toolbar and highlights on a page whose CSP blocks inline styles', async () => {
    await clipAndHighlight('csp.html', 'forbids every style and script');
  });

  it('clips and highlights a page that rewrites its DOM constantly, which stays responsive', async () => {
    const page = await clipAndHighlight('churn.html', 'rewritten many times a second');
    const before = Number(await page.evaluate(() => document.body.dataset.n));
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(5_000);
    await page.waitForTimeout(300);
    expect(Number(await page.evaluate(() => document.body.dataset.n))).toBeGreaterThan(before);
    // The highlight survives the churn beside it.
    expect((await drawnHighlights(page))['crisscross-yellow']).toEqual(['rewritten many times a second']);
    // Its timer keeps two cores busy: close it so the next tests run at normal speed.
    await page.close();
  });

  it('clips and highlights right-to-left text with emoji', async () => {
    await clipAndHighlight('rtl.html', 'مالك الحزين');
    const popup = await session.openPopup(null);
    const clips = await storedClips(popup);
    expect(clips.map((clip) => clip.title)).toContain('خدمة العملاء');
    expect(clips.find((clip) => clip.title === 'خدمة العملاء')?.text).toContain(
      'ارتفع النهر قبل المطر وانتقل مالك الحزين إلى أعلى النهر 🦩 and back.',
    );
  });
});
