// Remembers, per tab, the server redirects of its latest navigation (webRequest, observe only), so a
// clip or highlight saved from the tab records the old addresses as aliases, and a page reached
// through an address a clip is known by finds that clip's highlights.
// Kept in storage.session: the MV3 worker stops when idle and would lose them from memory, and only
// our extension's own contexts can read that area (not content scripts, not pages).
import type { Browser, WebRequest } from '../platform/browser';
import { addRedirect, redirectSourcesFor, type RedirectChain } from '../core/redirect-chain';

export interface RedirectAliases {
  /** Registers the listeners; call synchronously when the worker starts. */
  start: () => void;
  /** The addresses that redirected the tab to `pageUrl` in its latest navigation (normalised). */
  sourcesFor: (tabId: number | undefined, pageUrl: string) => Promise<string[]>;
}

const keyOf = (tabId: number) => `redirects:${tabId}`;

export function createRedirectAliases(browser: Browser, log: (message: string) => void): RedirectAliases {
  const area = browser.storage.session;
  // One change at a time, so the hops of one navigation (often arriving together) all count.
  let pending: Promise<void> = Promise.resolve();
  const queue = (task: () => Promise<void>) => {
    pending = pending.then(task).catch((error: Error) => log(`Redirects not recorded: ${error.message}`));
    return pending;
  };

  const read = async (tabId: number): Promise<RedirectChain | null> =>
    ((await area.get(keyOf(tabId)))[keyOf(tabId)] as RedirectChain | undefined) ?? null;

  function onBeforeRedirect(details: WebRequest.OnBeforeRedirectDetailsType) {
    if (details.tabId < 0) return;
    void queue(async () => {
      const chain = addRedirect(await read(details.tabId), details);
      if (chain) await area.set({ [keyOf(details.tabId)]: chain });
      else await area.remove(keyOf(details.tabId));
    });
  }

  return {
    start() {
      browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] });
      browser.tabs.onRemoved.addListener((tabId) => void queue(() => area.remove(keyOf(tabId))));
    },
    async sourcesFor(tabId, pageUrl) {
      if (tabId === undefined || tabId < 0) return [];
      await pending;
      return redirectSourcesFor(await read(tabId), pageUrl);
    },
  };
}
