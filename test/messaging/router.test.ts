import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { classifySender, createRouter } from '../../src/messaging/router';
import { RequestError } from '../../src/messaging/result';

const ID = 'our-extension';
const ORIGIN = `chrome-extension://${ID}/`;
const popup = { id: ID, url: `${ORIGIN}popup.html?tab=3`, tab: { id: 9 } };
const contentScript = { id: ID, url: 'https://example.org/post', tab: { id: 3 } };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' };

type TestRequests = {
  echo: { request: { text: string }; response: string };
  fromPage: { request: Record<string, never>; response: number };
  fails: { request: Record<string, never>; response: never };
};

function makeRouter() {
  const log = vi.fn();
  const echo = vi.fn(async ({ text }: { text: string }) => text.toUpperCase());
  const router = createRouter<TestRequests>({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    handlers: {
      echo,
      fromPage: async () => 1,
      fails: async () => {
        throw new RequestError('Nothing here.', 'not-found');
      },
    },
    schemas: { echo: z.strictObject({ text: z.string().max(10) }), fromPage: z.strictObject({}), fails: z.strictObject({}) },
    senders: { echo: ['extension-page'], fromPage: ['content-script'], fails: ['extension-page'] },
    log,
  });
  return { router, log, echo };
}

describe('classifySender', () => {
  it('tells our pages (even opened in a tab) from our content scripts and from strangers', () => {
    expect(classifySender(popup, ID, ORIGIN)).toBe('extension-page');
    expect(classifySender(contentScript, ID, ORIGIN)).toBe('content-script');
    expect(classifySender(otherExtension, ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: ID }, ID, ORIGIN)).toBeNull();
  });

  it('tells our worker and the search host page apart from the other pages', () => {
    expect(classifySender({ id: ID, url: `${ORIGIN}background.js` }, ID, ORIGIN)).toBe('background-worker');
    expect(classifySender({ id: ID, url: `${ORIGIN}offscreen.html` }, ID, ORIGIN)).toBe('search-host');
    expect(classifySender({ id: 'someone-else', url: `${ORIGIN}background.js` }, ID, ORIGIN)).toBeNull();
  });
});

describe('channels', () => {
  it('leaves messages on another channel to other listeners', () => {
    const { router, log } = makeRouter();
    expect(router({ channel: 'crisscross-search-host', type: 'echo', payload: { text: 'hi' } }, popup)).toBeUndefined();
    expect(log).not.toHaveBeenCalled();
  });
});

describe('createRouter', () => {
  it('answers a valid request from an allowed sender with an ok Result', async () => {
    const { router } = makeRouter();
    await expect(router({ channel: 'crisscross', type: 'echo', payload: { text: 'hi' } }, popup)).resolves.toEqual({
      ok: true,
      value: 'HI',
    });
  });

  it('ignores messages that are not ours, so other listeners can answer', () => {
    const { router } = makeRouter();
    expect(router({ type: 'echo', payload: { text: 'hi' } }, popup)).toBeUndefined();
    expect(router('hello', popup)).toBeUndefined();
  });

  it('refuses a content script asking for a page-only request, without running the handler', async () => {
    const { router, echo, log } = makeRouter();
    const result = await router({ channel: 'crisscross', type: 'echo', payload: { text: 'hi' } }, contentScript);
    expect(result).toMatchObject({ ok: false, code: 'forbidden-sender' });
    expect(echo).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('content-script'));
  });

  it('refuses another extension and a page-only sender for content requests', async () => {
    const { router } = makeRouter();
    expect(await router({ channel: 'crisscross', type: 'echo', payload: { text: 'x' } }, otherExtension)).toMatchObject({
      ok: false,
      code: 'forbidden-sender',
    });
    expect(await router({ channel: 'crisscross', type: 'fromPage', payload: {} }, popup)).toMatchObject({
      ok: false,
      code: 'forbidden-sender',
    });
    expect(await router({ channel: 'crisscross', type: 'fromPage', payload: {} }, contentScript)).toEqual({ ok: true, value: 1 });
  });

  it('refuses invalid payloads with a message naming the field', async () => {
    const { router, echo } = makeRouter();
    const tooLong = await router({ channel: 'crisscross', type: 'echo', payload: { text: 'far too long for it' } }, popup);
    expect(tooLong).toMatchObject({ ok: false, code: 'invalid-request', error: expect.stringContaining('text') });
    const extra = await router({ channel: 'crisscross', type: 'echo', payload: { text: 'a', evil: 1 } }, popup);
    expect(extra).toMatchObject({ ok: false, code: 'invalid-request' });
    expect(echo).not.toHaveBeenCalled();
  });

  it('refuses unknown request names, including inherited object keys', async () => {
    const { router } = makeRouter();
    expect(await router({ channel: 'crisscross', type: 'constructor', payload: {} }, popup)).toMatchObject({
      ok: false,
      code: 'invalid-request',
    });
  });

  it('turns a handler error into a readable error Result', async () => {
    const { router } = makeRouter();
    expect(await router({ channel: 'crisscross', type: 'fails', payload: {} }, popup)).toEqual({
      ok: false,
      error: 'Nothing here.',
      code: 'not-found',
    });
  });
});
