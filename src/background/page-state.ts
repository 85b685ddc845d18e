// What the popup shows about a tab: can it be clipped, and is it saved already.
import type { Browser } from '../platform/browser';
import { summarizeClip } from '../core/page-capture';
import { normalizeUrl } from '../core/url';
import type { PageState } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import { findClipOfPage } from '../storage/clip-store';
import { tabRestriction } from './page-access';
import type { RedirectAliases } from './redirect-aliases';

export async function getPageState(browser: Browser, db: CrisscrossDb, redirects: RedirectAliases, tabId: number): Promise<PageState> {
  const tab = await browser.tabs.get(tabId).catch(() => {
    throw new RequestError('That tab is no longer open.', 'not-found');
  });
  const reason = await tabRestriction(browser, tab.url);
  if (reason) return { kind: 'restricted', reason };
  const url = normalizeUrl(tab.url!) ?? tab.url!;
  const clip = await findClipOfPage(db, url, await redirects.sourcesFor(tabId, url));
  return { kind: 'page', url, title: tab.title ?? url, clip: clip ? summarizeClip(clip) : null };
}
