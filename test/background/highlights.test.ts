import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import { CrisscrossDb } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';
import { createFakeBrowser } from '../fakes/fake-browser';

const ID = 'crisscross-test-id';
const popup = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const PAGE = 'http://127.0.0.1:8080/posts/fast-response.html';
const OTHER = 'http://127.0.0.1:8080/posts/other.html';
const contentScriptOn = (url: string, tabId = 7) => ({ id: ID, url, tab: { id: tabId } });
const request = (type: string, payload: unknown) => ({ channel: 'crisscross', type, payload });
const draft = { selectors: makeSelectors(), note: 'A note', color: 'yellow' };

let db: CrisscrossDb;
beforeEach(() => {
  db = new CrisscrossDb(`hl-${Math.random()}`);
});
const running: { stop: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((background) => background.stop()));
  await db.delete();
});

function setUp() {
  const anchors: Record<string, string | null> = {};
  const refreshed: number[] = [];
  const fake = createFakeBrowser([
    {
      id: 7,
      url: PAGE,
      title: 'Fast response',
      reply: (message) => {
        const type = (message as { type: string }).type;
        if (type === 'capturePage') return { ok: true, value: makeCapture({ url: PAGE }) };
        if (type === 'reportAnchors') return { ok: true, value: anchors };
        if (type === 'refreshHighlights') {
          refreshed.push(7);
          return { ok: true, value: { drawn: 0 } };
        }
        if (type === 'describeSelection') return { ok: true, value: makeSelectors('Fast response when we have a problem.', 4000) };
        return { ok: false, error: 'unexpected' };
      },
    },
    {
      id: 8,
      url: OTHER,
      title: 'Other',
      reply: () => ({ ok: true, value: makeCapture({ url: OTHER, canonicalUrl: OTHER, aliases: [] }) }),
    },
  ]);
  fake.browser.tabs.query = (async () => fake.tabs) as never;
  const background = createBackground({ browser: fake.browser, db, log: vi.fn() });
  running.push(background);
  const send = (type: string, payload: unknown, sender: object) => background.router(request(type, payload), sender);
  return { send, anchors, refreshed };
}

describe('highlights in the background', () => {
  it('saves a highlight from a content script, clipping its page first', async () => {
    const { send } = setUp();
    const saved = await send('saveHighlight', { draft }, contentScriptOn(PAGE));
    expect(saved).toMatchObject({
      ok: true,
      value: { text: 'Poor attention.', note: 'A note', color: 'yellow', pageTitle: makeCapture().title },
    });
    expect(await db.clips.count()).toBe(1);
    expect(await send('listPageHighlights', {}, contentScriptOn(PAGE))).toMatchObject({ ok: true, value: [{ text: 'Poor attention.' }] });
  });

  it('never gives a page the highlights of another page', async () => {
    const { send } = setUp();
    const saved = await send('saveHighlight', { draft }, contentScriptOn(PAGE));
    const id = (saved as { value: { id: string } }).value.id;
    await send('saveHighlight', { draft }, contentScriptOn(OTHER, 8));
    expect(await send('listPageHighlights', {}, contentScriptOn(OTHER, 8))).toMatchObject({
      ok: true,
      value: [expect.objectContaining({ pageUrl: OTHER })],
    });
    expect(await send('updateHighlight', { id, changes: { note: 'hijacked' } }, contentScriptOn(OTHER, 8))).toMatchObject({
      ok: false,
      code: 'forbidden-sender',
    });
    expect(await send('deleteHighlight', { id }, contentScriptOn(OTHER, 8))).toMatchObject({ ok: false, code: 'forbidden-sender' });
    expect(await db.highlights.get(id)).toMatchObject({ note: 'A note' });
  });

  it('refuses content scripts the popup-only requests and malformed selectors', async () => {
    const { send } = setUp();
    expect(await send('getTabHighlights', { tabId: 7 }, contentScriptOn(PAGE))).toMatchObject({ ok: false, code: 'forbidden-sender' });
    const bad = { ...draft, selectors: { ...draft.selectors, quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' } } };
    expect(await send('saveHighlight', { draft: bad }, contentScriptOn(PAGE))).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(await send('saveHighlight', { draft: { ...draft, color: 'red; background:url(x)' } }, contentScriptOn(PAGE))).toMatchObject({
      ok: false,
    });
  });

  it('lists a tab’s highlights for the popup with their anchoring state', async () => {
    const { send, anchors } = setUp();
    const saved = (await send('saveHighlight', { draft }, contentScriptOn(PAGE))) as { value: { id: string } };
    anchors[saved.value.id] = null;
    expect(await send('getTabHighlights', { tabId: 7 }, popup)).toMatchObject({
      ok: true,
      value: { highlights: [{ id: saved.value.id }], anchors: { [saved.value.id]: null } },
    });
  });

  it('remembers which highlights were not found, for the library’s orphan filter', async () => {
    const { send, anchors } = setUp();
    const first = (await send('saveHighlight', { draft }, contentScriptOn(PAGE))) as { value: { id: string } };
    const second = (await send('saveHighlight', { draft: { ...draft, note: '' } }, contentScriptOn(PAGE))) as { value: { id: string } };
    anchors[first.value.id] = null;
    anchors[second.value.id] = 'range';
    await send('getTabHighlights', { tabId: 7 }, popup);
    const orphansOnly = { type: 'highlight', sort: 'saved', hasNotes: false, orphaned: true, offset: 0, limit: 10 };
    expect(await send('listLibrary', orphansOnly, popup)).toMatchObject({ ok: true, value: { total: 1, items: [{ id: first.value.id }] } });
    expect(await send('listLibrary', { ...orphansOnly, orphaned: false }, popup)).toMatchObject({ ok: true, value: { total: 2 } });
    // Found again on a later visit: no longer an orphan.
    anchors[first.value.id] = 'quote';
    await send('getTabHighlights', { tabId: 7 }, popup);
    expect(await send('listLibrary', orphansOnly, popup)).toMatchObject({ ok: true, value: { total: 0, items: [] } });
  });

  it('edits a note from the popup and tells the page to redraw', async () => {
    const { send, refreshed } = setUp();
    const saved = (await send('saveHighlight', { draft }, contentScriptOn(PAGE))) as { value: { id: string } };
    const updated = await send('updateHighlight', { id: saved.value.id, changes: { note: 'Edited', color: 'green' } }, popup);
    expect(updated).toMatchObject({ ok: true, value: { note: 'Edited', color: 'green', text: 'Poor attention.' } });
    expect(refreshed).toEqual([7]);
  });

  it('saves tags from the page’s note editor within their limits', async () => {
    const { send } = setUp();
    const saved = (await send('saveHighlight', { draft }, contentScriptOn(PAGE))) as { value: { id: string } };
    const id = saved.value.id;
    expect(
      await send('updateHighlight', { id, changes: { note: 'n', color: 'blue', tags: ['speed', 'service'] } }, contentScriptOn(PAGE)),
    ).toMatchObject({
      ok: true,
      value: { tags: ['speed', 'service'], note: 'n', color: 'blue' },
    });
    expect(await send('updateHighlight', { id, changes: { tags: ['x'.repeat(61)] } }, contentScriptOn(PAGE))).toMatchObject({
      ok: false,
      code: 'invalid-request',
    });
    const tooMany = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(await send('updateHighlight', { id, changes: { tags: tooMany } }, contentScriptOn(PAGE))).toMatchObject({ ok: false });
    expect(await db.highlights.get(id)).toMatchObject({ tags: ['speed', 'service'] });
  });

  it('re-attaches an orphan to the selection in the tab', async () => {
    const { send } = setUp();
    const saved = (await send('saveHighlight', { draft }, contentScriptOn(PAGE))) as { value: { id: string } };
    const moved = await send('reattachHighlight', { tabId: 7, id: saved.value.id }, popup);
    expect(moved).toMatchObject({ ok: true, value: { text: 'Fast response when we have a problem.', note: 'A note' } });
  });

  it('deletes a highlight and reports a missing one clearly', async () => {
    const { send } = setUp();
    const saved = (await send('saveHighlight', { draft }, contentScriptOn(PAGE))) as { value: { id: string } };
    expect(await send('deleteHighlight', { id: saved.value.id }, popup)).toEqual({ ok: true, value: { deleted: true } });
    expect(await db.highlights.count()).toBe(0);
    expect(await send('updateHighlight', { id: saved.value.id, changes: { note: 'x' } }, popup)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });
});
