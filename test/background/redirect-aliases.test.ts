import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import { createRedirectAliases } from '../../src/background/redirect-aliases';
import { CrisscrossDb } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';
import { createFakeBrowser, type FakeTab } from '../fakes/fake-browser';

const ID = 'crisscross-test-id';
const OLD = 'http://127.0.0.1:8080/2011/07/fast-response';
const NEW = 'http://127.0.0.1:8080/posts/fast-response.html';
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const contentScriptOn = (url: string, tabId = 7) => ({ id: ID, url, tab: { id: tabId } });
const request = (type: string, payload: unknown) => ({ channel: 'crisscross', type, payload });
const draft = { selectors: makeSelectors(), note: '', color: 'yellow' };
const hop = (tabId: number, url: string, redirectUrl: string, requestId = 'r1') => ({
  tabId,
  requestId,
  url,
  redirectUrl,
  type: 'main_frame',
});

let db: CrisscrossDb;
beforeEach(() => {
  db = new CrisscrossDb(`redirects-${Math.random()}`);
});
const running: { stop: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((background) => background.stop()));
  await db.delete();
});

/** A tab showing the post at `url`; its capture knows nothing of redirects (pages cannot see them). */
const postTab = (url: string): FakeTab => ({
  id: 7,
  url,
  reply: (message) => {
    const type = (message as { type: string }).type;
    if (type === 'capturePage') return { ok: true, value: makeCapture({ url, canonicalUrl: url, aliases: [url] }) };
    return { ok: true, value: {} };
  },
});

function setUp(tabs: FakeTab[]) {
  const fake = createFakeBrowser(tabs);
  const background = createBackground({ browser: fake.browser, db, log: vi.fn() });
  background.start();
  running.push(background);
  const send = (type: string, payload: unknown, sender: object) => background.router(request(type, payload), sender);
  const redirect = (tabId: number, from: string, to: string, requestId?: string) =>
    fake.events.onBeforeRedirect.fire(hop(tabId, from, to, requestId));
  return { ...fake, send, redirect };
}

describe('redirect sources per tab', () => {
  it('listens to main-frame redirects of web pages only, without blocking them', () => {
    const fake = createFakeBrowser();
    const addListener = vi.spyOn(fake.browser.webRequest.onBeforeRedirect, 'addListener');
    createRedirectAliases(fake.browser, vi.fn()).start();
    expect(addListener).toHaveBeenCalledWith(expect.any(Function), { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] });
    expect(addListener.mock.calls[0]).toHaveLength(2);
  });

  it('keeps a tab’s chain across a worker restart and forgets it when the tab closes', async () => {
    const fake = createFakeBrowser();
    createRedirectAliases(fake.browser, vi.fn()).start();
    fake.events.onBeforeRedirect.fire(hop(7, OLD, NEW));
    fake.events.onBeforeRedirect.fire(hop(9, OLD, 'http://127.0.0.1:8080/elsewhere.html'));
    // Background tabs and prefetches (tab -1) are not pages the user sees.
    fake.events.onBeforeRedirect.fire(hop(-1, 'http://127.0.0.1:8080/x', NEW, 'r2'));
    const restarted = createRedirectAliases(fake.browser, vi.fn());
    await vi.waitFor(async () => expect(await restarted.sourcesFor(7, NEW)).toEqual([OLD]));
    restarted.start();
    fake.events.onTabRemoved.fire(7);
    await vi.waitFor(async () => expect(await restarted.sourcesFor(7, NEW)).toEqual([]));
    expect(await restarted.sourcesFor(9, NEW)).toEqual([]);
  });
});

describe('aliases from redirects', () => {
  it('records the old address in the clip when a highlight is saved on the page it redirected to', async () => {
    const { send, redirect } = setUp([postTab(NEW)]);
    redirect(7, OLD, NEW);
    expect(await send('saveHighlight', { draft }, contentScriptOn(NEW))).toMatchObject({ ok: true });
    const [clip] = await db.clips.toArray();
    expect(clip!.aliases).toEqual(expect.arrayContaining([OLD, NEW]));
    // The same page reached at the old address (which now redirects) finds its highlight.
    expect(await send('listPageHighlights', {}, contentScriptOn(OLD, 8))).toMatchObject({ ok: true, value: [{ text: 'Poor attention.' }] });
  });

  it('adds the old address to an existing clip when the page is highlighted again after a redirect', async () => {
    const { send, redirect } = setUp([postTab(NEW)]);
    await send('saveHighlight', { draft }, contentScriptOn(NEW));
    redirect(7, OLD, NEW, 'r9');
    await send('saveHighlight', { draft: { ...draft, selectors: makeSelectors('Do you know', 0) } }, contentScriptOn(NEW));
    expect((await db.clips.toArray()).map((clip) => clip.aliases)).toEqual([expect.arrayContaining([OLD, NEW])]);
    expect(await db.highlights.count()).toBe(2);
  });

  it('shows a page highlighted at an old address when that address now redirects, and learns the new address', async () => {
    const { send, redirect } = setUp([postTab(OLD)]);
    await send('saveHighlight', { draft }, contentScriptOn(OLD));
    expect(await send('listPageHighlights', {}, contentScriptOn(NEW))).toEqual({ ok: true, value: [] });

    redirect(7, OLD, NEW);
    expect(await send('listPageHighlights', {}, contentScriptOn(NEW))).toMatchObject({ ok: true, value: [{ text: 'Poor attention.' }] });
    expect((await db.clips.toArray())[0]!.aliases).toContain(NEW);
    // A later visit straight to the new address, in another tab, finds it as well.
    expect(await send('listPageHighlights', {}, contentScriptOn(NEW, 12))).toMatchObject({
      ok: true,
      value: [{ text: 'Poor attention.' }],
    });
  });

  it('never uses a tab’s old redirects for the page the user navigated to next', async () => {
    const { send, redirect } = setUp([postTab(OLD)]);
    await send('saveHighlight', { draft }, contentScriptOn(OLD));
    redirect(7, OLD, NEW);
    expect(await send('listPageHighlights', {}, contentScriptOn('http://127.0.0.1:8080/about.html'))).toEqual({ ok: true, value: [] });
  });

  it('clips with the redirect sources as aliases', async () => {
    const { send, redirect } = setUp([postTab(NEW)]);
    redirect(7, OLD, NEW);
    expect(await send('clipTab', { tabId: 7 }, popup)).toMatchObject({ ok: true, value: { status: 'saved' } });
    expect((await db.clips.toArray())[0]!.aliases).toEqual(expect.arrayContaining([OLD, NEW]));
  });

  it('shows the popup of a tab redirected from an old clip’s address that page as saved, with its highlights', async () => {
    const { send, redirect, tabs } = setUp([postTab(OLD)]);
    await send('saveHighlight', { draft }, contentScriptOn(OLD));
    tabs[0]!.url = NEW;
    redirect(7, OLD, NEW);
    expect(await send('getPageState', { tabId: 7 }, popup)).toMatchObject({ ok: true, value: { clip: { canonicalUrl: OLD } } });
    expect(await send('getTabHighlights', { tabId: 7 }, popup)).toMatchObject({
      ok: true,
      value: { highlights: [{ text: 'Poor attention.' }] },
    });
  });
});
