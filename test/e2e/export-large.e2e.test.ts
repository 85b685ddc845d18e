// A library too big for one message: a 10 MB Crisscross JSON file is imported through the library
// page in parts, then exported with a progress bar that moves, and the download is the same file.
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCrisscrossJson } from '../../src/core/export';
import { IMPORT_PART_BYTES } from '../../src/core/export/transfer-chunks';
import { generateBundle } from '../core/export/generated-library';
import { launchExtension, type ExtensionSession } from './extension';

const CLIPS = 700;

describe('a large library', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('imports a file larger than one part and exports it back, byte for byte, with progress, and cancels an export', async () => {
    const manifest = JSON.parse(await readFile(join(import.meta.dirname, '../../dist/chrome/manifest.json'), 'utf8'));
    const bundle = generateBundle(CLIPS, { seed: 21, textChars: 800, htmlChars: 9_000 });
    const original = exportCrisscrossJson(bundle, { exportedAt: Date.UTC(2026, 0, 1), appVersion: manifest.version }).data as string;
    const buffer = Buffer.from(original);
    expect(buffer.length).toBeGreaterThan(IMPORT_PART_BYTES);

    const page = await session.context.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/library.html#/settings`);
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    // Every state of both progress bars, as the page showed them.
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('progress')) {
          const text = document.getElementById(bar.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
          const line = `${bar.getAttribute('aria-label')}|${bar.getAttribute('value') ?? ''}|${bar.getAttribute('max')}|${text}`;
          if (seen.at(-1) !== line) seen.push(line);
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const seen = () => page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);

    await page.getByLabel(/Import a file/).setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer });
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /Added/ }).textContent(), { timeout: 30_000 })
      .toMatch(new RegExp(`Added ${CLIPS} clips, ${bundle.highlights.length} highlights`));
    const importing = (await seen()).filter((line) => line.startsWith('Import progress|'));
    expect(importing.some((line) => /\|Reading big\.json: \d/.test(line))).toBe(true);

    await page.getByLabel('Format').selectOption('json');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    const path = join(await mkdtemp(join(tmpdir(), 'crisscross-large-')), download.suggestedFilename());
    await download.saveAs(path);
    const exported = await readFile(path, 'utf8');
    const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
    expect(withoutTime(exported)).toBe(withoutTime(original));
    expect(JSON.parse(exported).clips).toHaveLength(CLIPS);

    const total = (CLIPS + bundle.highlights.length).toLocaleString('en');
    const exporting = (await seen()).filter((line) => line.startsWith('Export progress|') && line.includes(`of ${total} items…`));
    // At least two different counts on the bar and in the words beside it.
    expect(new Set(exporting.map((line) => line.split('|')[1])).size).toBeGreaterThanOrEqual(2);
    expect(exporting.every((line) => /\|Exporting [\d,]+ of [\d,]+ items…$/.test(line))).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: /^Exported crisscross-export-/ })
      .waitFor();
    expect(await page.locator('progress').count()).toBe(0);

    // Cancel stops the next export: no download, and the page says so.
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export everything' }).click();
    await page.getByRole('progressbar', { name: 'Export progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('status').filter({ hasText: 'Export cancelled. No file was saved.' }).waitFor();
    expect(await page.locator('progress').count()).toBe(0);
    await page.waitForTimeout(1_000);
    expect(downloads).toBe(0);
  });
});
