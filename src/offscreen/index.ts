// The offscreen document's entry point (Chromium only): the search host. See search-host-page.ts.
import { browser } from '../platform/browser';
import { CrisscrossDb } from '../storage/db';
import { postToWorker } from './post-to-worker';
import { createSearchHostPage } from './search-host-page';

const page = createSearchHostPage({
  db: new CrisscrossDb(),
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  // Snapshot parts go straight to the worker, not over the runtime's message bus.
  sendMessage: postToWorker,
  log: (message) => console.warn(`[crisscross search host] ${message}`),
});
browser.runtime.onMessage.addListener(page.listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
