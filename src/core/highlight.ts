// The shape of a saved highlight: W3C selectors for where it is, plus the curator's note, colour and tags.
import type { HighlightSelectors } from './anchoring/types';
import { MAX_TAG_CHARS, MAX_TAGS_PER_ITEM } from './tags/normalize';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Longest note kept; a note is a thought, not a second article. */
export const MAX_NOTE_CHARS = 20_000;
/** Longest highlighted passage kept. */
export const MAX_QUOTE_CHARS = 50_000;

/** What the content script sends when the user highlights a selection. */
export interface HighlightDraft {
  selectors: HighlightSelectors;
  note: string;
  color: HighlightColor;
}

export interface Highlight extends HighlightDraft {
  id: string;
  /** The clip of the page the highlight is on: every highlight has its page's text. */
  clipId: string;
  /** The page's canonical address and title when the highlight was made. */
  pageUrl: string;
  pageTitle: string;
  /** The highlighted text (the quote selector's exact text). */
  text: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** Changes the user can make to a highlight after it exists. */
export interface HighlightChanges {
  note?: string;
  color?: HighlightColor;
  tags?: string[];
  /** New selectors when an orphaned highlight is re-attached to new text. */
  selectors?: HighlightSelectors;
}

/**
 * Reads tags typed as a comma-separated list: trimmed, inner spaces collapsed, each once (ignoring
 * case, the first spelling kept). Says in words what is too long instead of cutting it silently.
 */
export function parseTagList(text: string): { tags: string[]; error: string | null } {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    if (tag.length > MAX_TAG_CHARS) return { tags, error: `A tag can be at most ${MAX_TAG_CHARS} characters: “${tag.slice(0, 20)}…”.` };
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > MAX_TAGS_PER_ITEM) return { tags, error: `A highlight can have at most ${MAX_TAGS_PER_ITEM} tags.` };
  return { tags, error: null };
}

/** Tags as the editor shows them, ready to be read back by parseTagList. */
export const formatTagList = (tags: string[]): string => tags.join(', ');
