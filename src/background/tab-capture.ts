// Asks a tab's content script to capture its page, injecting the script first if the tab predates it.
import type { Browser } from '../platform/browser';
import type { PageCapture } from '../core/page-capture';
import type { ContentRequests, Envelope } from '../messaging/protocol';
import { RequestError, type Result } from '../messaging/result';
import { describeIssues, pageCaptureSchema } from '../messaging/schemas';

const CAPTURE: Envelope<ContentRequests, 'capturePage'> = { channel: 'crisscross', type: 'capturePage', payload: {} };

async function askTab(browser: Browser, tabId: number): Promise<Result<unknown> | undefined> {
  return (await browser.tabs.sendMessage(tabId, CAPTURE)) as Result<unknown> | undefined;
}

/** The validated capture of a tab's page. Throws a RequestError with a readable message otherwise. */
export async function captureTab(browser: Browser, tabId: number): Promise<PageCapture> {
  let reply: Result<unknown> | undefined;
  try {
    reply = await askTab(browser, tabId);
  } catch {
    // Tabs opened before the extension was installed or updated have no content script yet.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
      reply = await askTab(browser, tabId);
    } catch {
      throw new RequestError('Crisscross cannot read this page. Reload it and try again.', 'no-content-script');
    }
  }
  if (!reply) throw new RequestError('The page did not answer. Reload it and try again.', 'no-content-script');
  if (!reply.ok) throw new RequestError(`The page could not be captured: ${reply.error}`, 'internal');
  const parsed = pageCaptureSchema.safeParse(reply.value);
  if (!parsed.success) {
    throw new RequestError(`The page sent a capture Crisscross cannot accept (${describeIssues(parsed.error)}).`, 'invalid-request');
  }
  return parsed.data;
}
