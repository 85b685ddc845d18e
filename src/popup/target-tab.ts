// The tab the popup acts on: `?tab=<id>` when given (tests, headless browsers), else the active tab.
import { browser } from '../platform/browser';

export async function resolveTargetTabId(search: string): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null) {
    const id = Number(param);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Opens an address in a new tab and closes the popup (a no-op when the popup is itself a tab). */
export async function openInNewTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
  window.close();
}
