// Shapes shared across the search modules: what gets indexed, how results are narrowed, what comes back.

/** The two kinds of saved item the index holds. */
export type ItemType = 'clip' | 'highlight';

/**
 * A saved page as the index needs it. Structurally a subset of the stored clip,
 * so `{ type: 'clip', ...clip, collections }` fits; the article `text` goes to
 * the full tier only.
 */
export interface SearchClip {
  type: 'clip';
  id: string;
  title: string;
  url: string;
  siteName?: string | null;
  author?: string | null;
  excerpt?: string | null;
  /** Full article text (up to about a megabyte); indexed in the full tier only. */
  text?: string | null;
  tags?: readonly string[] | null;
  /** Names of the collections the clip is in. */
  collections?: readonly string[] | null;
  /** Epoch milliseconds; date filters and the recency tie-break use it. */
  savedAt: number;
}

/** A highlight as the index needs it; title, url and siteName are those of the page it was made on. */
export interface SearchHighlight {
  type: 'highlight';
  id: string;
  clipId: string;
  text: string;
  note?: string | null;
  tags?: readonly string[] | null;
  /** Usually the collections of its clip, if the caller wants `collection:` to find highlights too. */
  collections?: readonly string[] | null;
  title?: string | null;
  url?: string | null;
  siteName?: string | null;
  /** Epoch milliseconds. */
  savedAt: number;
}

/** Anything the index can hold. */
export type SearchItem = SearchClip | SearchHighlight;

/** Names an indexed item for removal: clip and highlight ids live in separate namespaces. */
export interface ItemRef {
  type: ItemType;
  id: string;
}

/**
 * Restrictions on results. Values are compared after normalisation
 * (normalizeKey / normalizeSite), so callers may pass them as typed.
 * tags and collections: the item must have every one; sites and types: any one
 * (so an empty `sites` or `types` array matches nothing: leave it undefined for no restriction).
 */
export interface SearchFilters {
  tags?: string[];
  sites?: string[];
  types?: ItemType[];
  collections?: string[];
  /** Saved at or after this instant (epoch ms, inclusive). */
  after?: number;
  /** Saved strictly before this instant (epoch ms). */
  before?: number;
}

/** One result. Fetch the item itself by (type, id) from storage to display it. */
export interface SearchHit {
  id: string;
  type: ItemType;
  score: number;
  savedAt: number;
  /** Document terms that matched (after prefix/fuzzy expansion): pass them to makeSnippet. */
  terms: string[];
  /** The query terms that found something in this item. */
  queryTerms: string[];
  /** Indexed fields that matched, e.g. "title", "text" (highlight text) or "body" (article text). */
  fields: string[];
}
