// The server redirects that brought a tab to its page, so a page keeps the highlights and clip it had
// at an address that now redirects (and an address seen only as a redirect source finds the page).
import { normalizeUrl } from './url';

/** One navigation's redirects in one tab, as the browser reported them. */
export interface RedirectChain {
  /** The browser's id of the navigation request: redirects of one navigation share it. */
  requestId: string;
  /** Addresses that redirected, first one first (normalised, without the final page's own address). */
  sources: string[];
  /** Where the last redirect led (normalised). */
  target: string;
}

/** A redirect as webRequest.onBeforeRedirect reports it. */
export interface RedirectHop {
  requestId: string;
  url: string;
  redirectUrl: string;
}

/** Browsers stop following redirects after 20 hops; more sources than that are not a real chain. */
export const MAX_REDIRECT_SOURCES = 20;

/**
 * The chain after one more redirect: a hop of the same navigation extends it, a hop of a new
 * navigation starts a new one. Null when the redirect leads somewhere no page of ours can be
 * (a browser page, data: URL), so nothing is kept.
 */
export function addRedirect(chain: RedirectChain | null, hop: RedirectHop): RedirectChain | null {
  const source = normalizeUrl(hop.url);
  const target = normalizeUrl(hop.redirectUrl);
  if (!target) return null;
  const earlier = chain?.requestId === hop.requestId ? chain.sources : [];
  const sources = [...new Set([...earlier, ...(source ? [source] : [])])].filter((url) => url !== target);
  return { requestId: hop.requestId, sources: sources.slice(0, MAX_REDIRECT_SOURCES), target };
}

/** The addresses that redirected to `pageUrl`, or none when the tab's last redirects led elsewhere
 *  (the user has navigated on since, so they belong to another page). */
export function redirectSourcesFor(chain: RedirectChain | null, pageUrl: string): string[] {
  return chain && normalizeUrl(pageUrl) === chain.target ? chain.sources : [];
}
