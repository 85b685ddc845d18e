// Sends a request to the extension's service worker by ServiceWorker.postMessage, with a port for the
// answer (see src/background/client-messages.ts for why not runtime.sendMessage). Posting starts a
// stopped worker, as a runtime message would.

/** A worker that has not answered in this long is taken as gone; the sender decides what to do. */
const ANSWER_TIMEOUT_MS = 60_000;

/** Posts `message`, handing over the buffers in `transfer` (they are unusable here afterwards). */
export async function postToWorker(message: unknown, transfer: ArrayBuffer[] = []): Promise<unknown> {
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) throw new Error('the extension has no active service worker');
  const channel = new MessageChannel();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      channel.port1.close();
      reject(new Error('the worker did not answer'));
    }, ANSWER_TIMEOUT_MS);
    channel.port1.onmessage = (event) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    worker.postMessage(message, [channel.port2, ...transfer]);
  });
}
