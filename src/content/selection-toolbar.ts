// The small toolbar shown next to a text selection: "Highlight" and "Highlight with note".
import { h, type UiHost } from './ui-host';

export interface SelectionToolbar {
  /** Shows the toolbar under the selection's last line; `focus` moves keyboard focus into it. */
  showFor: (range: Range, focus?: boolean) => void;
  hide: () => void;
  isOpen: () => boolean;
}

export function createSelectionToolbar(
  ui: UiHost,
  doc: Document,
  actions: { highlight: () => void; highlightWithNote: () => void },
): SelectionToolbar {
  const highlightButton = h(doc, 'button', { type: 'button', 'aria-label': 'Highlight' }, 'Highlight');
  const noteButton = h(doc, 'button', { type: 'button', 'aria-label': 'Highlight with note' }, 'Highlight with note');
  const bar = h(
    doc,
    'div',
    { class: 'panel toolbar', role: 'toolbar', 'aria-label': 'Crisscross highlight', hidden: '' },
    highlightButton,
    noteButton,
  );
  ui.root.append(bar);

  // Pressing a button must not clear the page selection it acts on.
  bar.addEventListener('mousedown', (event) => event.preventDefault());
  highlightButton.addEventListener('click', () => actions.highlight());
  noteButton.addEventListener('click', () => actions.highlightWithNote());
  bar.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft')
      (ui.root.activeElement === highlightButton ? noteButton : highlightButton).focus();
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
