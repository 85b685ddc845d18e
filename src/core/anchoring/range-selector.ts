// Creates and resolves RangeSelectors (element XPath + text offset at each end) against a text index.

import type { TextIndex } from './text-index';
import type { RangeSelector } from './types';
import { nodeFromXPath, pathElementFor, xpathFromRoot } from './xpath';

/** One end of a RangeSelector: the element's XPath and the text offset inside it. */
interface PathPoint {
  xpath: string;
  offset: number;
}

function describePoint(index: TextIndex, offset: number, bias: 'forward' | 'backward'): PathPoint | null {
  const point = index.pointAt(offset, bias);
  if (!point) return null;
  const element = pathElementFor(index.root, point.node);
  if (!element) return null;
  const xpath = xpathFromRoot(index.root, element);
  if (xpath === null) return null;
  return { xpath, offset: offset - index.spanOf(element).start };
}

/**
 * Describes text `[start, end)` of `index` as a RangeSelector. Each end is
 * attached to the element that directly contains its text, so unrelated edits
 * elsewhere in the page leave the selector valid. Null if the root has no text.
 */
export function describeRangeSelector(index: TextIndex, start: number, end: number): RangeSelector | null {
  const from = describePoint(index, start, 'forward');
  const to = describePoint(index, end, 'backward');
  if (!from || !to) return null;
  return {
    type: 'RangeSelector',
    startSelector: { type: 'XPathSelector', value: from.xpath },
    startOffset: from.offset,
    endSelector: { type: 'XPathSelector', value: to.xpath },
    endOffset: to.offset,
  };
}

function resolvePoint(index: TextIndex, xpath: string, offset: number): number | null {
  if (!Number.isInteger(offset) || offset < 0) return null;
  const node = nodeFromXPath(index.root, xpath);
  if (!node) return null;
  const span = index.spanOf(node);
  // An offset past the element's text means the element's content changed.
  return span.start + offset <= span.end ? span.start + offset : null;
}

/**
 * Resolves a RangeSelector to a text span of `index`, or null when an element
 * is gone, an offset no longer fits, or the ends are out of order. Callers must
 * still check the span's text: a valid span can hold different text.
 */
export function resolveRangeSelector(index: TextIndex, selector: RangeSelector): { start: number; end: number } | null {
  const start = resolvePoint(index, selector.startSelector.value, selector.startOffset);
  const end = resolvePoint(index, selector.endSelector.value, selector.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
