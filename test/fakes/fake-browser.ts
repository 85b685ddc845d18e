// A small in-memory stand-in for the WebExtension APIs the background uses, for unit tests.
import type { Browser } from '../../src/platform/browser';

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (listener: Listener) => void listeners.push(listener),
    fire: (...args: unknown[]) => listeners.map((listener) => (listener as (...a: unknown[]) => unknown)(...args)),
  };
}

export interface FakeTab {
  id: number;
  url?: string;
  title?: string;
  /** What the content script in this tab answers; undefined means no content script listens. */
  reply?: (message: unknown) => unknown;
}

export function createFakeBrowser(tabs: FakeTab[] = []) {
  const badges = new Map<number, string>();
  const menus: { id: string; title: string }[] = [];
  const injected: number[] = [];
  const events = {
    onMessage: event(),
    onInstalled: event(),
    onClicked: event(),
    onCommand: event(),
    onBeforeRedirect: event(),
    onTabRemoved: event(),
  };
  /** storage.session: it outlives a worker restart (a second createBackground on the same fake). */
  const session = new Map<string, unknown>();
  const fake = {
    runtime: {
      id: 'crisscross-test-id',
      getURL: (path: string) => `chrome-extension://crisscross-test-id/${path}`,
      getManifest: () => ({ version: '0.1.0' }),
      onMessage: events.onMessage,
      onInstalled: events.onInstalled,
    },
    extension: { isAllowedFileSchemeAccess: async () => false },
    tabs: {
      get: async (id: number) => {
        const tab = tabs.find((candidate) => candidate.id === id);
        if (!tab) throw new Error(`No tab with id: ${id}`);
        return tab;
      },
      query: async () => tabs.slice(0, 1),
      sendMessage: async (id: number, message: unknown) => {
        const tab = tabs.find((candidate) => candidate.id === id);
        if (!tab?.reply) throw new Error('Could not establish connection. Receiving end does not exist.');
        return tab.reply(message);
      },
      onRemoved: events.onTabRemoved,
    },
    webRequest: { onBeforeRedirect: events.onBeforeRedirect },
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
        },
        remove: async (key: string) => void session.delete(key),
      },
    },
    scripting: {
      executeScript: async ({ target }: { target: { tabId: number } }) => {
        injected.push(target.tabId);
        throw new Error('Cannot access contents of the page.');
      },
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
      setBadgeBackgroundColor: async () => undefined,
      setTitle: async () => undefined,
    },
    contextMenus: {
      removeAll: async () => void menus.splice(0),
      create: (menu: { id: string; title: string }) => void menus.push(menu),
      onClicked: events.onClicked,
    },
    commands: { onCommand: events.onCommand },
  };
  return { browser: fake as unknown as Browser, badges, menus, injected, events, tabs, session };
}
