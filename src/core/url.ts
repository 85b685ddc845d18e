// Page addresses: normalising them into a clip's identity, and telling which pages cannot be clipped.

const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_hsenc|_hsmi)$/i;

/** The address without fragment, tracking parameters or default port, so one page has one identity.
 *  Returns null for strings that are not absolute http(s) or file URLs. */
export function normalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) return null;
  url.hash = '';
  // forEach, not keys(): in a Firefox content script the iterator keys() returns is not iterable (it comes
  // through the page's Xray wrapper without its Symbol.iterator), and clipping failed there.
  const tracking: string[] = [];
  url.searchParams.forEach((_value, key) => {
    if (TRACKING_PARAMS.test(key)) tracking.push(key);
  });
  for (const key of tracking) url.searchParams.delete(key);
  url.search = url.searchParams.toString() ? `?${url.searchParams.toString()}` : '';
  return url.href;
}

export interface PageAccess {
  /** Whether the user let the extension read file:// pages (Chromium asks separately for that). */
  fileAccessAllowed: boolean;
}

// Stores refuse extension scripts in every browser; the PDF viewer is an extension page of its own.
const STORE_HOSTS = ['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'];

/** Why a page cannot be clipped, in words for the user, or null when it can. */
export function restrictedPageReason(rawUrl: string | undefined, access: PageAccess): string | null {
  // With access to every web page, a tab whose address stays hidden is a browser or store page.
  if (!rawUrl) return BROWSER_PAGE_MESSAGE;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'Crisscross cannot read this tab. Reload the page and try again.';
  }
  if (url.protocol === 'file:') {
    if (/\.pdf$/i.test(url.pathname)) return PDF_MESSAGE;
    return access.fileAccessAllowed
      ? null
      : 'Local files can be clipped once you allow it: open the extension’s details and turn on “Allow access to file URLs”.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return BROWSER_PAGE_MESSAGE;
  }
  if (STORE_HOSTS.includes(url.hostname) || (url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore'))) {
    return 'Extension stores do not let extensions read their pages, so this page cannot be clipped.';
  }
  if (/\.pdf$/i.test(url.pathname)) return PDF_MESSAGE;
  return null;
}

const BROWSER_PAGE_MESSAGE = 'This is a browser page. Browsers do not let extensions read their own pages, so it cannot be clipped.';
const PDF_MESSAGE = 'PDF documents open in the browser’s own viewer, which extensions cannot read, so this PDF cannot be clipped yet.';
