// The offscreen document's entry point (Chromium only): the search host. See search-host-page.ts.
import { browser } from '../platform/browser';
import { CrisscrossDb } from '../storage/db';
import { createSearchHostPage } from './search-host-page';

const page = createSearchHostPage({
  db: new CrisscrossDb(),
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  sendMessage: (message) => browser.runtime.sendMessage(message),
  log: (message) => console.warn(`[crisscross search host] ${message}`),
});
browser.runtime.onMessage.addListener(page.listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
