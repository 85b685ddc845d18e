// The worker and a search host in an "offscreen document", joined by a fake runtime message bus: search
// goes through the host, snapshots come back to the worker in parts, and no write is missed when
// messages are lost, the worker restarts or the document is closed.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../src/background/create-background';
import { createOffscreenSearchHost } from '../../src/background/offscreen-search-host';
import { createSearchHostPage } from '../../src/offscreen/search-host-page';
import type { SnapshotPart } from '../../src/core/search/snapshot-transfer';
import { CrisscrossDb } from '../../src/storage/db';
import { makeCapture } from '../fixtures/captures';
import { createFakeBrowser, type FakeTab } from '../fakes/fake-browser';

const ORIGIN = 'chrome-extension://crisscross-test-id/';
const popupSender = { id: 'crisscross-test-id', url: `${ORIGIN}popup.html` };
const workerSender = { id: 'crisscross-test-id', url: `${ORIGIN}background.js` };
const hostSender = { id: 'crisscross-test-id', url: `${ORIGIN}offscreen.html` };
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';

type Envelope = { channel: string; type: string; payload: unknown };
type Answer = { ok: boolean; value?: unknown; error?: string };

let db: CrisscrossDb;
const cleanups: (() => Promise<void>)[] = [];
beforeEach(() => {
  db = new CrisscrossDb(`host-${Math.random()}`);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await db.delete();
});

const tabFor = (id: number, title: string, text: string): FakeTab => {
  const url = `http://blog.example/${id}`;
  const capture = makeCapture({ url, canonicalUrl: url, aliases: [], title, text, excerpt: '' });
  return { id, url, title, reply: () => ({ ok: true, value: capture }) };
};

/**
 * One browser: a worker (createBackground, started again with startWorker) and at most one offscreen
 * document hosting search. `lose` drops the worker's change notifications on the way.
 */
function setUp(tabs: FakeTab[], { partBytes = 1_000, createFails = false } = {}) {
  const fake = createFakeBrowser(tabs);
  const log = vi.fn();
  const sent: Envelope[] = [];
  /** What the document posted to the worker, with the buffers each message handed over. */
  const posted: { message: Envelope; transfer: ArrayBuffer[] }[] = [];
  /** How many messages the document had posted at each gap it took between snapshot parts. */
  const gapsAfter: number[] = [];
  const bus = { lose: false };
  let host: ReturnType<typeof createSearchHostPage> | null = null;
  let worker: ReturnType<typeof createBackground> | null = null;
  let documentsCreated = 0;

  const closeDocument = async () => {
    const closing = host;
    host = null;
    await closing?.host.stop();
  };
  const offscreen = {
    hasDocument: async () => host !== null,
    createDocument: async ({ url }: { url: string }) => {
      if (createFails) throw new Error('Offscreen documents are not allowed here');
      if (host) throw new Error('Only a single offscreen document may be created.');
      expect(url).toBe('offscreen.html');
      documentsCreated++;
      host = createSearchHostPage({
        db,
        extensionId: 'crisscross-test-id',
        extensionOrigin: ORIGIN,
        log,
        snapshotDelayMs: 60_000,
        partBytes,
        partGap: async () => {
          gapsAfter.push(posted.length);
        },
        // The document's messages reach the worker (the other pages do not answer them).
        sendMessage: async (message, transfer = []) => {
          sent.push(message as Envelope);
          posted.push({ message: message as Envelope, transfer });
          if (!worker) throw new Error(NO_RECEIVER);
          return worker.router(message, hostSender);
        },
      });
    },
  };
  Object.assign(fake.browser, { offscreen });
  Object.assign(fake.browser.runtime, {
    // The worker's messages reach the document, when there is one.
    sendMessage: async (message: Envelope) => {
      sent.push(message);
      if (bus.lose && message.type === 'hostItemsChanged') return { ok: true, value: { indexed: 0 } };
      const answer = host?.listener(message, workerSender);
      if (!answer) throw new Error(NO_RECEIVER);
      return answer;
    },
  });

  /** Starts the worker (again): a new worker keeps nothing of the last one but the database. */
  const startWorker = async () => {
    await worker?.stop();
    worker = createBackground({ browser: fake.browser, db, log });
    worker.start();
  };
  cleanups.push(async () => {
    await worker?.stop();
    await closeDocument();
  });

  const send = async (type: string, payload: unknown) =>
    (await worker!.router({ channel: 'crisscross', type, payload }, popupSender)) as Answer;
  const titles = async (query: string) => {
    const answer = await send('search', { query, mode: 'full', filters: {}, limit: 10 });
    if (!answer.ok) throw new Error(answer.error);
    return (answer.value as { results: { title: string }[] }).results.map((result) => result.title).sort();
  };
  /** Waits until the host's index is built (a new library starts with a rebuild, answering what is ready). */
  const indexed = () => expect.poll(async () => ((await send('warmUp', {})).value as { index: string }).index).toBe('ready');
  const clip = async (tabId: number) => expect(await send('clipTab', { tabId })).toMatchObject({ ok: true });
  return {
    bus,
    log,
    sent,
    posted,
    gapsAfter,
    send,
    titles,
    clip,
    indexed,
    startWorker,
    closeDocument,
    /** Saves the snapshot now, through the worker's search host. */
    flush: () => worker!.search.flush(),
    documentsCreated: () => documentsCreated,
  };
}

describe('search in an offscreen document', () => {
  it('answers the pages through the host, which the worker creates on start', async () => {
    const { startWorker, clip, titles, sent, documentsCreated } = setUp([tabFor(1, 'Herons of the estuary', 'The heron waits.')]);
    await startWorker();
    await clip(1);
    expect(await titles('heron')).toEqual(['Herons of the estuary']);
    expect(documentsCreated()).toBe(1);
    expect(sent.map((message) => message.type)).toEqual(expect.arrayContaining(['hostItemsChanged', 'hostSearch']));
    expect(sent.every((message) => message.channel === 'crisscross-search-host')).toBe(true);
  });

  it('refuses search host requests from anyone but the worker', async () => {
    const { startWorker, send } = setUp([]);
    await startWorker();
    await send('warmUp', {});
    const page = createSearchHostPage({
      db,
      extensionId: 'crisscross-test-id',
      extensionOrigin: ORIGIN,
      log: () => undefined,
      sendMessage: async () => undefined,
    });
    cleanups.push(() => page.host.stop());
    const request = { channel: 'crisscross-search-host', type: 'hostFlush', payload: {} };
    expect(await page.listener(request, popupSender)).toMatchObject({ ok: false, code: 'forbidden-sender' });
    // The pages' own requests are left to the worker, even those the host could answer.
    expect(page.listener({ channel: 'crisscross', type: 'search', payload: {} }, popupSender)).toBeUndefined();
  });

  it('sends its snapshot to the worker in parts, and a new document restores from it without a rebuild', async () => {
    // Many distinct words, so each tier's JSON spans several parts.
    const text = `Herons wade through the estuary shallows. ${Array.from({ length: 400 }, (_, i) => `marsh${i}word`).join(' ')}`;
    const { startWorker, clip, titles, sent, posted, gapsAfter, closeDocument, log, flush } = setUp([
      tabFor(1, 'Herons of the estuary', text),
    ]);
    await startWorker();
    await clip(1);
    const parts = () => sent.filter((message) => message.type === 'saveSearchSnapshotPart');
    await flush();
    expect(parts().length).toBeGreaterThan(3);
    expect(parts().every((message) => (message.payload as SnapshotPart).bytes.byteLength <= 1_000)).toBe(true);
    // Each part's buffer is handed over with it, not copied.
    expect(
      posted.every(({ message, transfer }) =>
        message.type === 'saveSearchSnapshotPart'
          ? transfer.length === 1 && transfer[0] === (message.payload as SnapshotPart).bytes.buffer
          : transfer.length === 0,
      ),
    ).toBe(true);
    expect(posted.filter(({ transfer }) => transfer.length === 1).length).toBe(parts().length);
    // A gap after each part but the last, each taken once its part was posted (and stored: posting awaits the answer).
    const partAt = posted.flatMap(({ message }, i) => (message.type === 'saveSearchSnapshotPart' ? [i + 1] : []));
    expect(gapsAfter).toEqual(partAt.slice(0, -1));
    // Stored as they came: a row per part, and a manifest per tier naming the transfer.
    const full = (await db.searchSnapshot.get('full'))!;
    const fullParts = await db.searchSnapshot.where('tier').startsWith(`full:${full.transfer}:`).toArray();
    expect(fullParts.length).toBe(full.parts);
    expect(fullParts.length).toBeGreaterThan(1);
    expect(fullParts.reduce((chars, row) => chars + row.json.length, 0)).toBeGreaterThan(2_000);
    expect((await db.searchSnapshot.get('quick'))!.transfer).toBe(full.transfer);

    await closeDocument();
    log.mockClear();
    expect(await titles('shallows')).toEqual(['Herons of the estuary']);
    expect(log.mock.calls.flat().join('\n')).not.toMatch(/Rebuilding/);
  });

  it('finds a write whose message was lost once a new worker starts (it has the host catch up from the change feed)', async () => {
    const { startWorker, clip, titles, bus, documentsCreated, indexed } = setUp([
      tabFor(1, 'Herons of the estuary', 'The heron waits.'),
      tabFor(2, 'Otters below the weir', 'The otter dives.'),
    ]);
    await startWorker();
    await indexed();
    await clip(1);
    expect(await titles('heron')).toEqual(['Herons of the estuary']);
    bus.lose = true;
    await clip(2);
    expect(await titles('otter')).toEqual([]);
    bus.lose = false;
    await startWorker();
    expect(await titles('otter')).toEqual(['Otters below the weir']);
    expect(await titles('heron')).toEqual(['Herons of the estuary']);
    // The same document answered throughout: the index outlived the worker.
    expect(documentsCreated()).toBe(1);
  });

  it('finds everything after the document is closed: the snapshot, the change feed, and what the feed cannot show', async () => {
    const { startWorker, clip, titles, send, flush, closeDocument, documentsCreated } = setUp([
      tabFor(1, 'Herons of the estuary', 'The heron waits.'),
      tabFor(2, 'Otters below the weir', 'The otter dives.'),
    ]);
    await startWorker();
    await clip(1);
    await flush();
    await closeDocument();
    // Saved while no document is open: the worker creates one to tell it.
    await clip(2);
    expect(await titles('otter')).toEqual(['Otters below the weir']);
    expect(documentsCreated()).toBe(2);

    // A collection change leaves the items' times alone, so the change feed does not show it: a new
    // document is told again of every item this worker told the last one about.
    await flush();
    const created = await send('createCollection', {
      name: 'Rivers',
      description: '',
      items: [{ type: 'clip', id: (await db.clips.toArray()).find((c) => c.title.startsWith('Herons'))!.id }],
    });
    expect(created).toMatchObject({ ok: true });
    expect(await titles('collection:rivers')).toEqual(['Herons of the estuary']);
    await closeDocument();
    expect(await titles('collection:rivers')).toEqual(['Herons of the estuary']);
    expect(documentsCreated()).toBe(3);
    expect(await titles('heron')).toEqual(['Herons of the estuary']);
  });

  it('finds a write made while the document was closed after both the worker and the document start again', async () => {
    const { startWorker, clip, titles, flush, closeDocument, bus } = setUp([
      tabFor(1, 'Herons of the estuary', 'The heron waits.'),
      tabFor(2, 'Otters below the weir', 'The otter dives.'),
    ]);
    await startWorker();
    await clip(1);
    await flush();
    bus.lose = true;
    await clip(2);
    await closeDocument();
    bus.lose = false;
    await startWorker();
    expect(await titles('otter')).toEqual(['Otters below the weir']);
    expect(await titles('heron')).toEqual(['Herons of the estuary']);
  });

  it('searches in the worker when the document cannot be created, and says why', async () => {
    const { startWorker, clip, titles, log, sent } = setUp([tabFor(1, 'Herons of the estuary', 'The heron waits.')], { createFails: true });
    await startWorker();
    await clip(1);
    expect(await titles('heron')).toEqual(['Herons of the estuary']);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/Search runs in the worker: .*not allowed here/));
    expect(sent).toEqual([]);
  });
});

describe('the worker side of the search host', () => {
  it('sends a large batch of changes in several messages', async () => {
    const batches: number[] = [];
    const host = createOffscreenSearchHost({
      offscreen: { hasDocument: async () => true, createDocument: async () => undefined },
      sendMessage: async (message) => {
        const { type, payload } = message as { type: string; payload: { items?: unknown[] } };
        if (type === 'hostItemsChanged') batches.push(payload.items!.length);
        return {
          ok: true,
          value: type === 'hostItemsChanged' ? { indexed: payload.items!.length } : { items: 0, index: 'ready', fullText: true },
        };
      },
      fallback: () => {
        throw new Error('not expected');
      },
      log: () => undefined,
    });
    cleanups.push(() => host.stop());
    await host.collectionsChanged(Array.from({ length: 25_000 }, (_, i) => ({ type: 'clip' as const, id: `clip-${i}` })));
    await expect.poll(() => batches).toEqual([10_000, 10_000, 5_000]);
  });
});
