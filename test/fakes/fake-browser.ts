// A small in-memory stand-in for the WebExtension APIs the background uses, for unit tests.
import { resolveObjectURL } from 'node:buffer';
import type { Browser } from '../../src/platform/browser';

/** What a download address holds: a blob: made in this process, or a base64 data: address. */
async function readDownloadUrl(url: string): Promise<string> {
  if (url.startsWith('blob:')) return (await resolveObjectURL(url)?.text()) ?? '';
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

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
    onAlarm: event(),
  };
  /** storage.session: it outlives a worker restart (a second createBackground on the same fake). */
  const session = new Map<string, unknown>();
  const storage = new Map<string, unknown>();
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  /** Optional permissions the user has granted. */
  const granted = new Set<string>();
  /** Files written through downloads.download, by download id; `failDownloads` makes the next ones fail. */
  const downloads = new Map<number, { id: number; text: string; filename: string; state: string; error?: string; exists: boolean }>();
  const downloadControl = { failWith: null as string | null, nextId: 1 };
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
    storage: {
      session: {
        get: async (key: string) => (session.has(key) ? { [key]: structuredClone(session.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) session.set(key, structuredClone(value));
        },
        remove: async (key: string) => void session.delete(key),
      },
      local: {
        get: async (keys: string | string[]) =>
          Object.fromEntries(
            (Array.isArray(keys) ? keys : [keys]).filter((key) => storage.has(key)).map((key) => [key, structuredClone(storage.get(key))]),
          ),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) storage.set(key, structuredClone(value));
        },
      },
    },
    alarms: {
      create: (name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }) =>
        void alarms.set(name, {
          name,
          scheduledTime: info.when ?? Date.now() + (info.delayInMinutes ?? 0) * 60_000,
          periodInMinutes: info.periodInMinutes,
        }),
      get: async (name: string) => alarms.get(name),
      clear: async (name: string) => alarms.delete(name),
      onAlarm: events.onAlarm,
    },
    permissions: {
      contains: async ({ permissions = [] }: { permissions?: string[] }) => permissions.every((name) => granted.has(name)),
    },
    downloads: {
      download: async ({ url, filename }: { url: string; filename: string }) => {
        const id = downloadControl.nextId++;
        const error = downloadControl.failWith;
        downloads.set(id, {
          id,
          text: await readDownloadUrl(url),
          filename,
          state: error ? 'interrupted' : 'complete',
          error: error ?? undefined,
          exists: !error,
        });
        return id;
      },
      search: async ({ id }: { id: number }) => (downloads.has(id) ? [{ ...downloads.get(id) }] : []),
      removeFile: async (id: number) => {
        const item = downloads.get(id);
        if (!item?.exists) throw new Error('Download file already deleted');
        item.exists = false;
      },
      erase: async ({ id }: { id: number }) => (downloads.delete(id) ? [id] : []),
    },
  };
  return {
    browser: fake as unknown as Browser,
    badges,
    menus,
    injected,
    events,
    tabs,
    session,
    storage,
    alarms,
    granted,
    downloads,
    downloadControl,
  };
}
