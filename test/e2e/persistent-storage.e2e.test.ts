// The library's first open asks the browser, once, to keep the library when the disk runs low.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './extension';

describe('persistent storage', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('is asked for on the first open of the library, said in plain words, and not asked again', async () => {
    const popup = await session.openPopup(null);
    expect(await popup.evaluate(() => navigator.storage.persisted())).toBe(false);
    await popup.close();

    const library = await session.context.newPage();
    await library.goto(`chrome-extension://${session.extensionId}/library.html`);
    const notice = library.getByRole('status').filter({ hasText: 'Crisscross asked your browser to keep your library' });
    // Chromium decides by its own heuristics (a fresh headless profile is refused); the page says which.
    await expect.poll(() => notice.textContent()).toMatch(/it agreed|it did not agree this time/);
    const granted = await library.evaluate(() => navigator.storage.persisted());
    expect(await notice.textContent()).toMatch(granted ? /it agreed/ : /did not agree this time\. You can ask again in Settings/);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);

    await library.reload();
    await library.getByRole('heading', { name: 'Your library is empty' }).waitFor();
    await library.waitForTimeout(500);
    expect(await notice.count()).toBe(0);
    await library.goto(`chrome-extension://${session.extensionId}/library.html#/settings`);
    await library.getByRole('heading', { name: 'Storage' }).waitFor();
    expect(await library.getByRole('button', { name: 'Keep my library when space runs low' }).count()).toBe(granted ? 0 : 1);
  });
});
