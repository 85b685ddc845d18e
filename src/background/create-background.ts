// Builds the background worker from its dependencies, so tests can pass fake-indexeddb and a fake browser.
import type { Browser } from '../platform/browser';
import type { BackgroundRequests } from '../messaging/protocol';
import { createRouter, type Handlers } from '../messaging/router';
import { requestSchemas, requestSenders } from '../messaging/schemas';
import type { CrisscrossDb } from '../storage/db';
import { listRecentClips } from '../storage/clip-store';
import { listClipHighlights } from '../storage/highlight-store';
import { listLibrary, listLibraryRefs } from '../storage/library-store';
import { RequestError } from '../messaging/result';
import { createBackupService } from './backups';
import { clipTab } from './clip-tab';
import { createHighlightHandlers } from './highlights';
import { createConnectionService } from './connection-service';
import { createConnectionHandlers } from './connections';
import { createCollectionHandlers } from './collections';
import { createItemEditHandlers } from './item-edits';
import { applyUndo } from './undo';
import type { LibraryChanges } from './library-changes';
import { createLibraryConnections } from './library-connections';
import { createTagHandlers } from './tags';
import { createExportJobs } from './export-jobs';
import { createImportJobs } from './import-jobs';
import { getPageState } from './page-state';
import { createRedirectAliases } from './redirect-aliases';
import { createInProcessSearchHost, type SearchHost } from './search-host';
import { createOffscreenSearchHost, type OffscreenApi } from './offscreen-search-host';
import { createSnapshotReceiver } from './snapshot-receiver';

export const CLIP_MENU_ID = 'crisscross-clip-page';
export const CLIP_COMMAND = 'clip-page';
export const HIGHLIGHT_MENU_ID = 'crisscross-highlight';
export const HIGHLIGHT_NOTE_MENU_ID = 'crisscross-highlight-note';
export const HIGHLIGHT_COMMAND = 'highlight-selection';
export const LIBRARY_COMMAND = 'open-library';

export interface BackgroundDeps {
  browser: Browser;
  db: CrisscrossDb;
  log?: (message: string) => void;
  /** Quiet time before the search and connection snapshots are saved (tests shorten it). */
  snapshotDelayMs?: number;
}

export function createBackground({
  browser,
  db,
  log = (message) => console.warn(`[crisscross] ${message}`),
  snapshotDelayMs,
}: BackgroundDeps) {
  const searchOptions = { log, ...(snapshotDelayMs === undefined ? {} : { snapshotDelayMs }) };
  const inProcessSearch = () => createInProcessSearchHost(db, searchOptions);
  // Chromium: the search engine lives in an offscreen document that outlives the worker. Firefox has no
  // offscreen documents (its background page is not stopped the same way): it runs here.
  const offscreen = (browser as unknown as { offscreen?: OffscreenApi }).offscreen;
  const search: SearchHost = offscreen
    ? createOffscreenSearchHost({
        offscreen,
        sendMessage: (message) => browser.runtime.sendMessage(message),
        fallback: inProcessSearch,
        log,
      })
    : inProcessSearch();
  const snapshots = createSnapshotReceiver(db);
  const connectionIndex = createConnectionService(db, searchOptions);
  const libraryConnections = createLibraryConnections(db, connectionIndex);
  const changes: LibraryChanges = {
    clipSaved: (clip) => {
      search.clipSaved(clip);
      connectionIndex.clipSaved(clip);
      libraryConnections.invalidate();
    },
    highlightSaved: (highlight, clip) => {
      search.highlightSaved(highlight, clip);
      connectionIndex.highlightSaved(highlight);
      libraryConnections.invalidate();
    },
    itemRemoved: (ref) => {
      search.itemRemoved(ref);
      connectionIndex.itemRemoved(ref);
      libraryConnections.invalidate();
    },
    collectionsChanged: async (refs) => {
      await Promise.all([search.collectionsChanged(refs), connectionIndex.collectionsChanged(refs)]);
      libraryConnections.invalidate();
    },
  };
  const redirects = createRedirectAliases(browser, log);
  const tags = createTagHandlers(db, changes);
  const collections = createCollectionHandlers(db, changes);
  const itemEdits = createItemEditHandlers(db, changes);
  const highlights = createHighlightHandlers(browser, db, changes, redirects);
  const connections = createConnectionHandlers(browser, db, connectionIndex);
  const backups = createBackupService(browser, db, { log });
  const exports = createExportJobs(db, { appVersion: () => browser.runtime.getManifest().version, log });
  const imports = createImportJobs(db, changes);
  const handlers: Handlers<BackgroundRequests> = {
    getPageState: ({ tabId }) => getPageState(browser, db, redirects, tabId),
    clipTab: ({ tabId }) => clipTab(browser, db, changes, redirects, tabId),
    listRecentClips: ({ limit }) => listRecentClips(db, limit),
    saveHighlight: highlights.saveHighlight,
    listPageHighlights: highlights.listPageHighlights,
    updateHighlight: highlights.updateHighlight,
    deleteHighlight: highlights.deleteHighlight,
    getTabHighlights: highlights.getTabHighlights,
    reattachHighlight: highlights.reattachHighlight,
    search: (request) => search.search(request),
    listFilterOptions: () => search.listFilterOptions(),
    listLibrary: ({ offset, limit, after, ...query }) => listLibrary(db, query, { offset, limit, after }),
    listLibraryRefs: ({ offset, limit, ...query }) => listLibraryRefs(db, query, offset, limit),
    getClip: async ({ id }) => {
      const clip = await db.clips.get(id);
      if (!clip) throw new RequestError('That clip no longer exists.', 'not-found');
      return { clip, highlights: await listClipHighlights(db, id) };
    },
    startExport: ({ format, scope }) => exports.start(format, scope),
    nextExportPart: ({ jobId }) => exports.next(jobId),
    cancelExport: async ({ jobId }) => exports.cancel(jobId),
    startImport: async ({ fileName, size }) => imports.start(fileName, size),
    sendImportPart: async ({ jobId, index, text }) => imports.part(jobId, index, text),
    finishImport: ({ jobId }) => imports.finish(jobId),
    getImportPhase: async ({ jobId }) => imports.phase(jobId),
    cancelImport: async ({ jobId }) => imports.cancel(jobId),
    getTabConnections: connections.getTabConnections,
    setConnectionFeedback: async (request) => {
      const saved = await connections.setConnectionFeedback(request);
      libraryConnections.pairChanged(request.source, request.target);
      return saved;
    },
    getLibraryConnections: () => libraryConnections.get(),
    getLibraryConnectionsProgress: async () => libraryConnections.progress(),
    getTopicBridges: ({ a, b }) => libraryConnections.bridges(a, b),
    listTags: tags.listTags,
    renameTag: tags.renameTag,
    ...collections,
    ...itemEdits,
    undo: ({ undoId }) => applyUndo(db, changes, undoId),
    getBackupStatus: () => backups.status(),
    setBackupSettings: (settings) => backups.setSettings(settings),
    runBackup: async () => {
      await backups.backUp();
      return backups.status();
    },
    warmUp: async () => ({ ready: true, ...(await search.warmUp()) }),
    saveSearchSnapshotPart: (part) => snapshots.savePart(part),
    clearSearchSnapshot: () => snapshots.clear(),
  };

  const router = createRouter<BackgroundRequests>({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    handlers,
    schemas: requestSchemas,
    senders: requestSenders,
    log,
  });

  /** Clips from the context menu or the keyboard: the outcome shows on the toolbar badge. */
  const clipFromBrowserUi = (tabId: number | undefined) => {
    if (tabId === undefined) return;
    clipTab(browser, db, changes, redirects, tabId).catch((error: Error) => log(`Clip failed: ${error.message}`));
  };

  const highlightFromBrowserUi = (tabId: number | undefined, withNote: boolean) => {
    if (tabId === undefined) return;
    highlights.highlightInTab(tabId, withNote).catch((error: Error) => log(`Highlight failed: ${error.message}`));
  };

  /** Registers every listener synchronously, as MV3 requires for a worker woken by an event. */
  function start() {
    browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    redirects.start();
    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.removeAll().then(() => {
        browser.contextMenus.create({ id: CLIP_MENU_ID, title: 'Clip page to Crisscross', contexts: ['page', 'selection'] });
        browser.contextMenus.create({ id: HIGHLIGHT_MENU_ID, title: 'Highlight with Crisscross', contexts: ['selection'] });
        browser.contextMenus.create({ id: HIGHLIGHT_NOTE_MENU_ID, title: 'Highlight with note', contexts: ['selection'] });
      });
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CLIP_MENU_ID) clipFromBrowserUi(tab?.id);
      if (info.menuItemId === HIGHLIGHT_MENU_ID || info.menuItemId === HIGHLIGHT_NOTE_MENU_ID) {
        highlightFromBrowserUi(tab?.id, info.menuItemId === HIGHLIGHT_NOTE_MENU_ID);
      }
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      backups.onAlarm(alarm.name).catch((error: Error) => log(`Backup failed: ${error.message}`));
    });
    // Every start checks the backup alarm: Firefox forgets alarms when it restarts.
    backups.schedule().catch((error: Error) => log(`Could not schedule backups: ${error.message}`));
    browser.commands.onCommand.addListener(async (command, tab) => {
      const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (command === CLIP_COMMAND) clipFromBrowserUi(tabId);
      if (command === HIGHLIGHT_COMMAND) highlightFromBrowserUi(tabId, false);
      if (command === LIBRARY_COMMAND) void browser.tabs.create({ url: browser.runtime.getURL('library.html') });
    });
  }

  /** Stops timers and background work (tests close the database after this). */
  const stop = async () => {
    connectionIndex.stop();
    await search.stop();
  };

  return { start, router, handlers, search, backups, stop };
}
