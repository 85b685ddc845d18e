// What every export and import format works on: the library as a bundle of clips, highlights, collections and links.
import type { Collection, ItemRef } from '../collection';
import type { Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import { normalizeUrl } from '../url';

/** The library, or a part of it, as one value every export writes and every import returns. */
export interface ExportBundle {
  clips: Clip[];
  highlights: Highlight[];
  collections: Collection[];
  /**
   * Confirmed connections between items. Their shape is defined later, so here they are opaque:
   * the JSON format checks only that this is an array and carries the items through unchanged.
   */
  links?: unknown[];
}

/** Facts about an export that are not library data; passed in so every format stays a pure function. */
export interface ExportMeta {
  /** When the export was made, in epoch milliseconds (the caller passes `Date.now()`). */
  exportedAt: number;
  /** The version of Crisscross that wrote the file (the manifest's `version`). */
  appVersion: string;
}

/** One file an export produces, ready to hand to a download. */
export interface ExportFile {
  /** A suggested name, safe on every desktop file system. */
  fileName: string;
  mimeType: string;
  /** Text (to be written as UTF-8) or bytes (the Markdown zip). */
  data: string | Uint8Array;
}

/** Orders by id with plain code-unit comparison: `localeCompare` depends on the machine's locale, and the JSON export must not. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `items` sorted by id. */
export function sortById<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareIds(a.id, b.id));
}

/** An epoch-milliseconds time as ISO 8601 in UTC, e.g. `2024-05-01T09:30:00.000Z`. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The UTC calendar date of a time, `YYYY-MM-DD`, for file names. */
export function isoDay(ms: number): string {
  return isoTime(ms).slice(0, 10);
}

/** A key naming an item across both id namespaces (clip and highlight ids may coincide). */
export function itemKey(ref: ItemRef): string {
  return `${ref.type}:${ref.id}`;
}

/**
 * The names of the collections each item belongs to, keyed by {@link itemKey}, in the order the
 * collections are given. Formats that write one file or section per clip use it for "collections".
 */
export function collectionNamesByItem(collections: readonly Collection[]): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const collection of collections) {
    for (const ref of collection.items) {
      const key = itemKey(ref);
      const list = names.get(key) ?? [];
      if (!list.includes(collection.name)) list.push(collection.name);
      names.set(key, list);
    }
  }
  return names;
}

/** A clip with the highlights made on it, as the per-page formats (Markdown, HTML) present them. */
export interface PageWithHighlights {
  /** The saved clip, or a stand-in built from the highlights when the bundle lacks their clip. */
  clip: Clip;
  /** The page's highlights in reading order. */
  highlights: Highlight[];
  /** Names of the collections holding the clip or any of its highlights. */
  collections: string[];
}

/**
 * Groups highlights under their clips, newest saved clip first, highlights in reading order.
 * A highlight whose clip is not in the bundle (a partial export) still gets a page, built from the
 * highlight's own page address and title, so no highlight is ever left out of a per-page format.
 */
export function pagesOf(bundle: ExportBundle): PageWithHighlights[] {
  const memberships = collectionNamesByItem(bundle.collections);
  const pages = new Map<string, PageWithHighlights>();
  for (const clip of bundle.clips) pages.set(clip.id, { clip, highlights: [], collections: [] });
  for (const highlight of bundle.highlights) {
    let page = pages.get(highlight.clipId);
    if (!page) {
      page = { clip: standInClip(highlight), highlights: [], collections: [] };
      pages.set(highlight.clipId, page);
    }
    page.highlights.push(highlight);
  }
  for (const page of pages.values()) {
    page.highlights.sort(
      (a, b) => a.selectors.position.start - b.selectors.position.start || a.createdAt - b.createdAt || compareIds(a.id, b.id),
    );
    const names = [
      ...(memberships.get(itemKey({ type: 'clip', id: page.clip.id })) ?? []),
      ...page.highlights.flatMap((h) => memberships.get(itemKey({ type: 'highlight', id: h.id })) ?? []),
    ];
    page.collections = [...new Set(names)];
  }
  return [...pages.values()].sort((a, b) => b.clip.savedAt - a.clip.savedAt || compareIds(a.clip.id, b.clip.id));
}

/** A minimal clip for highlights whose clip is missing: their page's address and title, no text. */
function standInClip(highlight: Highlight): Clip {
  return bareClip({
    id: highlight.clipId,
    url: highlight.pageUrl,
    title: highlight.pageTitle,
    savedAt: highlight.createdAt,
    updatedAt: highlight.updatedAt,
  });
}

/** What is known of a page that was never clipped: a bookmark, or the target of an imported annotation. */
export interface BareClipFields {
  id: string;
  url: string;
  title: string;
  tags?: string[];
  excerpt?: string;
  savedAt: number;
  updatedAt: number;
}

/**
 * A clip with an address, title and dates but no text yet. Its `source` is "body" (the page itself,
 * not an article or selection) and its `wordCount` is 0, which is how such clips can be told apart;
 * clipping the page later fills in the rest.
 */
export function bareClip(fields: BareClipFields): Clip {
  const canonicalUrl = normalizeUrl(fields.url) ?? fields.url;
  let siteName = '';
  try {
    siteName = new URL(fields.url).hostname;
  } catch {
    // An unparsable address has no site; the importers never produce one.
  }
  return {
    id: fields.id,
    url: fields.url,
    canonicalUrl,
    aliases: [...new Set([canonicalUrl, fields.url])],
    title: fields.title,
    author: null,
    siteName,
    publishedAt: null,
    language: null,
    excerpt: fields.excerpt ?? '',
    text: '',
    html: '',
    wordCount: 0,
    tags: fields.tags ?? [],
    source: 'body',
    truncated: null,
    savedAt: fields.savedAt,
    updatedAt: fields.updatedAt,
  };
}

/** Whether an address may be opened from an exported file: web and file pages only, never `javascript:` or `data:`. */
export function isOpenableUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
