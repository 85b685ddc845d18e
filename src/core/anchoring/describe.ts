// Turns a DOM Range into the selectors (quote, position, range) stored with a highlight.

import { isIgnorableCharCode, toNormalizedOffset } from './normalize';
import { describeRangeSelector } from './range-selector';
import { buildTextIndex, type TextIndex } from './text-index';
import type { HighlightSelectors } from './types';

/**
 * Significant (non-whitespace) characters of context kept on each side of a
 * quote: enough to tell repeated phrases apart, small enough to stay valid
 * when nearby text is edited.
 */
export const CONTEXT_LENGTH = 32;

/** Options for {@link describeRange}. */
export interface DescribeOptions {
  /** A current index of `root`, to avoid re-indexing when describing many ranges. */
  index?: TextIndex;
}

/**
 * Describes `range` (which must lie inside `root`) with a TextQuoteSelector,
 * a TextPositionSelector and a RangeSelector. Leading and trailing whitespace
 * is trimmed off so the stored quote is what the reader meant. Returns null
 * when the range holds no readable text (collapsed, whitespace-only, or only
 * inside skipped elements).
 */
export function describeRange(root: Node, range: Range, options: DescribeOptions = {}): HighlightSelectors | null {
  const index = options.index ?? buildTextIndex(root);
  const { text } = index;
  let start = index.offsetOf(range.startContainer, range.startOffset);
  let end = index.offsetOf(range.endContainer, range.endOffset);
  while (start < end && isIgnorableCharCode(text.charCodeAt(start))) start++;
  while (end > start && isIgnorableCharCode(text.charCodeAt(end - 1))) end--;
  if (start >= end) return null;

  // Context is measured in significant characters so indentation and blank
  // lines in the page's HTML do not eat up the prefix/suffix.
  const normalized = index.normalized;
  const firstKept = toNormalizedOffset(normalized, start);
  const afterKept = toNormalizedOffset(normalized, end);
  const prefixFrom = firstKept - CONTEXT_LENGTH > 0 ? (normalized.origins[firstKept - CONTEXT_LENGTH] ?? 0) : 0;
  const suffixLastKept = Math.min(normalized.origins.length, afterKept + CONTEXT_LENGTH) - 1;
  const suffixTo = suffixLastKept >= afterKept ? (normalized.origins[suffixLastKept] ?? end) + 1 : end;

  const rangeSelector = describeRangeSelector(index, start, end);
  if (!rangeSelector) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixFrom, start),
      suffix: text.slice(end, suffixTo),
    },
    position: { type: 'TextPositionSelector', start, end },
    range: rangeSelector,
  };
}
