// Automatic backups with the built extension: the alarm and "Back up now" write Crisscross JSON into
// the Crisscross folder of the downloads directory, only the newest N stay, and importing one into a
// fresh profile restores the library.
//
// `downloads` is an optional permission, asked for from Settings. Headless Chromium cannot approve the
// permission prompt (permissions.request never settles), so this suite loads a copy of dist/chrome whose
// manifest grants `downloads` up front; everything else is the built extension as shipped.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBlogServer, type BlogServer } from './blog-server';
import { DIST, launchExtension, type ExtensionSession } from './extension';
import { clipThroughPopup, highlightWithNote } from './user-actions';

const POSTS = ['posts/fast-response-is-the-new-normal-in-customer-service.html', 'posts/please-understand-me.html'];
type Chrome = {
  chrome: {
    alarms: { create: (name: string, info: object) => void; get: (name: string) => Promise<{ periodInMinutes?: number } | undefined> };
    downloads: { search: (query: object) => Promise<{ filename: string; byExtensionName?: string; exists: boolean }[]> };
  };
};

describe('automatic backups', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let work: string;
  let downloads: string;
  let settings: Page;

  const backupFiles = async () => (await readdir(join(downloads, 'Crisscross')).catch(() => [] as string[])).sort();
  const status = () =>
    settings
      .getByRole('status')
      .filter({ hasText: /backup/i })
      .textContent();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'crisscross-backups-'));
    downloads = join(work, 'downloads');
    const dist = join(work, 'extension');
    await cp(DIST, dist, { recursive: true });
    const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));
    manifest.permissions.push(...manifest.optional_permissions);
    delete manifest.optional_permissions;
    await writeFile(join(dist, 'manifest.json'), JSON.stringify(manifest));
    blog = await startBlogServer();
    session = await launchExtension(undefined, { dist, downloadsDir: downloads });
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ships downloads as an optional permission and backs up weekly by default', async () => {
    const page = await session.context.newPage();
    await clipThroughPopup(session, blog, page, POSTS);
    await highlightWithNote(page, 'I have a few friends who are looking for a job', 'Job hunting, then and now');
    settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/library.html#/settings`);
    await settings.getByRole('heading', { name: 'Backups' }).waitFor();
    const shipped = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8'));
    expect(shipped.optional_permissions).toEqual(['downloads']);
    expect(shipped.permissions).not.toContain('downloads');
    expect(shipped.permissions).toContain('alarms');
    expect(await settings.getByLabel('Back up automatically').inputValue()).toBe('weekly');
    expect(await settings.getByLabel(/Keep the last/).inputValue()).toBe('5');
    expect(await status()).toMatch(/No backup has been made yet\. Next backup/);
  });

  it('writes a backup when the schedule’s alarm fires', async () => {
    await settings.getByLabel('Back up automatically').selectOption('daily');
    // The worker schedules the daily alarm when it has saved the choice: wait for that, or it could
    // replace the alarm brought forward below.
    await expect
      .poll(() =>
        settings.evaluate(async () => (await (globalThis as unknown as Chrome).chrome.alarms.get('crisscross-backup'))?.periodInMinutes),
      )
      .toBe(1440);
    // Bring the worker's own alarm forward instead of waiting a day.
    await settings.evaluate(() =>
      (globalThis as unknown as Chrome).chrome.alarms.create('crisscross-backup', { when: Date.now() + 500, periodInMinutes: 1440 }),
    );
    await expect.poll(backupFiles, { timeout: 20_000 }).toHaveLength(1);
    expect((await backupFiles())[0]).toMatch(/^crisscross-backup-\d{4}-\d\d-\d\d-\d{6}\.json$/);
    // The outcome is stored once the file is complete; Settings shows it when opened.
    await expect
      .poll(async () => {
        await settings.reload();
        await settings.getByRole('heading', { name: 'Backups' }).waitFor();
        return status();
      })
      .toMatch(/Last backup .*: Saved Crisscross\/crisscross-backup-.*\.json in your downloads folder/);
  });

  it('"Back up now" writes another, and only the last N are kept', async () => {
    await settings.getByLabel(/Keep the last/).fill('2');
    await settings.getByLabel(/Keep the last/).dispatchEvent('change');
    for (let i = 0; i < 3; i++) {
      // File names are unique per second, and the status line names the file: on a fast machine the
      // previous backup (the alarm's, in the test before) can be from this very second.
      await settings.waitForTimeout(1_000);
      const before = await status();
      await settings.getByRole('button', { name: 'Back up now' }).click();
      await expect.poll(status, { timeout: 20_000 }).not.toBe(before);
      expect(await status()).toMatch(/Saved Crisscross\//);
    }
    await expect.poll(backupFiles).toHaveLength(2);
    const ours = await settings.evaluate(() => (globalThis as unknown as Chrome).chrome.downloads.search({ exists: true }));
    expect(ours.map((item) => item.filename.split(/[\\/]/).pop()).sort()).toEqual(await backupFiles());
  });

  it('restores the library into a fresh profile by importing the newest backup', async () => {
    const newest = join(downloads, 'Crisscross', (await backupFiles()).at(-1)!);
    const backup = JSON.parse(await readFile(newest, 'utf8'));
    expect(backup.format).toBe('crisscross');
    const fresh = await launchExtension();
    try {
      const page = await fresh.context.newPage();
      await page.goto(`chrome-extension://${fresh.extensionId}/library.html#/settings`);
      // The shipped extension has not been allowed to save files yet: Settings offers to ask.
      await page.getByRole('button', { name: 'Allow saving backups' }).waitFor();
      await page.getByLabel(/Import a file/).setInputFiles(newest);
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: /Added/ }).textContent(), { timeout: 15_000 })
        .toMatch(/Added 2 clips and 1 highlight/);
      await page.goto(`chrome-extension://${fresh.extensionId}/library.html#/`);
      await expect
        .poll(() => page.getByRole('list', { name: 'Clips' }).locator('.row-title').allTextContents())
        .toEqual(expect.arrayContaining(['Fast response is the new normal in customer service', 'Please understand me']));
      await page.getByRole('radio', { name: 'Highlights' }).click();
      await expect
        .poll(() => page.getByRole('list', { name: 'Highlights' }).locator('.row-summary').allTextContents())
        .toEqual(['Job hunting, then and now']);
    } finally {
      await fresh.close();
    }
  });
});
