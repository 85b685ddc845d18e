// Public entry point of the anchoring engine: describe a selection, re-find it later, split it for drawing.

export type {
  Anchor,
  AnchorableSelectors,
  AnchorMethod,
  HighlightSelectors,
  RangeSelector,
  TextPositionSelector,
  TextQuoteSelector,
  XPathSelector,
} from './types';
export { anchorSelectors, type AnchorOptions } from './anchor';
export { describeRange, CONTEXT_LENGTH, type DescribeOptions } from './describe';
export { textNodeSegments, type TextSegment } from './segments';
export { buildTextIndex, TextIndex, type TextPoint } from './text-index';
export { HIGHLIGHT_ATTRIBUTE, UI_ATTRIBUTE } from './dom-rules';
export {
  createQuoteSearchStats,
  DEFAULT_MAX_SCAN_CHARS,
  DEFAULT_TIME_BUDGET_MS,
  fuzzyMaxErrors,
  MIN_EVIDENCE,
  type QuoteSearchStats,
} from './match-quote';
