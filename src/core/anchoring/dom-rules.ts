// Decides which elements the anchoring engine ignores entirely or sees straight through.

/** Attribute marking Crisscross's own injected UI; its text is never part of the page. */
export const UI_ATTRIBUTE = 'data-crisscross-ui';

/**
 * Attribute marking the wrapper elements that draw a highlight. Their text is
 * page text (so it is indexed), but the wrappers themselves are left out of
 * XPaths so that drawing one highlight does not change another's selectors.
 */
export const HIGHLIGHT_ATTRIBUTE = 'data-crisscross-highlight';

// Elements whose text is not rendered as readable page content. `head` covers
// <title> when the root is the whole Document; `textarea` holds form input
// whose text cannot be wrapped in highlight elements.
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'textarea']);

// Node.ELEMENT_NODE etc. are read from literals because the global `Node`
// does not exist when this code runs in Node with a happy-dom Window.
export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** True when `node` is an element (without relying on the global `Element`). */
export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** True when `node` is a text node (CDATA never occurs in HTML pages). */
export function isText(node: Node): node is Text {
  return node.nodeType === TEXT_NODE;
}

/** True for elements whose whole subtree is excluded from the indexed text. */
export function isSkippedElement(element: Element): boolean {
  return SKIPPED_TAGS.has(element.localName.toLowerCase()) || element.hasAttribute(UI_ATTRIBUTE);
}

/** True for our highlight wrapper elements, which XPaths look through. */
export function isHighlightWrapper(element: Element): boolean {
  return element.hasAttribute(HIGHLIGHT_ATTRIBUTE);
}
