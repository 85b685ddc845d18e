// An extension update over the same profile keeps everything: clips, highlights (drawn again on the
// page) and search. The manifest has no `key`, so the extension id comes from its absolute path: the
// test loads a copy of dist/chrome from one folder, closes the browser, bumps the version in that same
// folder (as an update would) and relaunches with the same profile.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlogServer, type BlogServer } from './blog-server';
import { DIST, launchExtension } from './extension';
import { drawnHighlights } from './page-ui';
import { storedClips } from './storage-peek';
import { clipThroughPopup, highlightWithNote } from './user-actions';

const POSTS = ['posts/fast-response-is-the-new-normal-in-customer-service.html', 'posts/please-understand-me.html'];
const PHRASE = 'I have a few friends who are looking for a job';
type ChromeRuntime = { chrome: { runtime: { getManifest: () => { version: string } } } };

describe('extension update over the same profile', () => {
  let blog: BlogServer;
  let work: string;

  beforeAll(async () => {
    blog = await startBlogServer();
    work = await mkdtemp(join(tmpdir(), 'crisscross-update-'));
  });
  afterAll(async () => {
    await blog?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('keeps every clip, highlight and search result after an update and a browser restart', async () => {
    const dist = join(work, 'extension');
    const profile = join(work, 'profile');
    await cp(DIST, dist, { recursive: true });

    const before = await launchExtension(profile, { dist });
    const page = await before.context.newPage();
    await clipThroughPopup(before, blog, page, POSTS);
    await highlightWithNote(page, PHRASE, 'Job hunting, then and now');
    const popup = await before.openPopup(null);
    const clipsBefore = (await storedClips(popup)).map((clip) => ({ id: clip.id, title: clip.title, text: clip.text }));
    expect(clipsBefore).toHaveLength(2);
    const { extensionId } = before;
    await before.close();

    // The update: the same folder, a higher version.
    const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));
    const version = manifest.version.replace(/\d+$/, (patch: string) => String(Number(patch) + 1));
    await writeFile(join(dist, 'manifest.json'), JSON.stringify({ ...manifest, version }));

    const after = await launchExtension(profile, { dist });
    try {
      expect(after.extensionId).toBe(extensionId);
      const library = await after.context.newPage();
      await library.goto(`chrome-extension://${after.extensionId}/library.html#/`);
      expect(await library.evaluate(() => (globalThis as unknown as ChromeRuntime).chrome.runtime.getManifest().version)).toBe(version);

      // Stored data: the same clips, whole.
      const clipsAfter = (await storedClips(library)).map((clip) => ({ id: clip.id, title: clip.title, text: clip.text }));
      expect(clipsAfter.sort((a, b) => a.id.localeCompare(b.id))).toEqual(clipsBefore.sort((a, b) => a.id.localeCompare(b.id)));

      // The library lists the highlight with its note.
      await library.getByRole('radio', { name: 'Highlights' }).click();
      await expect
        .poll(() => library.getByRole('list', { name: 'Highlights' }).locator('.row-summary').allTextContents())
        .toEqual(['Job hunting, then and now']);

      // Search (its index was saved by the old version) finds the clip and the highlight.
      const search = await after.openPopup(null);
      await search.getByRole('searchbox', { name: 'Search' }).pressSequentially('job hunting', { delay: 20 });
      await expect
        .poll(() => search.getByRole('listbox', { name: 'Results' }).getByRole('option').allTextContents(), { timeout: 15_000 })
        .toEqual(
          expect.arrayContaining([
            expect.stringMatching(/^Please understand meClip/),
            expect.stringMatching(new RegExp(`Highlight.*${PHRASE}`)),
          ]),
        );

      // The page shows its highlight again.
      const post = await after.context.newPage();
      await post.goto(blog.url(POSTS[1]!));
      await expect.poll(async () => (await drawnHighlights(post))['crisscross-yellow'] ?? [], { timeout: 15_000 }).toEqual([PHRASE]);
    } finally {
      await after.close();
    }
  });
});
