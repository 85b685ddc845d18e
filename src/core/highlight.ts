// The shape of a saved highlight: W3C selectors for where it is, plus the curator's note, colour and tags.
import type { HighlightSelectors } from './anchoring/types';

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
