// Flattens a root's readable text into one string with a two-way map to DOM text nodes.

import { isElement, isSkippedElement, isText } from './dom-rules';
import { normalizeText, type NormalizedText } from './normalize';

/** A position inside a text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** The part `[start, end)` of one text node covered by a span of text. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

// compareDocumentPosition bits, as literals because the global `Node` may not exist.
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;

/**
 * The readable text of a root: every non-empty text node in document order,
 * concatenated with nothing in between, excluding script/style/noscript/
 * template/head/textarea and Crisscross UI (`data-crisscross-ui`) subtrees.
 * TextPositionSelector offsets and RangeSelector offsets count in this text.
 *
 * An index is a snapshot: rebuild it after the DOM changes (including after
 * drawing highlights, which splits text nodes).
 */
export class TextIndex {
  /** The node whose text was indexed. */
  readonly root: Node;
  /** All indexed text, concatenated. */
  readonly text: string;
  /** Indexed (non-empty) text nodes, in document order. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins. */
  private readonly starts: readonly number[];
  private readonly positionOfNode: Map<Text, number>;
  private normalizedCache: NormalizedText | undefined;

  private constructor(root: Node, nodes: Text[], parts: string[]) {
    this.root = root;
    this.nodes = nodes;
    const starts: number[] = [];
    let offset = 0;
    for (const part of parts) {
      starts.push(offset);
      offset += part.length;
    }
    this.starts = starts;
    this.text = parts.join('');
    this.positionOfNode = new Map(nodes.map((node, i) => [node, i]));
  }

  /**
   * Indexes the readable text under `root` (a Document, Element or fragment).
   * Walks the tree by hand instead of using TreeWalker so skipped subtrees are
   * never entered and the walk behaves the same in every DOM implementation.
   */
  static build(root: Node): TextIndex {
    const nodes: Text[] = [];
    const parts: string[] = [];
    const visit = (node: Node): void => {
      if (isText(node)) {
        const data = node.data;
        // Empty text nodes are dropped so every offset maps to one node only.
        if (data.length > 0) {
          nodes.push(node);
          parts.push(data);
        }
      }
    };
    visit(root); // a lone text node can be a root too
    let node: Node | null = root.firstChild;
    while (node) {
      visit(node);
      const descend = isElement(node) ? !isSkippedElement(node) : true;
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      // Climb until a next sibling exists, never leaving the root.
      while (node && node !== root && !node.nextSibling) node = node.parentNode;
      if (!node || node === root) break;
      node = node.nextSibling;
    }
    return new TextIndex(root, nodes, parts);
  }

  /** The indexed text with whitespace removed, computed once on first use. */
  get normalized(): NormalizedText {
    this.normalizedCache ??= normalizeText(this.text);
    return this.normalizedCache;
  }

  /**
   * Converts a text offset to a DOM point. At a boundary between two text
   * nodes, `forward` picks the start of the next node (right for a range
   * start) and `backward` the end of the previous one (right for a range end),
   * so ranges never begin or end with an empty sliver of a neighbouring node.
   * Returns null when the root has no text.
   */
  pointAt(offset: number, bias: 'forward' | 'backward'): TextPoint | null {
    const count = this.nodes.length;
    if (count === 0) return null;
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    // Largest i whose start is < clamped (backward) or <= clamped (forward).
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      const start = this.starts[mid] ?? 0;
      const fits = bias === 'forward' ? start <= clamped : start < clamped;
      if (fits) lo = mid;
      else hi = mid - 1;
    }
    const node = this.nodes[lo] as Text;
    return { node, offset: Math.min(clamped - (this.starts[lo] ?? 0), node.data.length) };
  }

  /**
   * Converts a DOM boundary point (as in Range.startContainer/startOffset) to a
   * text offset. Points inside skipped content map to the next indexed text.
   */
  offsetOf(container: Node, offset: number): number {
    if (isText(container)) {
      const i = this.positionOfNode.get(container);
      if (i !== undefined) return (this.starts[i] ?? 0) + Math.max(0, Math.min(offset, container.data.length));
      return this.firstOffsetFrom(container);
    }
    const child = container.childNodes[offset];
    return child ? this.firstOffsetFrom(child) : this.firstOffsetAfter(container);
  }

  /** The text span `[start, end)` covered by `node` and its descendants. */
  spanOf(node: Node): { start: number; end: number } {
    if (node === this.root) return { start: 0, end: this.text.length };
    return { start: this.firstOffsetFrom(node), end: this.firstOffsetAfter(node) };
  }

  /** Builds a live DOM Range over text `[start, end)`; null if the root has no text. */
  rangeFor(start: number, end: number): Range | null {
    const startPoint = this.pointAt(start, 'forward');
    const endPoint = end <= start ? startPoint : this.pointAt(end, 'backward');
    if (!startPoint || !endPoint) return null;
    const doc = (this.root.ownerDocument ?? this.root) as Document;
    const range = doc.createRange();
    range.setStart(startPoint.node, startPoint.offset);
    range.setEnd(endPoint.node, endPoint.offset);
    return range;
  }

  /** Splits text `[start, end)` into non-empty per-text-node pieces, in order. */
  segments(start: number, end: number): TextSegment[] {
    const result: TextSegment[] = [];
    if (end <= start) return result;
    const first = this.pointAt(start, 'forward');
    if (!first) return result;
    for (let i = this.positionOfNode.get(first.node) ?? 0; i < this.nodes.length; i++) {
      const nodeStart = this.starts[i] ?? 0;
      if (nodeStart >= end) break;
      const node = this.nodes[i] as Text;
      const from = Math.max(start, nodeStart) - nodeStart;
      const to = Math.min(end, nodeStart + node.data.length) - nodeStart;
      if (to > from) result.push({ node, start: from, end: to });
    }
    return result;
  }

  /** Offset of the first indexed text at or inside `node`, or after it in document order. */
  private firstOffsetFrom(node: Node): number {
    return this.firstOffsetWhere((textNode) => {
      if (textNode === node) return true;
      const relation = node.compareDocumentPosition(textNode);
      return (relation & (DOCUMENT_POSITION_FOLLOWING | DOCUMENT_POSITION_CONTAINED_BY)) !== 0;
    });
  }

  /** Offset of the first indexed text strictly after `node`'s whole subtree. */
  private firstOffsetAfter(node: Node): number {
    return this.firstOffsetWhere((textNode) => {
      if (textNode === node) return false;
      const relation = node.compareDocumentPosition(textNode);
      return (relation & DOCUMENT_POSITION_FOLLOWING) !== 0 && (relation & DOCUMENT_POSITION_CONTAINED_BY) === 0;
    });
  }

  /**
   * Binary search for the first indexed node satisfying a predicate that is
   * false then true along document order; O(log n) DOM comparisons instead of
   * a walk, which matters on huge pages.
   */
  private firstOffsetWhere(isAtOrAfter: (textNode: Text) => boolean): number {
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAtOrAfter(this.nodes[mid] as Text)) hi = mid;
      else lo = mid + 1;
    }
    return lo < this.nodes.length ? (this.starts[lo] ?? 0) : this.text.length;
  }
}

/** Indexes the readable text under `root`; see {@link TextIndex}. */
export function buildTextIndex(root: Node): TextIndex {
  return TextIndex.build(root);
}
