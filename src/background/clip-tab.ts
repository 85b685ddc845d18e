// Clips the page in a tab: checks it can be read, captures it, saves it, and reports the outcome.
import type { Browser } from '../platform/browser';
import { summarizeClip, withAliases } from '../core/page-capture';
import type { ClipOutcome } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import { saveCapture } from '../storage/clip-store';
import { showClipFeedback } from './clip-feedback';
import { tabRestriction } from './page-access';
import type { LibraryChanges } from './library-changes';
import type { RedirectAliases } from './redirect-aliases';
import { captureTab } from './tab-capture';

export async function clipTab(
  browser: Browser,
  db: CrisscrossDb,
  changes: LibraryChanges,
  redirects: RedirectAliases,
  tabId: number,
): Promise<ClipOutcome> {
  try {
    const tab = await browser.tabs.get(tabId).catch(() => {
      throw new RequestError('That tab is no longer open.', 'not-found');
    });
    const reason = await tabRestriction(browser, tab.url);
    if (reason) throw new RequestError(reason, 'restricted-page');
    const capture = await captureTab(browser, tabId);
    // Addresses that redirected here belong to the page too: a later visit at any of them finds it.
    const { status, clip } = await saveCapture(db, withAliases(capture, await redirects.sourcesFor(tabId, capture.url)));
    changes.clipSaved(clip);
    await showClipFeedback(browser, tabId, { kind: status, title: clip.title });
    return { status, clip: summarizeClip(clip), source: capture.source, truncated: capture.truncated };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await showClipFeedback(browser, tabId, { kind: 'failed', reason });
    throw error;
  }
}
