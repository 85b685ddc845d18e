// W3C Web Annotation selector types that describe where a highlight sits in a page.

/**
 * The highlighted text plus a little context on each side (W3C TextQuoteSelector).
 * All three strings are raw page text, whitespace included; matching normalises it.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The highlighted text itself. */
  exact: string;
  /** Text immediately before `exact` (up to ~32 significant characters). */
  prefix: string;
  /** Text immediately after `exact` (up to ~32 significant characters). */
  suffix: string;
}

/**
 * Character offsets into the root's indexed text (W3C TextPositionSelector).
 * Offsets refer to the text built by `buildTextIndex`, not to `textContent`,
 * because script/style/our own UI are excluded there.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offset of the first highlighted character. */
  start: number;
  /** Offset just past the last highlighted character. */
  end: number;
}

/**
 * Selects an element by a simple XPath relative to the anchoring root,
 * e.g. `/div[1]/p[2]`; the root itself is `/`.
 */
export interface XPathSelector {
  type: 'XPathSelector';
  value: string;
}

/**
 * A W3C RangeSelector whose ends are elements (by XPath) plus character
 * offsets into each element's indexed text. Offsets are counted in text rather
 * than in child nodes because text nodes split and merge when highlights are
 * drawn, while the element structure and its text stay the same.
 */
export interface RangeSelector {
  type: 'RangeSelector';
  startSelector: XPathSelector;
  /** Characters of indexed text inside the start element before the range start. */
  startOffset: number;
  endSelector: XPathSelector;
  /** Characters of indexed text inside the end element before the range end. */
  endOffset: number;
}

/** Everything stored for one highlight so it can be re-found later. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  range: RangeSelector;
}

/**
 * What `anchorSelectors` needs: the quote is mandatory (it is the ground truth
 * every other selector is checked against); the others are optional hints,
 * e.g. for annotations imported from elsewhere.
 */
export type AnchorableSelectors = Pick<HighlightSelectors, 'quote'> & Partial<HighlightSelectors>;

/** Which selector produced an anchor, from most to least precise. */
export type AnchorMethod = 'range' | 'position' | 'quote' | 'fuzzy';

/** A successfully re-found highlight. */
export interface Anchor {
  range: Range;
  method: AnchorMethod;
}
