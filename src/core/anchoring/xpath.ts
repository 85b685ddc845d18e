// Converts between elements and the simple `/tag[n]/tag[n]` XPaths that RangeSelectors store.

import { isElement, isHighlightWrapper, UI_ATTRIBUTE } from './dom-rules';

/**
 * Element children as XPaths see them: our UI elements are left out and
 * highlight wrappers are looked through, so drawing or removing highlights and
 * injecting UI never renumbers the page's own elements.
 */
function* pathChildren(parent: Node): Generator<Element> {
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (!isElement(child) || child.hasAttribute(UI_ATTRIBUTE)) continue;
    if (isHighlightWrapper(child)) yield* pathChildren(child);
    else yield child;
  }
}

function nameOf(element: Element): string {
  return element.localName.toLowerCase();
}

/** The nearest ancestor-or-self element that can appear in a path (not a highlight wrapper), or the root. */
export function pathElementFor(root: Node, node: Node): Node | null {
  let current: Node | null = isElement(node) ? node : node.parentNode;
  while (current && current !== root) {
    if (isElement(current) && !isHighlightWrapper(current)) return current;
    current = current.parentNode;
  }
  return current === root ? root : null;
}

/**
 * XPath of `target` relative to `root`, e.g. `/div[1]/p[2]`; `/` is the root
 * itself. Returns null if `target` is not inside `root`, is (inside) our UI,
 * or is a highlight wrapper.
 */
export function xpathFromRoot(root: Node, target: Node): string | null {
  const steps: string[] = [];
  let current: Node = target;
  while (current !== root) {
    if (!isElement(current) || isHighlightWrapper(current) || current.hasAttribute(UI_ATTRIBUTE)) return null;
    const parent = current.parentNode ? pathElementFor(root, current.parentNode) : null;
    if (!parent) return null;
    const name = nameOf(current);
    let position = 0;
    let found = false;
    for (const sibling of pathChildren(parent)) {
      if (nameOf(sibling) === name) position++;
      if (sibling === current) {
        found = true;
        break;
      }
    }
    if (!found) return null;
    steps.push(`${name}[${position}]`);
    current = parent;
  }
  return steps.length === 0 ? '/' : `/${steps.reverse().join('/')}`;
}

const STEP = /^([A-Za-z_][\w.-]*)(?:\[(\d+)\])?$/;

/**
 * Finds the element an XPath made by {@link xpathFromRoot} points at. Only
 * that simple child-step syntax is supported (no `document.evaluate`, which
 * happy-dom lacks and which would see highlight wrappers). Returns null when
 * the path is malformed or the element no longer exists.
 */
export function nodeFromXPath(root: Node, xpath: string): Node | null {
  if (xpath === '/') return root;
  if (!xpath.startsWith('/')) return null;
  let current: Node = root;
  for (const step of xpath.slice(1).split('/')) {
    const match = STEP.exec(step);
    if (!match) return null;
    const name = (match[1] ?? '').toLowerCase();
    const wanted = match[2] === undefined ? 1 : Number(match[2]);
    if (wanted < 1) return null;
    let position = 0;
    let next: Element | null = null;
    for (const child of pathChildren(current)) {
      if (nameOf(child) === name && ++position === wanted) {
        next = child;
        break;
      }
    }
    if (!next) return null;
    current = next;
  }
  return current;
}
