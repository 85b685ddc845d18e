// Export through the library page (a real download), then import the file into a fresh profile and
// find the same library there. Every other format downloads too.
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, type ExtensionSession } from './extension';
import { clipThroughPopup, highlightWithNote } from './user-actions';

const POSTS = ['posts/fast-response-is-the-new-normal-in-customer-service.html', 'posts/please-understand-me.html'];

describe('export and import', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let exported: string;

  beforeAll(async () => {
    blog = await startBlogServer();
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  const settingsPage = async (target: ExtensionSession): Promise<Page> => {
    const page = await target.context.newPage();
    await page.goto(`chrome-extension://${target.extensionId}/library.html#/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    return page;
  };

  it('exports every format as a download', async () => {
    const page = await session.context.newPage();
    await clipThroughPopup(session, blog, page, POSTS);
    await highlightWithNote(page, 'I have a few friends who are looking for a job', 'Job hunting, then and now');

    const settings = await settingsPage(session);
    // A confirmed connection between the two clips (as the popup's "Confirm connection" sends it), so
    // the export carries it and the import below brings it back.
    const confirmed = await settings.evaluate(async () => {
      const send = (type: string, payload: unknown) =>
        (
          globalThis as unknown as {
            chrome: { runtime: { sendMessage: (m: unknown) => Promise<{ ok: boolean; value: unknown }> } };
          }
        ).chrome.runtime.sendMessage({ channel: 'crisscross', type, payload });
      const recent = (await send('listRecentClips', { limit: 2 })).value as { id: string }[];
      const [a, b] = recent.map((clip) => `c:${clip.id}`);
      return send('setConnectionFeedback', {
        source: a,
        target: b,
        status: 'confirmed',
        note: 'Both about attention',
        terms: ['attention'],
      });
    });
    expect(confirmed.ok).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'crisscross-export-'));
    const names: string[] = [];
    for (const format of ['markdown', 'html', 'annotations', 'csv', 'bookmarks', 'json']) {
      await settings.getByLabel('Format').selectOption(format);
      const [download] = await Promise.all([
        settings.waitForEvent('download'),
        settings.getByRole('button', { name: 'Export everything' }).click(),
      ]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      names.push(download.suggestedFilename());
      if (format === 'json') exported = path;
      if (format === 'csv') expect(await readFile(path, 'utf8')).toContain('Job hunting, then and now');
    }
    expect(names.map((name) => name.split('.').pop())).toEqual(['zip', 'html', 'jsonld', 'csv', 'html', 'json']);
  });

  it('imports the JSON into a fresh profile and shows the same library', async () => {
    const fresh = await launchExtension();
    try {
      const settings = await settingsPage(fresh);
      await settings.getByLabel(/Import a file/).setInputFiles(exported);
      await expect
        .poll(() => settings.getByRole('status').filter({ hasText: /Added/ }).textContent(), { timeout: 15_000 })
        .toMatch(/Added 2 clips, 1 highlight and 1 connection/);
      await settings.goto(`chrome-extension://${fresh.extensionId}/library.html#/`);
      await expect
        .poll(() => settings.getByRole('list', { name: 'Clips' }).locator('.row-title').allTextContents())
        .toEqual(expect.arrayContaining(['Fast response is the new normal in customer service', 'Please understand me']));
      await settings.getByRole('radio', { name: 'Highlights' }).click();
      await expect
        .poll(() => settings.getByRole('list', { name: 'Highlights' }).locator('.row-summary').allTextContents())
        .toEqual(['Job hunting, then and now']);

      // A broken file changes nothing and says what is wrong.
      await settings.goto(`chrome-extension://${fresh.extensionId}/library.html#/settings`);
      await settings
        .getByLabel(/Import a file/)
        .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"crisscross",') });
      await expect.poll(() => settings.getByRole('alert').textContent()).toMatch(/broken\.json was not imported, and nothing was changed/);
    } finally {
      await fresh.close();
    }
  });
});
