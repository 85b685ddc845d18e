// Builds the background worker from its dependencies, so tests can pass fake-indexeddb and a fake browser.
import type { Browser } from '../platform/browser';
import type { BackgroundRequests } from '../messaging/protocol';
import { createRouter, type Handlers } from '../messaging/router';
import { requestSchemas, requestSenders } from '../messaging/schemas';
import type { CrisscrossDb } from '../storage/db';
import { listRecentClips } from '../storage/clip-store';
import { clipTab } from './clip-tab';
import { getPageState } from './page-state';

export const CLIP_MENU_ID = 'crisscross-clip-page';
export const CLIP_COMMAND = 'clip-page';

export interface BackgroundDeps {
  browser: Browser;
  db: CrisscrossDb;
  log?: (message: string) => void;
}

export function createBackground({ browser, db, log = (message) => console.warn(`[crisscross] ${message}`) }: BackgroundDeps) {
  const handlers: Handlers<BackgroundRequests> = {
    getPageState: ({ tabId }) => getPageState(browser, db, tabId),
    clipTab: ({ tabId }) => clipTab(browser, db, tabId),
    listRecentClips: ({ limit }) => listRecentClips(db, limit),
    warmUp: async () => {
      await db.open();
      return { ready: true };
    },
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
    clipTab(browser, db, tabId).catch((error: Error) => log(`Clip failed: ${error.message}`));
  };

  /** Registers every listener synchronously, as MV3 requires for a worker woken by an event. */
  function start() {
    browser.runtime.onMessage.addListener(router as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
    browser.runtime.onInstalled.addListener(() => {
      browser.contextMenus.removeAll().then(() =>
        browser.contextMenus.create({ id: CLIP_MENU_ID, title: 'Clip page to Crisscross', contexts: ['page', 'selection'] }),
      );
    });
    browser.contextMenus.onClicked.addListener((info, tab) => {
      if (info.menuItemId === CLIP_MENU_ID) clipFromBrowserUi(tab?.id);
    });
    browser.commands.onCommand.addListener((command, tab) => {
      if (command !== CLIP_COMMAND) return;
      if (tab?.id !== undefined) return clipFromBrowserUi(tab.id);
      browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => clipFromBrowserUi(active?.id));
    });
  }

  return { start, router, handlers };
}
