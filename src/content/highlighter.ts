// Highlights on the page: captures new ones from the selection, re-anchors saved ones when the page
// loads or changes, draws them, and opens the note editor when one is clicked.
import { anchorSelectors } from '../core/anchoring/anchor';
import { describeRange } from '../core/anchoring/describe';
import { buildTextIndex } from '../core/anchoring/text-index';
import type { AnchorMethod, HighlightSelectors } from '../core/anchoring/types';
import type { Highlight, HighlightColor } from '../core/highlight';
import type { sendRequest } from '../messaging/client';
import { createPainter } from '../ui/highlight-painter';
import { createNoteEditor } from './note-editor';
import { createSelectionToolbar, isToolbarKey } from './selection-toolbar';
import { createToast } from './toast';
import { createUiHost, UI_CSS } from './ui-host';

interface Entry {
  highlight: Highlight;
  range: Range | null;
  method: AnchorMethod | null;
}

/** Single-page apps change their content without a page load: re-anchor after changes settle. */
const CHANGE_SETTLE_MS = 500;

export function createHighlighter(doc: Document, send: typeof sendRequest) {
  const ui = createUiHost(doc, UI_CSS);
  const painter = createPainter(doc);
  const toast = createToast(ui, doc);
  const entries = new Map<string, Entry>();
  let lastColor: HighlightColor = 'yellow';
  let loadedFor = '';
  /** The selection the toolbar was shown for: focus in the toolbar may leave the page without one. */
  let toolbarRange: Range | null = null;
  /** Where keyboard focus was before the toolbar key moved it into our UI; it goes back there after. */
  let returnFocus: Element | null = null;

  const toolbar = createSelectionToolbar(ui, doc, {
    highlight: () => void highlightSelection(false),
    highlightWithNote: () => void highlightSelection(true),
    dismissed: () => {
      if (toolbarRange) restoreSelection(toolbarRange);
      giveFocusBack();
    },
  });
  const editor = createNoteEditor(ui, doc, {
    async save(id, changes) {
      const result = await send('updateHighlight', { id, changes });
      if (!result.ok) return result.error;
      lastColor = changes.color;
      entries.set(id, { ...entries.get(id)!, highlight: result.value });
      redraw();
      return null;
    },
    async remove(id) {
      const result = await send('deleteHighlight', { id });
      if (!result.ok) return result.error;
      entries.delete(id);
      redraw();
      toast.show('Highlight deleted.');
      return null;
    },
  });

  function selectionRange(): Range | null {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    if (ui.contains(range.commonAncestorContainer) || !doc.body?.contains(range.commonAncestorContainer)) return null;
    return range.toString().trim() ? range : null;
  }

  function describeSelection(): HighlightSelectors | null {
    const range = selectionRange();
    return range && doc.body ? describeRange(doc.body, range) : null;
  }

  /** What the user means to highlight: the selection, or the one the open toolbar was shown for. */
  function rangeToHighlight(): Range | null {
    const range = selectionRange() ?? (toolbar.isOpen() ? toolbarRange : null);
    return range && !range.collapsed && doc.body?.contains(range.commonAncestorContainer) ? range : null;
  }

  function restoreSelection(range: Range) {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }

  function giveFocusBack(): void {
    const target = returnFocus;
    returnFocus = null;
    if (target instanceof HTMLElement && target.isConnected && !ui.contains(target)) target.focus({ preventScroll: true });
    // Nothing to go back to (focus was on the page itself): leave our UI anyway. A focused control that
    // was just hidden would otherwise keep focus until the browser next updates the page's layout.
    if (ui.contains(doc.activeElement)) (ui.root.activeElement as HTMLElement | null)?.blur();
  }

  /** Anchors every highlight against the page as it is now, and draws the ones found. */
  function redraw() {
    pauseWatching(() => {
      painter.paint([]);
      if (!doc.body) return;
      const index = buildTextIndex(doc.body);
      for (const entry of entries.values()) {
        const anchor = anchorSelectors(doc.body, entry.highlight.selectors, { index });
        entry.range = anchor?.range ?? null;
        entry.method = anchor?.method ?? null;
      }
      painter.paint(
        [...entries.values()]
          .filter((entry) => entry.range)
          .map((entry) => ({ id: entry.highlight.id, range: entry.range!, color: entry.highlight.color })),
      );
    });
  }

  async function load(): Promise<number> {
    loadedFor = doc.location?.href ?? '';
    const result = await send('listPageHighlights', {});
    if (!result.ok) return entries.size;
    const hadAny = entries.size > 0;
    entries.clear();
    for (const highlight of result.value) entries.set(highlight.id, { highlight, range: null, method: null });
    // Also when the last highlight went away elsewhere: what is drawn must go too.
    if (entries.size > 0 || hadAny) redraw();
    return entries.size;
  }

  async function highlightSelection(withNote: boolean): Promise<boolean> {
    const range = rangeToHighlight();
    const selectors = range && doc.body ? describeRange(doc.body, range) : null;
    toolbar.hide();
    toolbarRange = null;
    if (!selectors) {
      toast.show('Select some text on the page first.');
      giveFocusBack();
      return false;
    }
    const result = await send('saveHighlight', { draft: { selectors, note: '', color: lastColor } });
    if (!result.ok) {
      toast.show(`Not highlighted. ${result.error}`, true);
      giveFocusBack();
      return false;
    }
    entries.set(result.value.id, { highlight: result.value, range: null, method: null });
    doc.getSelection()?.removeAllRanges();
    redraw();
    if (withNote) {
      const back = returnFocus;
      returnFocus = null;
      editor.open(result.value, entries.get(result.value.id)?.range ?? null, back);
    } else {
      toast.show('Highlighted.');
      giveFocusBack();
    }
    return true;
  }

  function caretAt(x: number, y: number): { node: Node; offset: number } | null {
    const position = doc.caretPositionFromPoint?.(x, y);
    if (position) return { node: position.offsetNode, offset: position.offset };
    const range = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }

  function onClick(event: MouseEvent) {
    if (ui.contains(event.target as Node) || selectionRange()) return;
    const caret = caretAt(event.clientX, event.clientY);
    const id = caret && painter.highlightAt(caret.node, caret.offset);
    const entry = id ? entries.get(id) : undefined;
    if (entry) editor.open(entry.highlight, entry.range);
  }

  function onSelectionEnd(event: Event) {
    if (ui.contains(event.target as Node)) return;
    // Escape dismisses the toolbar; its key-up (after focus went back to the page) must not bring it back.
    if ((event as KeyboardEvent).key === 'Escape') return;
    // After the browser has updated the selection for this mouse or keyboard action.
    setTimeout(() => {
      const range = selectionRange();
      toolbarRange = range?.cloneRange() ?? null;
      if (range) toolbar.showFor(range);
      else toolbar.hide();
    }, 0);
  }

  /** The toolbar key: shows the toolbar for the selection and moves keyboard focus into it. */
  function onKeyDown(event: KeyboardEvent) {
    if (!isToolbarKey(event) || ui.contains(event.target as Node)) return;
    const range = selectionRange();
    if (!range) return;
    event.preventDefault();
    returnFocus = doc.activeElement;
    toolbarRange = range.cloneRange();
    toolbar.showFor(range, true);
  }

  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (records.every((record) => ui.contains(record.target))) return;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      if ((doc.location?.href ?? '') !== loadedFor) void load();
      else if (entries.size > 0) redraw();
    }, CHANGE_SETTLE_MS);
  });
  const watch = () => doc.body && observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  function pauseWatching(action: () => void) {
    observer.disconnect();
    try {
      action();
    } finally {
      observer.takeRecords();
      watch();
    }
  }

  doc.addEventListener('mouseup', onSelectionEnd);
  doc.addEventListener('keyup', onSelectionEnd);
  // Capture phase: a page's own key handlers cannot swallow the key before it reaches us.
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('click', onClick);
  watch();

  return {
    load,
    describeSelection,
    highlightSelection,
    /** Where each highlight is anchored now (null: an orphan, not found on this page). */
    anchors: (): Record<string, AnchorMethod | null> =>
      Object.fromEntries([...entries.values()].map((entry) => [entry.highlight.id, entry.method])),
  };
}
