// Draws highlights on a page (web pages, and the library's reader): the CSS Custom Highlight API where the browser has it (no DOM changes,
// so the page never breaks), wrapper elements otherwise.
import { HIGHLIGHT_ATTRIBUTE } from '../core/anchoring/dom-rules';
import { textNodeSegments } from '../core/anchoring/segments';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../core/highlight';

export const COLOR_VALUES: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 212, 92, 0.55)',
  green: 'rgba(111, 212, 156, 0.5)',
  blue: 'rgba(120, 180, 255, 0.5)',
  pink: 'rgba(255, 138, 190, 0.5)',
  purple: 'rgba(170, 150, 255, 0.5)',
};

export interface Painter {
  /** Draws exactly these ranges (one per highlight id), replacing what was drawn before. */
  paint: (items: { id: string; range: Range; color: HighlightColor }[]) => void;
  /** The highlight drawn at a point of the page, if any. */
  highlightAt: (node: Node, offset: number) => string | null;
}

type HighlightRegistry = Map<string, unknown>;
type HighlightConstructor = new (...ranges: Range[]) => unknown;

export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as (Window & { Highlight?: HighlightConstructor; CSS?: { highlights?: HighlightRegistry } }) | null;
  const registry = win?.CSS?.highlights;
  const HighlightClass = win?.Highlight;
  return registry && HighlightClass ? customHighlightPainter(doc, registry, HighlightClass) : wrapperPainter(doc);
}

function addPageStyles(doc: Document, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // Older engines without constructable stylesheets on documents.
    doc.head?.append(Object.assign(doc.createElement('style'), { textContent: css }));
  }
}

function customHighlightPainter(doc: Document, registry: HighlightRegistry, HighlightClass: HighlightConstructor): Painter {
  addPageStyles(
    doc,
    HIGHLIGHT_COLORS.map((color) => `::highlight(crisscross-${color}) { background-color: ${COLOR_VALUES[color]}; }`).join('\n'),
  );
  let drawn: { id: string; range: Range }[] = [];
  return {
    paint(items) {
      drawn = items.map(({ id, range }) => ({ id, range }));
      for (const color of HIGHLIGHT_COLORS) {
        const ranges = items.filter((item) => item.color === color).map((item) => item.range);
        if (ranges.length) registry.set(`crisscross-${color}`, new HighlightClass(...ranges));
        else registry.delete(`crisscross-${color}`);
      }
    },
    highlightAt(node, offset) {
      // Later highlights are drawn on top, so the last one containing the point is the one seen.
      for (let i = drawn.length - 1; i >= 0; i--) {
        const { id, range } = drawn[i]!;
        try {
          if (range.comparePoint(node, offset) === 0 && !range.collapsed) return id;
        } catch {
          // The point is in another document or a detached node.
        }
      }
      return null;
    },
  };
}

function wrapperPainter(doc: Document): Painter {
  const unwrapAll = () => {
    for (const mark of Array.from(doc.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}]`))) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    }
  };
  return {
    paint(items) {
      unwrapAll();
      for (const { id, range, color } of items) {
        // Collected first, wrapped last-to-first: splitting a text node moves the offsets after it.
        for (const segment of textNodeSegments(range).reverse()) {
          const text = segment.node.splitText(segment.start);
          text.splitText(segment.end - segment.start);
          const mark = doc.createElement('mark');
          mark.setAttribute(HIGHLIGHT_ATTRIBUTE, id);
          mark.style.setProperty('background-color', COLOR_VALUES[color]);
          mark.style.setProperty('color', 'inherit');
          text.replaceWith(mark);
          mark.append(text);
        }
      }
    },
    highlightAt(node) {
      const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
      return element?.closest(`mark[${HIGHLIGHT_ATTRIBUTE}]`)?.getAttribute(HIGHLIGHT_ATTRIBUTE) ?? null;
    },
  };
}
