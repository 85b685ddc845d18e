// @vitest-environment happy-dom
// Settings rendered for real in the library page (Preact in happy-dom): the theme and image choices are
// kept in storage.local and applied at once, and again when the library opens next time.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, resetPageBrowser, setLocal, storageManager, storedLocal } from './page-browser';
import { byName, click, mount, unmountAll } from './render';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./page-browser')).pageBrowser }));

const { App } = await import('../../src/library/App');

const persist = vi.fn(async () => true);

beforeEach(() => {
  resetPageBrowser();
  delete document.documentElement.dataset.theme;
  location.hash = '#/settings';
  Object.defineProperty(navigator, 'storage', { configurable: true, value: { ...storageManager, persist } });
  // The library's first open asked already: what these tests see of persistence is Settings' own button.
  setLocal('persistenceAsked', true);
  persist.mockClear();
  answer('getBackupStatus', () => ({
    settings: { frequency: 'weekly' as const, keep: 5 },
    last: null,
    lastSuccessAt: null,
    nextAt: null,
    permitted: false,
    files: [],
  }));
});
afterEach(unmountAll);

const radio = (root: HTMLElement, label: string) =>
  byName<HTMLLabelElement>(root, 'fieldset label', label).querySelector<HTMLInputElement>('input')!;

async function openSettings(): Promise<HTMLElement> {
  const root = await mount(<App />);
  await vi.waitFor(() => expect(root.querySelector('#settings-heading')).not.toBeNull());
  return root;
}

describe('settings', () => {
  it('starts with the system theme, then keeps and applies the theme the user picks', async () => {
    const root = await openSettings();
    expect(radio(root, 'Same as the system').checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await click(radio(root, 'Dark'));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    expect(storedLocal('settings')).toMatchObject({ theme: 'dark' });
    expect(radio(root, 'Dark').checked).toBe(true);

    await click(radio(root, 'Same as the system'));
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
    expect(storedLocal('settings')).toMatchObject({ theme: 'system' });
  });

  it('applies the saved theme when the library opens again', async () => {
    const first = await openSettings();
    await click(radio(first, 'Light'));
    await vi.waitFor(() => expect(storedLocal('settings')).toMatchObject({ theme: 'light' }));
    await unmountAll();
    delete document.documentElement.dataset.theme;

    const again = await openSettings();
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(radio(again, 'Light').checked).toBe(true);
  });

  it('keeps the choice to show images, off by default', async () => {
    const root = await openSettings();
    const images = byName<HTMLLabelElement>(root, 'label', /Show images/).querySelector<HTMLInputElement>('input')!;
    expect(images.checked).toBe(false);
    await click(images);
    await vi.waitFor(() => expect(storedLocal('settings')).toMatchObject({ loadImages: true, theme: 'system' }));
  });

  it('lists the shortcuts, the storage used and asks to keep the library', async () => {
    const root = await openSettings();
    await vi.waitFor(() => expect(root.querySelectorAll('table.shortcuts tbody tr')).toHaveLength(3));
    const rows = [...root.querySelectorAll('table.shortcuts tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual([
      'Open the Crisscross popupAlt+Shift+X',
      'Clip page to CrisscrossAlt+Shift+S',
      'Open the Crisscross librarynot set',
    ]);
    await vi.waitFor(() => expect(root.textContent).toContain('Crisscross uses 3 MB of the 2,048 MB this browser allows it.'));

    await click(byName(root, 'button', 'Keep my library when space runs low'));
    await vi.waitFor(() =>
      expect([...root.querySelectorAll('p[role="status"]')].map((p) => p.textContent)).toContain(
        'Your library is now kept even when the disk runs low.',
      ),
    );
    expect(persist).toHaveBeenCalled();
  });
});
