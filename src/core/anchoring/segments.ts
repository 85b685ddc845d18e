// Splits a DOM Range into per-text-node pieces so a highlight can be drawn with wrapper elements.

import { isText } from './dom-rules';
import { buildTextIndex, type TextSegment } from './text-index';

export type { TextSegment } from './text-index';

/**
 * The non-empty parts of readable text nodes covered by `range`, in document
 * order. Text the anchoring engine ignores (script, style, our UI…) is left
 * out, so wrapping each segment never touches non-rendered content. Wrap
 * segments last-to-first, or collect them all before wrapping: splitting a
 * text node invalidates offsets into it.
 */
export function textNodeSegments(range: Range): TextSegment[] {
  const container = range.commonAncestorContainer;
  // Index the smallest subtree holding the range; a lone text node is indexed
  // through its parent because an index walks a root's descendants.
  const root = isText(container) ? (container.parentNode ?? container) : container;
  const index = buildTextIndex(root);
  const start = index.offsetOf(range.startContainer, range.startOffset);
  const end = index.offsetOf(range.endContainer, range.endOffset);
  return index.segments(start, end);
}
