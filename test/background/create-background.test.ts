import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CLIP_COMMAND,
  CLIP_MENU_ID,
  HIGHLIGHT_COMMAND,
  HIGHLIGHT_NOTE_MENU_ID,
  createBackground,
} from '../../src/background/create-background';
import { CrisscrossDb } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';
import { createFakeBrowser, type FakeTab } from '../fakes/fake-browser';

const popupSender = { id: 'crisscross-test-id', url: 'chrome-extension://crisscross-test-id/popup.html' };
const request = (type: string, payload: unknown) => ({ channel: 'crisscross', type, payload });

let db: CrisscrossDb;
beforeEach(() => {
  db = new CrisscrossDb(`bg-${Math.random()}`);
});
const running: { stop: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((background) => background.stop()));
  await db.delete();
});

function setUp(tabs: FakeTab[]) {
  const fake = createFakeBrowser(tabs);
  const log = vi.fn();
  const background = createBackground({ browser: fake.browser, db, log });
  background.start();
  running.push(background);
  const send = (type: string, payload: unknown) => background.router(request(type, payload), popupSender);
  return { ...fake, background, send, log };
}

const articleTab = (capture = makeCapture()): FakeTab => ({
  id: 7,
  url: capture.url,
  title: capture.title,
  reply: () => ({ ok: true, value: capture }),
});

describe('clipTab', () => {
  it('captures the tab, saves the clip and shows the page as saved', async () => {
    const { send, badges } = setUp([articleTab()]);
    const outcome = await send('clipTab', { tabId: 7 });
    expect(outcome).toMatchObject({
      ok: true,
      value: { status: 'saved', clip: { title: 'Fast response is the new normal in customer service' } },
    });
    expect(badges.get(7)).toBe('✓');
    expect(await db.clips.count()).toBe(1);
    const state = await send('getPageState', { tabId: 7 });
    expect(state).toMatchObject({
      ok: true,
      value: { kind: 'page', clip: { title: 'Fast response is the new normal in customer service' } },
    });
  });

  it('reports a re-clip as an update', async () => {
    const { send } = setUp([articleTab()]);
    await send('clipTab', { tabId: 7 });
    expect(await send('clipTab', { tabId: 7 })).toMatchObject({ ok: true, value: { status: 'updated' } });
    expect(await db.clips.count()).toBe(1);
  });

  it('refuses a browser page with a clear reason and writes nothing', async () => {
    const { send, badges } = setUp([{ id: 1, url: 'chrome://settings/' }]);
    expect(await send('getPageState', { tabId: 1 })).toMatchObject({
      ok: true,
      value: { kind: 'restricted', reason: expect.stringContaining('browser page') },
    });
    expect(await send('clipTab', { tabId: 1 })).toMatchObject({ ok: false, code: 'restricted-page' });
    expect(badges.get(1)).toBe('!');
    expect(await db.clips.count()).toBe(0);
  });

  it('rejects a capture that breaks the limits, writing nothing', async () => {
    const { send } = setUp([articleTab(makeCapture({ title: 'x'.repeat(10_000) }))]);
    expect(await send('clipTab', { tabId: 7 })).toMatchObject({
      ok: false,
      code: 'invalid-request',
      error: expect.stringContaining('title'),
    });
    expect(await db.clips.count()).toBe(0);
  });

  it('tries to inject the content script into a tab that has none, then explains', async () => {
    const { send, injected } = setUp([{ id: 4, url: 'https://example.org/old-tab' }]);
    expect(await send('clipTab', { tabId: 4 })).toMatchObject({
      ok: false,
      code: 'no-content-script',
      error: expect.stringContaining('Reload'),
    });
    expect(injected).toEqual([4]);
  });

  it('says so when the tab is gone', async () => {
    const { send } = setUp([]);
    expect(await send('clipTab', { tabId: 99 })).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('browser entry points', () => {
  it('creates the "Clip page to Crisscross" and highlight context menus on install, and clips from the first', async () => {
    const { events, menus } = setUp([articleTab()]);
    await Promise.all(events.onInstalled.fire());
    await vi.waitFor(() =>
      expect(menus.map((menu) => menu.title)).toEqual(['Clip page to Crisscross', 'Highlight with Crisscross', 'Highlight with note']),
    );
    expect(menus[0]!.id).toBe(CLIP_MENU_ID);
    events.onClicked.fire({ menuItemId: CLIP_MENU_ID }, { id: 7 });
    await vi.waitFor(async () => expect(await db.clips.count()).toBe(1));
  });

  it('clips the active tab from the keyboard command', async () => {
    const { events } = setUp([articleTab()]);
    events.onCommand.fire(CLIP_COMMAND, undefined);
    await vi.waitFor(async () => expect(await db.clips.count()).toBe(1));
  });

  it('asks the tab to highlight its selection from the keyboard command and the context menu', async () => {
    const asked: unknown[] = [];
    const tab = { ...articleTab(), reply: (message: unknown) => (asked.push(message), { ok: true, value: { saved: true } }) };
    const { events } = setUp([tab]);
    events.onCommand.fire(HIGHLIGHT_COMMAND, { id: 7 });
    events.onClicked.fire({ menuItemId: HIGHLIGHT_NOTE_MENU_ID }, { id: 7 });
    await vi.waitFor(() =>
      expect(asked).toEqual([
        { channel: 'crisscross', type: 'highlightSelection', payload: { withNote: false } },
        { channel: 'crisscross', type: 'highlightSelection', payload: { withNote: true } },
      ]),
    );
  });

  it('lists recent clips for the popup', async () => {
    const { send } = setUp([articleTab()]);
    await send('clipTab', { tabId: 7 });
    expect(await send('listRecentClips', { limit: 5 })).toMatchObject({
      ok: true,
      value: [{ title: 'Fast response is the new normal in customer service' }],
    });
  });
});
