// Requests that the extension's own pages post to the worker directly (ServiceWorker.postMessage), answered
// on the port they send along. The search host sends its snapshot parts this way: each part's buffer is
// handed over (transferred), while runtime.sendMessage would serialise it as JSON and deliver it to every
// open extension page too (about a second per part on a loaded machine). Same router, same sender checks.
import type { MessageSender } from '../messaging/router';

/** The parts of a service worker's message event used here (the DOM library has no worker types). */
interface ClientMessageEvent {
  data: unknown;
  source: { url: string } | null;
  ports: readonly { postMessage(message: unknown): void }[];
  waitUntil(promise: Promise<unknown>): void;
}

type Router = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

/** Routes messages posted to this service worker; does nothing where the background is not one (Firefox). */
export function listenToClientMessages(router: Router, extensionId: string): void {
  const scope = globalThis as unknown as {
    ServiceWorkerGlobalScope?: unknown;
    addEventListener(type: 'message', listener: (event: ClientMessageEvent) => void): void;
  };
  if (scope.ServiceWorkerGlobalScope === undefined) return;
  scope.addEventListener('message', (event) => {
    const answer = router(event.data, { id: extensionId, ...(event.source ? { url: event.source.url } : {}) });
    if (!answer) return;
    // The browser keeps the worker running until the answer has gone back.
    event.waitUntil(answer.then((result) => event.ports[0]?.postMessage(result)));
  });
}
