// Clipping a seed-blog post through the popup, in real Chromium with the built extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlogServer, type BlogServer } from './blog-server';
import { launchExtension, newProfileDir, type ExtensionSession } from './extension';

const POST = 'posts/fast-response-is-the-new-normal-in-customer-service.html';
const TITLE = 'Fast response is the new normal in customer service';

describe('clipping a page', () => {
  let blog: BlogServer;
  let session: ExtensionSession;
  let profileDir: string;

  beforeAll(async () => {
    blog = await startBlogServer();
    profileDir = await newProfileDir();
    session = await launchExtension(profileDir);
  });
  afterAll(async () => {
    await session?.close();
    await blog?.close();
  });

  it('clips a post from the popup and lists it with its title', async () => {
    const post = await session.context.newPage();
    await post.goto(blog.url(POST));
    const tabId = await session.tabIdOf(post);
    const popup = await session.openPopup(tabId);
    await expect.poll(() => popup.getByText('Not saved yet').count()).toBe(1);
    await popup.getByRole('button', { name: 'Clip page' }).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toContain(`Saved “${TITLE}”`);
    const recent = popup.getByRole('region', { name: 'Recent clips' });
    await expect.poll(() => recent.getByRole('link').allTextContents()).toEqual([expect.stringContaining(TITLE)]);
    await popup.close();
  });
});
