// Launches Debian's Firefox ESR with the built extension (dist/firefox), driven by puppeteer-core over
// WebDriver BiDi, and reads what our content script does to a page. Our on-page UI is in a closed
// shadow root and Firefox has no DevTools protocol to pierce it, so the tests use it as a keyboard
// user would and observe it from the page: hits on our host element, and where focus is.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../e2e/paths';
import { dragAcross, phraseBox } from '../e2e/select-phrase';

export const FIREFOX = '/usr/bin/firefox-esr';
export const DIST_FIREFOX = join(ROOT, 'dist/firefox');

export interface FirefoxSession {
  browser: Browser;
  extensionId: string;
  close: () => Promise<void>;
}

/** A fresh profile (puppeteer's temporary one) with the extension installed as a temporary add-on.
 *  Firefox grants an MV3 extension's host_permissions at install, so no permission prompt or pref is needed;
 *  the content script running on http pages is the proof. */
export async function launchFirefox(): Promise<FirefoxSession> {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR is missing at ${FIREFOX}: run node scripts/ensure-firefox.mjs`);
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error(`${DIST_FIREFOX} is missing: run npm run build first`);
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true, protocol: 'webDriverBiDi' });
  try {
    const extensionId = await browser.installExtension(DIST_FIREFOX);
    return { browser, extensionId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** Whether our content script has put its UI host element into the page. */
export const contentScriptLoaded = (page: Page) => page.evaluate(() => document.querySelector('crisscross-ui') !== null);

/** Selects `phrase` in the page as a user would by dragging, and releases the mouse. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await dragAcross(page.mouse, await page.evaluate(phraseBox, phrase), phrase);
}

/** Whether our UI is drawn just under the end of the selection, where the selection toolbar shows: a hit
 *  inside a closed shadow root reports its host element to the page. */
export const toolbarUnderSelection = (page: Page) =>
  page.evaluate(() => {
    const selection = getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
    const rects = selection.getRangeAt(0).getClientRects();
    const last = rects[rects.length - 1];
    if (!last) return false;
    return document.elementFromPoint(last.right, last.bottom + 20)?.localName === 'crisscross-ui';
  });

/** Whether keyboard focus is inside our UI (focus in a closed shadow root shows as its host). */
export const focusInOurUi = (page: Page) => page.evaluate(() => document.activeElement?.localName === 'crisscross-ui');

/** Presses a key with modifiers held, e.g. pressWith(page, ['Alt', 'Shift'], 'KeyN'). */
export async function pressWith(page: Page, modifiers: ('Alt' | 'Shift' | 'Control')[], key: Parameters<Page['keyboard']['press']>[0]) {
  for (const modifier of modifiers) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of [...modifiers].reverse()) await page.keyboard.up(modifier);
}

/** The text of each highlight drawn with the CSS Custom Highlight API, by name. */
export function drawnHighlights(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const drawn: Record<string, string[]> = {};
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    registry.forEach((highlight, name) => {
      drawn[name] = [...highlight].map((range) => range.toString());
    });
    return drawn;
  });
}

/** Clicks the middle of the first drawn highlight, as a user clicking the marked text. */
export async function clickDrawnHighlight(page: Page): Promise<void> {
  const point = await page.evaluate(async () => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    for (const highlight of registry.values()) {
      for (const range of highlight) {
        // Firefox restores the scroll position after a reload: bring the text into view, measure after layout.
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        await new Promise(requestAnimationFrame);
        const rect = range.getClientRects()[0];
        if (rect) return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  });
  if (!point) throw new Error('No highlight is drawn');
  await page.mouse.click(point.x, point.y);
}
