// Turns SearchFilters into a predicate over the fields each indexed item stores for filtering.
import { foldText, normalizeKey } from './normalize';
import type { ItemType, SearchFilters } from './types';

/** What the quick index stores per item so filters and ranking work without touching storage. */
export interface StoredFields {
  type: ItemType;
  savedAt: number;
  tagKeys: string[];
  /** Host without "www." and the folded site name. */
  siteKeys: string[];
  collectionKeys: string[];
}

/**
 * A site as typed in `site:` (a host, a URL, or a site name) as a comparison key:
 * "https://www.Example.org/x" -> "example.org", "The Verge" -> "the verge".
 */
export function normalizeSite(value: string): string {
  const trimmed = value.trim();
  if (!trimmed) return '';
  // Something with spaces is a site name, not a host.
  if (/\s/.test(trimmed)) return normalizeKey(trimmed);
  const host = hostOf(trimmed.includes('://') ? trimmed : `http://${trimmed}`);
  return host ?? normalizeKey(trimmed);
}

/** The keys an item's site is known by: its host (without www.) and its folded site name. */
export function siteKeys(url: string | null | undefined, siteName: string | null | undefined): string[] {
  const keys = new Set<string>();
  const host = url ? hostOf(url) : null;
  if (host) keys.add(host);
  const name = siteName ? normalizeKey(siteName) : '';
  if (name) keys.add(name);
  return [...keys];
}

function hostOf(url: string): string | null {
  try {
    // URL is part of the JavaScript platform (Node and workers alike), not a DOM API.
    const host = foldText(new URL(url).hostname)
      .replace(/^www\./, '')
      .replace(/\.$/, '');
    return host || null;
  } catch {
    return null;
  }
}

/** Normalised, de-duplicated keys for a list of labels. */
export function labelKeys(labels: readonly string[] | null | undefined): string[] {
  if (!labels) return [];
  const keys = new Set<string>();
  for (const label of labels) {
    const key = normalizeKey(label);
    if (key) keys.add(key);
  }
  return [...keys];
}

/** Whether a filter input as the search box and the library list send it sets any filter (an empty list sets none). */
export function setsAnyFilter(filters: object): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}

/** Whether the filters restrict anything at all. */
export function hasFilters(filters: SearchFilters): boolean {
  return (
    filters.tags !== undefined ||
    filters.sites !== undefined ||
    filters.types !== undefined ||
    filters.collections !== undefined ||
    filters.after !== undefined ||
    filters.before !== undefined
  );
}

/**
 * A predicate for MiniSearch's `filter` option. Filter values are normalised here
 * once, so per-result checks are plain comparisons.
 */
export function compileFilter(filters: SearchFilters): (stored: Partial<StoredFields> | undefined) => boolean {
  const tags = filters.tags?.map(normalizeKey);
  const collections = filters.collections?.map(normalizeKey);
  const sites = filters.sites?.map(normalizeSite);
  const types = filters.types;
  const { after, before } = filters;

  return (stored) => {
    if (!stored) return false;
    if (types && !(stored.type !== undefined && types.includes(stored.type))) return false;
    const savedAt = stored.savedAt ?? 0;
    if (after !== undefined && !(savedAt >= after)) return false;
    if (before !== undefined && !(savedAt < before)) return false;
    if (tags && !tags.every((tag) => stored.tagKeys?.includes(tag))) return false;
    if (collections && !collections.every((name) => stored.collectionKeys?.includes(name))) return false;
    if (sites) {
      const keys = stored.siteKeys ?? [];
      // "example.org" also matches blog.example.org: a site filter means the whole site.
      if (!sites.some((site) => keys.some((key) => key === site || key.endsWith(`.${site}`)))) return false;
    }
    return true;
  };
}
