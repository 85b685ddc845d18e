// A short message on the page after an action (highlighted, deleted, or why it failed).
import { h, type UiHost } from './ui-host';

const SHOW_MS = 3_500;

export function createToast(ui: UiHost, doc: Document) {
  const box = h(doc, 'div', { class: 'panel toast', role: 'status', 'aria-live': 'polite', hidden: '' });
  box.style.position = 'fixed';
  box.style.right = '16px';
  box.style.bottom = '16px';
  box.style.padding = '8px 12px';
  ui.root.append(box);
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    show(message: string, isError = false) {
      ui.ensureAttached();
      box.textContent = message;
      box.classList.toggle('error', isError);
      box.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(() => (box.hidden = true), SHOW_MS);
    },
  };
}
