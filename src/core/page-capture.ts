// The shape of what the content script captures from a page, and of a saved clip built from it.

/** How the clip's text was found: the article, the page's readable body, or the user's selection. */
export type CaptureSource = 'article' | 'body' | 'selection';

/** Set when a page was larger than the limits: the user is told how much was kept. */
export interface Truncation {
  keptChars: number;
  totalChars: number;
}

export interface PageCapture {
  /** Where the page was read, without its fragment. Opening a clip goes here. */
  url: string;
  /** The page's identity: its canonical link (or og:url, or url), normalised. */
  canonicalUrl: string;
  /** Every other address seen for the page (og:url, redirects); a later visit at any of them finds the clip. */
  aliases: string[];
  title: string;
  author: string | null;
  siteName: string;
  /** ISO 8601 date as the page declares it, or null. */
  publishedAt: string | null;
  language: string | null;
  excerpt: string;
  /** Clean text: paragraphs separated by blank lines. */
  text: string;
  /** Sanitized article HTML: no scripts, no event handlers, no forms or styles. */
  html: string;
  wordCount: number;
  /** Tags the page declares about itself (article:tag, keywords, rel="tag"). */
  tags: string[];
  source: CaptureSource;
  truncated: Truncation | null;
}

export interface Clip extends PageCapture {
  id: string;
  /** Every address the clip is known by, canonicalUrl and url included (multi-entry index). */
  aliases: string[];
  savedAt: number;
  updatedAt: number;
}

/** What lists and the popup need of a clip, without its (possibly megabytes of) text. */
export type ClipSummary = Pick<
  Clip,
  | 'id'
  | 'url'
  | 'canonicalUrl'
  | 'title'
  | 'siteName'
  | 'author'
  | 'publishedAt'
  | 'excerpt'
  | 'wordCount'
  | 'tags'
  | 'savedAt'
  | 'updatedAt'
>;

export function summarizeClip(clip: Clip): ClipSummary {
  const { id, url, canonicalUrl, title, siteName, author, publishedAt, excerpt, wordCount, tags, savedAt, updatedAt } = clip;
  return { id, url, canonicalUrl, title, siteName, author, publishedAt, excerpt, wordCount, tags, savedAt, updatedAt };
}

/** The capture with more addresses its page is known by (redirect sources), each once. */
export function withAliases(capture: PageCapture, urls: string[]): PageCapture {
  return { ...capture, aliases: [...new Set([...capture.aliases, ...urls])] };
}
