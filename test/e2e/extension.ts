// Launches headless Chromium with the built extension (dist/chrome) and drives its pages.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIST_CHROME } from './paths';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/lib/chromium/chromium';
export const DIST = DIST_CHROME;

/** The one extension API the tests call from an extension page. */
type ChromeTabs = { chrome: { tabs: { query: (query: object) => Promise<{ id?: number; url?: string }[]> } } };

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  profileDir: string;
  /** Opens the popup in a tab, acting on `tabId`. */
  openPopup: (tabId: number | null, viewport?: { width: number; height: number }) => Promise<Page>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf: (page: Page) => Promise<number>;
  /** Stops the MV3 worker the way the browser does when idle, and waits until it is gone. */
  stopServiceWorker: () => Promise<void>;
  close: () => Promise<void>;
  /** Console errors from extension pages and content scripts. */
  errors: string[];
}

export async function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'crisscross-profile-'));
}

export interface LaunchOptions {
  headless?: boolean;
  /** The unpacked extension to load (absolute); dist/chrome unless a test builds a variant. */
  dist?: string;
  /**
   * Let downloads the extension starts go where the browser itself puts them: into this folder, keeping
   * their names and subfolders (Playwright otherwise captures every download under a random name).
   */
  downloadsDir?: string;
}

/** A new profile's preferences: the downloads folder, and no "Save as" prompt. */
async function presetDownloads(profileDir: string, downloadsDir: string) {
  const preferences = join(profileDir, 'Default', 'Preferences');
  if (existsSync(preferences)) return;
  await mkdir(dirname(preferences), { recursive: true });
  await writeFile(preferences, JSON.stringify({ download: { default_directory: downloadsDir, prompt_for_download: false } }));
}

export async function launchExtension(
  profileDir?: string,
  { headless = true, dist = DIST, downloadsDir }: LaunchOptions = {},
): Promise<ExtensionSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: run node scripts/ensure-chromium.mjs`);
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run npm run build first`);
  const dir = profileDir ?? (await newProfileDir());
  if (downloadsDir) await presetDownloads(dir, downloadsDir);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless,
    args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
  });
  if (downloadsDir) {
    const cdp = await context.newCDPSession(context.pages()[0] ?? (await context.newPage()));
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
  });

  const openPopup: ExtensionSession['openPopup'] = async (tabId, viewport = { width: 380, height: 600 }) => {
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${extensionId}/popup.html${tabId === null ? '' : `?tab=${tabId}`}`);
    return page;
  };

  const tabIdOf: ExtensionSession['tabIdOf'] = async (target) => {
    const helper = await context.newPage();
    await helper.goto(`chrome-extension://${extensionId}/popup.html?tab=none`);
    const url = target.url();
    const id = await helper.evaluate(async (wanted) => {
      const tabs: { id?: number; url?: string }[] = await (globalThis as unknown as ChromeTabs).chrome.tabs.query({});
      const match = tabs.find((tab) => tab.url === wanted);
      if (match) return match.id ?? null;
      // The extension cannot see the address of browser pages: take the newest tab it cannot see into.
      const hidden = tabs.filter((tab) => tab.url === undefined).map((tab) => tab.id ?? -1);
      return /^https?:/.test(wanted) || hidden.length === 0 ? null : Math.max(...hidden);
    }, url);
    await helper.close();
    if (id === null) throw new Error(`No tab shows ${url}`);
    return id;
  };

  const stopServiceWorker = async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    for (let i = 0; i < 100; i++) {
      const { targetInfos: targets } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string }[] };
      if (!targets.some((target) => target.type === 'service_worker')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await cdp.detach();
  };

  return {
    context,
    extensionId,
    profileDir: dir,
    openPopup,
    tabIdOf,
    stopServiceWorker,
    errors,
    close: async () => {
      await context.close();
      if (!profileDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
