// The small toolbar shown next to a text selection: "Highlight" and "Highlight with note".
// Keyboard users reach it with TOOLBAR_KEY; Escape leaves it, back to the selection and where they were.
import { h, type UiHost } from './ui-host';

/** Moves focus into the toolbar (showing it for the selection). Alt+Shift+letter: pages rarely use it,
 *  and it sits beside Alt+Shift+H (highlight at once). Matched by key position, so any layout works. */
export const TOOLBAR_KEY = { code: 'KeyN', label: 'Alt+Shift+N' } as const;

export const isToolbarKey = (event: KeyboardEvent) =>
  event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === TOOLBAR_KEY.code;

export interface SelectionToolbar {
  /** Shows the toolbar under the selection's last line; `focus` moves keyboard focus into it. */
  showFor: (range: Range, focus?: boolean) => void;
  hide: () => void;
  isOpen: () => boolean;
}

export function createSelectionToolbar(
  ui: UiHost,
  doc: Document,
  actions: { highlight: () => void; highlightWithNote: () => void; dismissed: () => void },
): SelectionToolbar {
  const highlightButton = h(doc, 'button', { type: 'button', 'aria-label': 'Highlight' }, 'Highlight');
  const noteButton = h(doc, 'button', { type: 'button', 'aria-label': 'Highlight with note' }, 'Highlight with note');
  const bar = h(
    doc,
    'div',
    { class: 'panel toolbar', role: 'toolbar', 'aria-label': 'Crisscross highlight', 'aria-keyshortcuts': TOOLBAR_KEY.label, hidden: '' },
    highlightButton,
    noteButton,
  );
  ui.root.append(bar);

  // Pressing a button must not clear the page selection it acts on.
  bar.addEventListener('mousedown', (event) => event.preventDefault());
  highlightButton.addEventListener('click', () => actions.highlight());
  noteButton.addEventListener('click', () => actions.highlightWithNote());
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      hide();
      actions.dismissed();
    }
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      // Ours, not the page's: with caret browsing the browser would move the caret (and focus) too.
      event.preventDefault();
      (ui.root.activeElement === highlightButton ? noteButton : highlightButton).focus();
    }
  });

  function hide() {
    bar.hidden = true;
  }

  return {
    showFor(range, focus = false) {
      ui.ensureAttached();
      const rects = range.getClientRects();
      const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
      const win = doc.defaultView!;
      bar.hidden = false;
      const left = Math.min(
        last.right + win.scrollX - bar.offsetWidth / 2,
        win.scrollX + doc.documentElement.clientWidth - bar.offsetWidth - 8,
      );
      bar.style.left = `${Math.max(win.scrollX + 8, left)}px`;
      bar.style.top = `${last.bottom + win.scrollY + 8}px`;
      if (focus) highlightButton.focus();
    },
    hide,
    isOpen: () => !bar.hidden,
  };
}
