// User settings (theme, images in the reader), with defaults and validation, kept in storage.local:
// small, synchronous-feeling preferences every extension page reads at start.
import type { ExportFormat } from '../messaging/protocol';
import { browser } from '../platform/browser';

export type Theme = 'system' | 'light' | 'dark';

const EXPORT_FORMATS: ExportFormat[] = ['json', 'markdown', 'html', 'annotations', 'csv', 'bookmarks'];

export interface Settings {
  theme: Theme;
  /** The format the library's export uses unless the user picks another. */
  exportFormat: ExportFormat;
  /** Show the images of clipped articles in the reader (they load from the web). */
  loadImages: boolean;
}

export const DEFAULT_SETTINGS: Settings = { theme: 'system', exportFormat: 'json', loadImages: false };

function validated(raw: unknown): Settings {
  const value = (raw ?? {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    theme: value.theme === 'light' || value.theme === 'dark' || value.theme === 'system' ? value.theme : DEFAULT_SETTINGS.theme,
    exportFormat: EXPORT_FORMATS.includes(value.exportFormat as ExportFormat)
      ? (value.exportFormat as ExportFormat)
      : DEFAULT_SETTINGS.exportFormat,
    loadImages: typeof value.loadImages === 'boolean' ? value.loadImages : DEFAULT_SETTINGS.loadImages,
  };
}

export async function loadSettings(): Promise<Settings> {
  const { settings } = await browser.storage.local.get('settings');
  return validated(settings);
}

export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const next = validated({ ...(await loadSettings()), ...changes });
  await browser.storage.local.set({ settings: next });
  return next;
}

/** Applies the theme to the page: an explicit choice overrides the system's light or dark. */
export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}
