// Wraps a request for the runtime's message bus (no browser API here: the worker's tests run in Node).
import type { Channel, Envelope, RequestOf } from './protocol';

export function envelope<M, K extends keyof M & string>(
  type: K,
  payload: RequestOf<M, K>,
  channel: Channel = 'crisscross',
): Envelope<M, K> {
  return { channel, type, payload } as Envelope<M, K>;
}
