// Re-finds a stored highlight in a (possibly changed) page, from the most precise selector to the most forgiving.

import { findExactQuote, findFuzzyQuote, type NormalizedQuote, type QuoteMatch, type QuoteSearchOptions } from './match-quote';
import { isIgnorableCharCode, normalizedString, toNormalizedOffset, toSourceSpan } from './normalize';
import { resolveRangeSelector } from './range-selector';
import { buildTextIndex, type TextIndex } from './text-index';
import type { Anchor, AnchorableSelectors, AnchorMethod } from './types';

/** Options for {@link anchorSelectors}. */
export interface AnchorOptions extends Omit<QuoteSearchOptions, 'hint'> {
  /**
   * A current index of the root, to avoid re-indexing when anchoring many
   * highlights. It must be rebuilt after any DOM change, including drawing.
   */
  index?: TextIndex;
}

function span(index: TextIndex, start: number, end: number, method: AnchorMethod): Anchor | null {
  const range = index.rangeFor(start, end);
  return range ? { range, method } : null;
}

function fromQuoteMatch(index: TextIndex, match: QuoteMatch | null, method: AnchorMethod): Anchor | null {
  if (!match) return null;
  const source = toSourceSpan(index.normalized, match.start, match.end);
  return span(index, source.start, source.end, method);
}

/** Shrinks `[start, end)` past leading/trailing whitespace, which a shifted range may have picked up. */
function trimIgnorable(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isIgnorableCharCode(text.charCodeAt(start))) start++;
  while (end > start && isIgnorableCharCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Finds the text a highlight was made on, trying in order:
 * 1. `range` — the stored elements and offsets, if their text (ignoring
 *    whitespace) still equals the quote;
 * 2. `position` — the stored text offsets, if the text there still equals the
 *    quote exactly;
 * 3. `quote` — an exact occurrence of the quote, ignoring whitespace; several
 *    occurrences are told apart by prefix/suffix, then by closeness to the old
 *    position;
 * 4. `fuzzy` — an approximate occurrence (a few characters changed), ranked by
 *    quote, context and position similarity, within a time budget.
 *
 * Returns null when nothing trustworthy is found: the highlight is an orphan.
 * `root` is the node the selectors were described against (e.g. document.body).
 */
export function anchorSelectors(root: Node, selectors: AnchorableSelectors, options: AnchorOptions = {}): Anchor | null {
  const index = options.index ?? buildTextIndex(root);
  const { exact } = selectors.quote;
  const wanted = normalizedString(exact);
  if (!wanted) return null;

  if (selectors.range) {
    const found = resolveRangeSelector(index, selectors.range);
    // Whitespace-insensitive here because the range is pinned to elements: if
    // the significant text matches, it covers the same words even if the
    // page's formatting whitespace changed.
    if (found && normalizedString(index.text.slice(found.start, found.end)) === wanted) {
      const tight = trimIgnorable(index.text, found.start, found.end);
      const anchor = span(index, tight.start, tight.end, 'range');
      if (anchor) return anchor;
    }
  }

  const position = selectors.position;
  if (position && Number.isInteger(position.start) && Number.isInteger(position.end)) {
    // Exact comparison here: offsets are all a position has, so any shift in
    // the text before it must send us on to the quote search.
    if (position.start >= 0 && position.end <= index.text.length && index.text.slice(position.start, position.end) === exact) {
      const anchor = span(index, position.start, position.end, 'position');
      if (anchor) return anchor;
    }
  }

  const normalized = index.normalized;
  const quote: NormalizedQuote = {
    exact: wanted,
    prefix: normalizedString(selectors.quote.prefix),
    suffix: normalizedString(selectors.quote.suffix),
  };
  const { index: _index, ...budget } = options;
  const searchOptions: QuoteSearchOptions = { ...budget };
  if (position && Number.isFinite(position.start)) searchOptions.hint = toNormalizedOffset(normalized, position.start);

  return (
    fromQuoteMatch(index, findExactQuote(normalized.text, quote, searchOptions), 'quote') ??
    fromQuoteMatch(index, findFuzzyQuote(normalized.text, quote, searchOptions), 'fuzzy')
  );
}
