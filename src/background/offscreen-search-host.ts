// The worker's side of a search host in an offscreen document (Chromium): every search request and write
// notification goes there by runtime message. The document outlives the worker, so a worker woken after
// an idle stop answers from an index that is already loaded, instead of restoring it first.
import type { ItemRef } from '../core/search';
import { envelope } from '../messaging/envelope';
import { SEARCH_HOST_PAGE, type RequestOf, type ResponseOf, type SearchHostRequests } from '../messaging/protocol';
import { RequestError, type Result } from '../messaging/result';
import type { InProcessSearchHost, SearchHost } from './search-host';

/** The parts of chrome.offscreen used here. */
export interface OffscreenApi {
  hasDocument?: () => Promise<boolean>;
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
}

export interface OffscreenSearchHostDeps {
  offscreen: OffscreenApi;
  /** runtime.sendMessage: rejects (or answers nothing) when no document is listening. */
  sendMessage: (message: unknown) => Promise<unknown>;
  /** The in-process host used when the document cannot be created. */
  fallback: () => InProcessSearchHost;
  log: (message: string) => void;
}

/** Items per change message: an import of a whole library is sent in several. */
const REFS_PER_MESSAGE = 10_000;

/** The browser refuses a second document; another start of the worker may have created it meanwhile. */
const ALREADY_EXISTS = /single offscreen document/i;

export function createOffscreenSearchHost({ offscreen, sendMessage, fallback, log }: OffscreenSearchHostDeps): SearchHost {
  let documentReady: Promise<void> | null = null;
  let inProcess: InProcessSearchHost | null = null;
  /** Items this worker told a host of: told again to a host created since, whose snapshot may predate them. */
  const notified = new Map<string, ItemRef>();
  const unsent: ItemRef[] = [];
  /** A new worker has the host catch up with the change feed before anything else (see the end). */
  let catchUpDue = true;
  let sendTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  /** Creates the document when it is missing; resolves to whether it had to. */
  async function createIfMissing(): Promise<boolean> {
    if (offscreen.hasDocument && (await offscreen.hasDocument())) return false;
    try {
      await offscreen.createDocument({
        url: SEARCH_HOST_PAGE,
        reasons: ['WORKERS'],
        justification: 'Keeps the search index loaded while the service worker is stopped, so search answers at once.',
      });
      return true;
    } catch (error) {
      if (ALREADY_EXISTS.test((error as Error).message)) return false;
      throw error;
    }
  }

  /** Makes sure a host document exists; a new one is told of every item this worker notified before. */
  function ensureDocument(): Promise<void> {
    documentReady ??= createIfMissing().then(
      (created) => {
        // A loop, not push(...): a whole library's items would overflow the argument stack.
        if (created) for (const ref of notified.values()) unsent.push(ref);
      },
      (error: Error) => {
        log(`Search runs in the worker: the offscreen document could not be created (${error.message})`);
        inProcess = fallback();
      },
    );
    return documentReady;
  }

  async function send<K extends keyof SearchHostRequests & string>(
    type: K,
    payload: RequestOf<SearchHostRequests, K>,
  ): Promise<ResponseOf<SearchHostRequests, K>> {
    const result = (await sendMessage(envelope<SearchHostRequests, K>(type, payload, 'crisscross-search-host'))) as
      Result<ResponseOf<SearchHostRequests, K>> | undefined;
    if (!result) throw new Error('the search host did not answer');
    if (!result.ok) throw new RequestError(result.error, result.code ?? 'internal');
    return result.value;
  }

  /**
   * Sends a request to the host document, creating it first if needed. A transport failure means the
   * document is gone (closed, crashed): it is created again and the request sent once more.
   */
  async function call<K extends keyof SearchHostRequests & string>(
    type: K,
    payload: RequestOf<SearchHostRequests, K>,
  ): Promise<ResponseOf<SearchHostRequests, K>> {
    for (let attempt = 0; ; attempt++) {
      await ensureDocument();
      if (inProcess) throw new FellBack();
      // Writes the host has not been told of yet go first, so this request sees them.
      if (type !== 'hostItemsChanged' && (unsent.length || catchUpDue)) await sendChanges();
      try {
        return await send(type, payload);
      } catch (error) {
        if (error instanceof RequestError || attempt > 0) throw error;
        documentReady = null;
      }
    }
  }

  async function sendChanges(): Promise<void> {
    clearTimeout(sendTimer);
    const items = unsent.splice(0, REFS_PER_MESSAGE);
    const wasDue = catchUpDue;
    catchUpDue = false;
    try {
      await call('hostItemsChanged', { items });
      // More than one message's worth, or items a new document must be told again.
      if (unsent.length) schedule();
    } catch (error) {
      if (error instanceof FellBack) return;
      catchUpDue ||= wasDue;
      // Kept for the next request; a host created meanwhile also catches up from the change feed.
      unsent.unshift(...items);
      log(`The search host was not told of ${items.length} changes: ${(error as Error).message}`);
    }
  }

  function changed(refs: readonly ItemRef[]): void {
    if (stopped) return;
    for (const ref of refs) {
      notified.set(`${ref.type}:${ref.id}`, ref);
      unsent.push(ref);
    }
    schedule();
  }

  /** Writes of one request (an import: thousands) go together, once it has answered. */
  function schedule(): void {
    clearTimeout(sendTimer);
    sendTimer = setTimeout(() => void sendChanges(), 0);
  }

  /** Runs `remote` against the document, or `local` against the in-process host once it fell back. */
  async function either<T>(remote: () => Promise<T>, local: (host: InProcessSearchHost) => Promise<T>): Promise<T> {
    await ensureDocument();
    if (!inProcess) {
      try {
        return await remote();
      } catch (error) {
        if (!(error instanceof FellBack)) throw error;
      }
    }
    return local(inProcess!);
  }

  // A new worker: the host catches up with the change feed, in case the last worker stopped between a
  // write and its message.
  changed([]);

  return {
    search: (request) =>
      either(
        () => call('hostSearch', request),
        (host) => host.search(request),
      ),
    listFilterOptions: () =>
      either(
        () => call('hostListFilterOptions', {}),
        (host) => host.listFilterOptions(),
      ),
    warmUp: () =>
      either(
        () => call('hostWarmUp', {}),
        (host) => host.warmUp(),
      ),
    clipSaved(clip) {
      if (inProcess) return inProcess.clipSaved(clip);
      changed([{ type: 'clip', id: clip.id }]);
    },
    highlightSaved(highlight, clip) {
      if (inProcess) return inProcess.highlightSaved(highlight, clip);
      changed([{ type: 'highlight', id: highlight.id }]);
    },
    itemRemoved(ref) {
      if (inProcess) return inProcess.itemRemoved(ref);
      changed([ref]);
    },
    async collectionsChanged(refs) {
      if (inProcess) return inProcess.collectionsChanged(refs);
      changed(refs);
    },
    flush: () =>
      either(
        async () => {
          await call('hostFlush', {});
        },
        (host) => host.flush(),
      ),
    async stop() {
      stopped = true;
      clearTimeout(sendTimer);
      await inProcess?.stop();
    },
  };
}

/** Thrown inside when the document could not be created and the in-process host took over. */
class FellBack extends Error {}
