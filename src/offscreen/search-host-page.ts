// The search host in its offscreen document: answers the worker's search requests from an index that
// stays loaded while the worker is stopped. It reads the database (restore, catch-up, rebuild, result
// views) but never writes it: snapshots go to the worker in parts.
import { createInProcessSearchHost } from '../background/search-host';
import type { SnapshotWriter } from '../background/search-service';
import { splitSnapshot } from '../core/search/snapshot-transfer';
import { envelope } from '../messaging/envelope';
import type { BackgroundRequests, RequestOf, ResponseOf, SearchHostRequests } from '../messaging/protocol';
import type { Result } from '../messaging/result';
import { createRouter, type MessageSender } from '../messaging/router';
import type { Pause } from '../core/time-slices';
import { MAX_SNAPSHOT_PART_BYTES, searchHostSchemas, searchHostSenders } from '../messaging/schemas';
import type { CrisscrossDb } from '../storage/db';

/**
 * Quiet time after each snapshot part is stored, before the next is made. A part's bytes cross to the
 * worker and into IndexedDB through buffers the process appears to give back only a little later:
 * sent back to back, the 58 parts of a snapshot at 100k items raised the extension process's RSS by up to
 * 170 MB (peaks of 537 to 607 MB over four benchmark runs); with this gap, which adds about 8 s to that
 * save, the peak was 481-485 MB over three. A save is a cache write in the background: nobody waits for it.
 */
export const PART_GAP_MS = 150;

export interface SearchHostPageDeps {
  db: CrisscrossDb;
  extensionId: string;
  /** The extension's origin, e.g. chrome-extension://ID/ */
  extensionOrigin: string;
  /**
   * Sends a request to the worker (ServiceWorker.postMessage in the document, see post-to-worker.ts),
   * handing over the buffers in `transfer` rather than copying them.
   */
  sendMessage: (message: unknown, transfer?: ArrayBuffer[]) => Promise<unknown>;
  log: (message: string) => void;
  snapshotDelayMs?: number;
  /** Bytes per snapshot part (tests make it small). */
  partBytes?: number;
  /** Awaited after each part is stored but the last (default: PART_GAP_MS of quiet). */
  partGap?: Pause;
}

export function createSearchHostPage({
  db,
  extensionId,
  extensionOrigin,
  sendMessage,
  log,
  snapshotDelayMs,
  partBytes = MAX_SNAPSHOT_PART_BYTES,
  partGap = () => new Promise((resolve) => setTimeout(resolve, PART_GAP_MS)),
}: SearchHostPageDeps) {
  async function toWorker<K extends keyof BackgroundRequests & string>(
    type: K,
    payload: RequestOf<BackgroundRequests, K>,
    transfer: ArrayBuffer[] = [],
  ): Promise<ResponseOf<BackgroundRequests, K>> {
    const result = (await sendMessage(envelope<BackgroundRequests, K>(type, payload), transfer)) as
      Result<ResponseOf<BackgroundRequests, K>> | undefined;
    if (!result) throw new Error('the worker did not answer');
    if (!result.ok) throw new Error(result.error);
    return result.value;
  }

  const snapshots: SnapshotWriter = {
    async write(snapshot) {
      // One part at a time, each stored before the next is made, with a gap between them (PART_GAP_MS):
      // parts stay in order and memory stays flat. The parts are made in slices: this thread also draws
      // the popup and the library page. Each part's buffer is its own, and handed over to the worker.
      for await (const part of splitSnapshot(snapshot, crypto.randomUUID(), { maxBytes: partBytes })) {
        await toWorker('saveSearchSnapshotPart', part, [part.bytes.buffer as ArrayBuffer]);
        if (!part.last) await partGap();
      }
    },
    clear: async () => {
      await toWorker('clearSearchSnapshot', {});
    },
  };
  const host = createInProcessSearchHost(db, { log, snapshots, ...(snapshotDelayMs === undefined ? {} : { snapshotDelayMs }) });

  /** Change notifications are applied in order; a search waits for those that arrived before it. */
  let changesApplied: Promise<unknown> = Promise.resolve();
  const afterChanges = () => changesApplied.catch(() => undefined);

  const router = createRouter<SearchHostRequests>({
    extensionId,
    extensionOrigin,
    channel: 'crisscross-search-host',
    schemas: searchHostSchemas,
    senders: searchHostSenders,
    log,
    handlers: {
      hostSearch: async (request) => {
        await afterChanges();
        return host.search(request);
      },
      hostListFilterOptions: async () => {
        await afterChanges();
        return host.listFilterOptions();
      },
      hostWarmUp: async () => {
        await afterChanges();
        return host.warmUp();
      },
      hostItemsChanged: async ({ items }) => {
        const applied = afterChanges().then(() => host.reindex(items));
        changesApplied = applied;
        await applied;
        return { indexed: items.length };
      },
      hostFlush: async () => {
        await afterChanges();
        await host.flush();
        return { saved: true };
      },
    },
  });

  return {
    /** The runtime.onMessage listener: answers only the worker's requests on the search host's channel. */
    listener: (message: unknown, sender: MessageSender) => router(message, sender),
    host,
  };
}
