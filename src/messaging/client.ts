// Typed sender for extension pages (popup, library) calling the background worker.
import { browser } from '../platform/browser';
import type { BackgroundRequests, RequestOf, ResponseOf } from './protocol';
import { envelope } from './envelope';
import type { Result } from './result';

/** Sends a request to the background worker; a transport failure becomes a readable error Result. */
export async function sendRequest<K extends keyof BackgroundRequests & string>(
  type: K,
  payload: RequestOf<BackgroundRequests, K>,
): Promise<Result<ResponseOf<BackgroundRequests, K>>> {
  try {
    const result = (await browser.runtime.sendMessage(envelope<BackgroundRequests, K>(type, payload))) as
      Result<ResponseOf<BackgroundRequests, K>> | undefined;
    return result ?? { ok: false, error: 'Crisscross did not answer. Try again in a moment.', code: 'internal' };
  } catch (error) {
    return { ok: false, error: `Crisscross could not be reached: ${(error as Error).message}`, code: 'internal' };
  }
}
