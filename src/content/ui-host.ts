// Our on-page UI lives in a closed shadow root: the page's CSS cannot break it, our CSS cannot leak
// into the page, and page scripts cannot read it.
import { UI_ATTRIBUTE } from '../core/anchoring/dom-rules';

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Puts the host back if the page removed it (single-page apps replace the body). */
  ensureAttached: () => void;
  contains: (node: Node | null) => boolean;
}

/** Creates the host element and its closed shadow root, styled with a constructable stylesheet
 *  (allowed under a page's strict style-src CSP, unlike a <style> element or style attribute). */
export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement('crisscross-ui');
  host.setAttribute(UI_ATTRIBUTE, '');
  for (const [property, value] of Object.entries({ all: 'initial', position: 'absolute', top: '0', left: '0', 'z-index': '2147483647' })) {
    host.style.setProperty(property, value, 'important');
  }
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  const ensureAttached = () => {
    if (!host.isConnected) (doc.body ?? doc.documentElement).appendChild(host);
  };
  ensureAttached();
  return { host, root, ensureAttached, contains: (node) => node !== null && (node === host || host.contains(node)) };
}

/** Builds an element with attributes and children; text is always set as text, never as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

export const UI_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.panel { position: absolute; background: #1c1b22; color: #f4f3fb; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.28);
  padding: 4px; display: flex; gap: 4px; align-items: center; }
.panel[hidden] { display: none; }
button { border: 0; border-radius: 6px; padding: 6px 10px; background: transparent; color: inherit; cursor: pointer; font-weight: 600; }
button:hover { background: #3b3948; }
button:focus-visible, textarea:focus-visible, input:focus-visible { outline: 3px solid #ffb000; outline-offset: 1px; }
.editor { flex-direction: column; align-items: stretch; width: 300px; padding: 10px; gap: 8px; }
.editor textarea { width: 100%; min-height: 80px; resize: vertical; border-radius: 6px; border: 1px solid #5d5b6a; background: #26242f; color: #f4f3fb; padding: 6px; }
.editor input { width: 100%; border-radius: 6px; border: 1px solid #5d5b6a; background: #26242f; color: #f4f3fb; padding: 6px; }
.editor .quote { margin: 0; max-height: 4.2em; overflow: hidden; color: #cfcde0; font-style: italic; }
.row { display: flex; gap: 6px; align-items: center; justify-content: space-between; }
.swatches { display: flex; gap: 6px; }
.swatch { width: 22px; height: 22px; padding: 0; border-radius: 50%; border: 2px solid transparent; }
.swatch[aria-checked="true"] { border-color: #ffffff; }
.danger { color: #ff8a80; }
.primary { background: #8f86ff; color: #12101c; }
.primary:hover { background: #a9a2ff; }
.message { margin: 0; color: #ffb4ab; }
`;
