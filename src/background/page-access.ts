// Decides whether a tab's page can be clipped, asking the browser what only it knows.
import type { Browser } from '../platform/browser';
import { restrictedPageReason } from '../core/url';

/** Why the tab's page cannot be clipped, or null. */
export async function tabRestriction(browser: Browser, url: string | undefined): Promise<string | null> {
  const fileAccessAllowed = url?.startsWith('file:') ? await browser.extension.isAllowedFileSchemeAccess() : false;
  return restrictedPageReason(url, { fileAccessAllowed });
}
