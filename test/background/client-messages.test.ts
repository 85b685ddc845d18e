import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenToClientMessages } from '../../src/background/client-messages';

type Listener = (event: unknown) => void;
const scope = globalThis as unknown as {
  ServiceWorkerGlobalScope?: unknown;
  addEventListener?: (type: string, listener: Listener) => void;
};

afterEach(() => {
  delete scope.ServiceWorkerGlobalScope;
  delete scope.addEventListener;
});

describe('messages posted to the service worker', () => {
  it('routes them with the poster as sender and answers on the port sent along, keeping the worker up meanwhile', async () => {
    let listener: Listener | undefined;
    scope.ServiceWorkerGlobalScope = class {};
    scope.addEventListener = (type, added) => {
      if (type === 'message') listener = added;
    };
    const router = vi.fn((message: unknown) => (message === 'ours' ? Promise.resolve({ ok: true, value: 1 }) : undefined));
    listenToClientMessages(router, 'ext-id');
    const port = { postMessage: vi.fn() };
    const waitUntil = vi.fn();
    listener!({ data: 'ours', source: { url: 'chrome-extension://ext-id/offscreen.html' }, ports: [port], waitUntil });
    expect(router).toHaveBeenCalledWith('ours', { id: 'ext-id', url: 'chrome-extension://ext-id/offscreen.html' });
    await waitUntil.mock.calls[0]![0];
    expect(port.postMessage).toHaveBeenCalledWith({ ok: true, value: 1 });
    // Not ours: no answer, nothing kept waiting.
    listener!({ data: 'other', source: null, ports: [port], waitUntil });
    expect(waitUntil).toHaveBeenCalledTimes(1);
  });

  it('listens to nothing where the background is not a service worker (Firefox)', () => {
    scope.addEventListener = vi.fn();
    listenToClientMessages(() => undefined, 'ext-id');
    expect(scope.addEventListener).not.toHaveBeenCalled();
  });
});
