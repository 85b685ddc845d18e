// Turns clips and highlights into the documents each index tier holds, and names them by key.
import { labelKeys, siteKeys, type StoredFields } from './filters';
import type { ItemRef, ItemType, SearchItem } from './types';

/** Fields of the quick tier, searched on every keystroke. Order matters to snapshots: bump INDEX_VERSION if changed. */
export const QUICK_FIELDS = ['title', 'pageTitle', 'author', 'site', 'excerpt', 'tags', 'collections', 'text', 'note'] as const;
/** Stored per quick document for filters and the recency tie-break. */
export const STORED_FIELDS = ['type', 'savedAt', 'tagKeys', 'siteKeys', 'collectionKeys'] as const;
/** Fields of the full tier: the article text alone. */
export const FULL_FIELDS = ['body'] as const;
/** Stored per full document: a fingerprint of the body, to skip re-indexing an unchanged article. */
export const FULL_STORED_FIELDS = ['sig'] as const;

// Caps keep the quick tier small enough to answer every keystroke; the full article lives in the full tier.
const MAX_TITLE = 1_000;
const MAX_EXCERPT = 2_000;
const MAX_HIGHLIGHT_TEXT = 20_000;
const MAX_NOTE = 20_000;
/** Article text beyond this is not indexed (the stored clip keeps it). */
export const MAX_BODY = 1_000_000;

export type QuickField = (typeof QUICK_FIELDS)[number];

/** A quick-tier document. */
export type QuickDoc = { key: string } & Record<QuickField, string> & StoredFields;

/** A full-tier document. */
export interface FullDoc {
  key: string;
  body: string;
  sig: string;
}

/** Index key of an item: clips and highlights are kept apart, so equal ids cannot collide. */
export function docKey(type: ItemType, id: string): string {
  return `${type === 'clip' ? 'c' : 'h'}:${id}`;
}

/** The item an index key names. */
export function refFromKey(key: string): ItemRef {
  return { type: key.startsWith('c:') ? 'clip' : 'highlight', id: key.slice(2) };
}

/** The host without its last label: "blog.example.org" -> "blog example". A "com" in nearly every item finds nothing. */
function hostWords(url: string | null | undefined): string {
  const host = siteKeys(url, null)[0];
  if (!host) return '';
  const labels = host.split('.');
  return (labels.length > 1 ? labels.slice(0, -1) : labels).join(' ');
}

function cap(value: string | null | undefined, max: number): string {
  if (!value) return '';
  return value.length > max ? value.slice(0, max) : value;
}

function joinLabels(labels: readonly string[] | null | undefined): string {
  return labels ? labels.join(' ') : '';
}

/** The quick-tier document for an item. */
export function toQuickDoc(item: SearchItem): QuickDoc {
  const common = {
    key: docKey(item.type, item.id),
    // A site is searchable by name and by host words ("nytimes" finds nytimes.com).
    site: [item.siteName ?? '', hostWords(item.url)].join(' ').trim(),
    tags: joinLabels(item.tags),
    collections: joinLabels(item.collections),
    type: item.type,
    savedAt: item.savedAt,
    tagKeys: labelKeys(item.tags),
    siteKeys: siteKeys(item.url, item.siteName),
    collectionKeys: labelKeys(item.collections),
  };
  if (item.type === 'clip') {
    return {
      ...common,
      title: cap(item.title, MAX_TITLE),
      pageTitle: '',
      author: cap(item.author, MAX_TITLE),
      excerpt: cap(item.excerpt, MAX_EXCERPT),
      text: '',
      note: '',
    };
  }
  // A highlight's own words are its text and note; the page title is context, so it gets no title boost.
  return {
    ...common,
    title: '',
    pageTitle: cap(item.title, MAX_TITLE),
    author: '',
    excerpt: '',
    text: cap(item.text, MAX_HIGHLIGHT_TEXT),
    note: cap(item.note, MAX_NOTE),
  };
}

/** The full-tier document for an item, or null when it has no article text (highlights, empty clips). */
export function toFullDoc(item: SearchItem): FullDoc | null {
  if (item.type !== 'clip' || !item.text) return null;
  const body = cap(item.text, MAX_BODY);
  return { key: docKey('clip', item.id), body, sig: fingerprint(body) };
}

/** Length plus a 32-bit FNV-1a hash: enough to notice an article's text changed, far cheaper than re-indexing it. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length}:${(hash >>> 0).toString(36)}`;
}
