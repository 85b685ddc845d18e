// Results, not exceptions, cross every message boundary: the receiver always gets a readable outcome.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode };

/** Machine-readable reasons a UI may react to; the `error` text is what a person reads. */
export type ErrorCode =
  'restricted-page' | 'no-content-script' | 'invalid-request' | 'forbidden-sender' | 'not-found' | 'storage-full' | 'internal';

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (error: string, code?: ErrorCode): Result<never> => (code ? { ok: false, error, code } : { ok: false, error });

/** An Error that carries a code, thrown inside the background and turned into a Result at the boundary. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
