// What an extension page (the library) reaches of the browser, faked for component tests: requests to
// the background worker are answered by handlers each test gives, and every request is recorded;
// storage.local and the commands list are kept in memory. Test files swap it in for src/platform/browser
// with vi.mock, so the real components and the real messaging client run unchanged.
import type { BackgroundRequests, Envelope, RequestOf, ResponseOf } from '../../src/messaging/protocol';
import type { Result } from '../../src/messaging/result';

type Requests = BackgroundRequests;
type Handler<K extends keyof Requests> = (payload: RequestOf<Requests, K>) => ResponseOf<Requests, K> | Promise<ResponseOf<Requests, K>>;

const handlers = new Map<string, (payload: never) => unknown>();
const local = new Map<string, unknown>();

/** Every request the page sent, oldest first. */
export const sent: { type: string; payload: unknown }[] = [];

export const pageBrowser = {
  runtime: {
    async sendMessage(message: Envelope<Requests>): Promise<Result<unknown>> {
      sent.push({ type: message.type, payload: message.payload });
      const handler = handlers.get(message.type);
      if (!handler) return { ok: false, error: `No answer for "${message.type}" in this test.`, code: 'internal' };
      try {
        return { ok: true, value: await handler(structuredClone(message.payload) as never) };
      } catch (error) {
        return { ok: false, error: (error as Error).message, code: 'not-found' };
      }
    },
  },
  storage: {
    local: {
      get: async (key: string) => (local.has(key) ? { [key]: structuredClone(local.get(key)) } : {}),
      set: async (items: Record<string, unknown>) => {
        for (const [key, value] of Object.entries(items)) local.set(key, structuredClone(value));
      },
    },
  },
  commands: {
    getAll: async () => [
      { name: '_execute_action', description: '', shortcut: 'Alt+Shift+X' },
      { name: 'clip-page', description: 'Clip page to Crisscross', shortcut: 'Alt+Shift+S' },
      { name: 'open-library', description: 'Open the Crisscross library', shortcut: '' },
    ],
  },
};

/** Answers a request type for the rest of the test. */
export function answer<K extends keyof Requests & string>(type: K, handler: Handler<K>): void {
  handlers.set(type, handler as (payload: never) => unknown);
}

/** What the page keeps in storage.local. */
export const storedLocal = (key: string): unknown => local.get(key);

/** Puts a value in storage.local before the page reads it. */
export const setLocal = (key: string, value: unknown): void => void local.set(key, structuredClone(value));

/** navigator.storage as the page sees it; happy-dom has no StorageManager. Tests may swap its functions. */
export const storageManager = {
  estimate: async (): Promise<StorageEstimate> => ({ usage: 3 * 1_048_576, quota: 2_048 * 1_048_576 }),
  persisted: async () => false,
  persist: async () => false,
};

export function resetPageBrowser(): void {
  handlers.clear();
  local.clear();
  sent.splice(0);
  Object.defineProperty(navigator, 'storage', { configurable: true, value: { ...storageManager } });
}

/** The requests of one type the page sent, oldest first. */
export const requestsOf = <K extends keyof Requests & string>(type: K) =>
  sent.filter((request) => request.type === type).map((request) => request.payload as RequestOf<Requests, K>);
