// Typed sender for extension pages (popup, library) calling the background worker.
import { browser } from '../platform/browser';
import type { BackgroundRequests, Envelope, RequestOf, ResponseOf } from './protocol';
import type { Result } from './result';

export function envelope<M, K extends keyof M & string>(type: K, payload: RequestOf<M, K>): Envelope<M, K> {
  return { channel: 'crisscross', type, payload } as Envelope<M, K>;
}

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
