// Dispatches protocol requests to handlers after checking who sent them and what they carry.
import type { z } from 'zod';
import { SEARCH_HOST_PAGE, WORKER_SCRIPT, type Channel, type Envelope, type RequestOf, type ResponseOf, type SenderKind } from './protocol';
import { RequestError, err, ok, type Result } from './result';
import { describeIssues } from './schemas';

/** The parts of a message sender the router looks at (a subset of runtime.MessageSender). */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type Handlers<M> = {
  [K in keyof M]: (payload: RequestOf<M, K>, sender: MessageSender) => Promise<ResponseOf<M, K>>;
};

export interface RouterOptions<M> {
  extensionId: string;
  /** Origin of our extension's pages, e.g. chrome-extension://ID/ */
  extensionOrigin: string;
  handlers: Handlers<M>;
  schemas: { [K in keyof M]: z.ZodType<RequestOf<M, K>> };
  senders: { [K in keyof M]: readonly SenderKind[] };
  /** Where refused messages are reported (console in the worker, a spy in tests). */
  log: (message: string) => void;
  /** The channel this router answers; messages on another are left to other listeners. */
  channel?: Channel;
}

/** Which of our parts sent a message, or null when it is not ours at all. */
export function classifySender(sender: MessageSender, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.url === `${extensionOrigin}${WORKER_SCRIPT}`) return 'background-worker';
  if (sender.url?.startsWith(`${extensionOrigin}${SEARCH_HOST_PAGE}`)) return 'search-host';
  // An extension page opened in a tab (the popup with ?tab=, the library) has sender.tab too: its URL decides.
  if (sender.url?.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined) return 'content-script';
  return null;
}

function isEnvelope(message: unknown, channel: Channel): message is Envelope<Record<string, { request: unknown }>> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === channel &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}

/**
 * Builds the runtime.onMessage listener. It returns undefined for messages that are not ours
 * (so other listeners may answer) and a Promise of a Result for ours.
 */
export function createRouter<M>(options: RouterOptions<M>) {
  const { handlers, schemas, senders, extensionId, extensionOrigin, log, channel = 'crisscross' } = options;
  return (message: unknown, sender: MessageSender): Promise<Result<unknown>> | undefined => {
    if (!isEnvelope(message, channel)) return undefined;
    const type = message.type as keyof M & string;
    if (!Object.hasOwn(handlers as object, type)) {
      log(`Dropped unknown request "${type}"`);
      return Promise.resolve(err(`Unknown request "${type}".`, 'invalid-request'));
    }
    const kind = classifySender(sender, extensionId, extensionOrigin);
    if (!kind || !senders[type].includes(kind)) {
      log(`Dropped "${type}" from a sender that may not send it (${kind ?? 'not our extension'})`);
      return Promise.resolve(err('This request is not allowed from here.', 'forbidden-sender'));
    }
    const parsed = schemas[type].safeParse(message.payload);
    if (!parsed.success) {
      const detail = describeIssues(parsed.error);
      log(`Dropped "${type}" with an invalid payload: ${detail}`);
      return Promise.resolve(err(`Invalid request (${detail}).`, 'invalid-request'));
    }
    return handlers[type](parsed.data as RequestOf<M, typeof type>, sender).then(
      (value) => ok(value),
      (error: unknown) => {
        if (error instanceof RequestError) return err(error.message, error.code);
        log(`"${type}" failed: ${(error as Error)?.stack ?? String(error)}`);
        return err(`Something went wrong: ${(error as Error)?.message ?? String(error)}`, 'internal');
      },
    );
  };
}
