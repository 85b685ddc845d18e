// The popover for one highlight: its note, tags and colour, and deleting it.
import { formatTagList, HIGHLIGHT_COLORS, parseTagList, type Highlight, type HighlightColor } from '../core/highlight';
import { COLOR_VALUES } from '../ui/highlight-painter';
import { h, type UiHost } from './ui-host';

export interface NoteEditorActions {
  save: (id: string, changes: { note: string; color: HighlightColor; tags: string[] }) => Promise<string | null>;
  remove: (id: string) => Promise<string | null>;
}

export interface NoteEditor {
  /** Opens the editor under `anchor`; when it closes, focus goes back to `returnFocus` (where the user was). */
  open: (highlight: Highlight, anchor: Range | null, returnFocus?: Element | null) => void;
  close: () => void;
  isOpen: () => boolean;
}

const label = (color: string) => color[0]!.toUpperCase() + color.slice(1);

export function createNoteEditor(ui: UiHost, doc: Document, actions: NoteEditorActions): NoteEditor {
  let current: Highlight | null = null;
  let color: HighlightColor = 'yellow';
  let returnTo: Element | null = null;

  const quote = h(doc, 'p', { class: 'quote' });
  const textarea = h(doc, 'textarea', { 'aria-label': 'Note', placeholder: 'Add a note…' });
  const tagsInput = h(doc, 'input', { type: 'text', 'aria-label': 'Tags', placeholder: 'Tags, separated by commas', autocomplete: 'off' });
  const swatches = HIGHLIGHT_COLORS.map((value) => {
    const swatch = h(doc, 'button', {
      type: 'button',
      class: 'swatch',
      role: 'radio',
      'aria-label': label(value),
      'aria-checked': 'false',
    });
    swatch.style.backgroundColor = COLOR_VALUES[value];
    swatch.addEventListener('click', () => setColor(value));
    return swatch;
  });
  const message = h(doc, 'p', { class: 'message', role: 'alert' });
  const saveButton = h(doc, 'button', { type: 'button', class: 'primary' }, 'Save note');
  const deleteButton = h(doc, 'button', { type: 'button', class: 'danger' }, 'Delete highlight');
  const closeButton = h(doc, 'button', { type: 'button', 'aria-label': 'Close' }, '✕');
  const panel = h(
    doc,
    'div',
    { class: 'panel editor', role: 'dialog', 'aria-label': 'Highlight note', hidden: '' },
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'div', { class: 'swatches', role: 'radiogroup', 'aria-label': 'Colour' }, ...swatches),
      closeButton,
    ),
    quote,
    textarea,
    tagsInput,
    message,
    h(doc, 'div', { class: 'row' }, deleteButton, saveButton),
  );
  ui.root.append(panel);

  function setColor(value: HighlightColor) {
    color = value;
    swatches.forEach((swatch, i) => swatch.setAttribute('aria-checked', String(HIGHLIGHT_COLORS[i] === value)));
  }

  function close() {
    const wasOpen = !panel.hidden;
    panel.hidden = true;
    current = null;
    // Keyboard users continue where they were, not at the top of the page.
    if (wasOpen && returnTo instanceof HTMLElement && returnTo.isConnected && !ui.contains(returnTo))
      returnTo.focus({ preventScroll: true });
    returnTo = null;
  }

  async function run(action: () => Promise<string | null>) {
    message.textContent = '';
    const error = await action();
    if (error) message.textContent = error;
    else close();
  }

  function save() {
    if (!current) return;
    const { tags, error } = parseTagList(tagsInput.value);
    if (error) {
      message.textContent = error;
      tagsInput.focus();
      return;
    }
    void run(() => actions.save(current!.id, { note: textarea.value, color, tags }));
  }

  saveButton.addEventListener('click', save);
  tagsInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) save();
  });
  deleteButton.addEventListener('click', () => current && run(() => actions.remove(current!.id)));
  closeButton.addEventListener('click', close);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveButton.click();
  });

  return {
    open(highlight, anchor, returnFocus = doc.activeElement) {
      ui.ensureAttached();
      current = highlight;
      returnTo = returnFocus;
      quote.textContent = `“${highlight.text.slice(0, 200)}${highlight.text.length > 200 ? '…' : ''}”`;
      textarea.value = highlight.note;
      tagsInput.value = formatTagList(highlight.tags);
      message.textContent = '';
      setColor(highlight.color);
      const win = doc.defaultView!;
      const rect = anchor?.getBoundingClientRect();
      panel.hidden = false;
      const left = rect ? rect.left + win.scrollX : win.scrollX + 16;
      panel.style.left = `${Math.max(win.scrollX + 8, Math.min(left, win.scrollX + doc.documentElement.clientWidth - panel.offsetWidth - 8))}px`;
      panel.style.top = `${(rect ? rect.bottom : 16) + win.scrollY + 8}px`;
      textarea.focus();
    },
    close,
    isOpen: () => !panel.hidden,
  };
}
