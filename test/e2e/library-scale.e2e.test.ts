// The library list with a few thousand items in real Chromium: jumping to the end shows the last item,
// scrolling on from a jump shows every row in its place, and rows are selected as a range (mouse and
// keyboard) or all at once, then bulk-tagged with undo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { exportCrisscrossJson } from '../../src/core/export/crisscross-json';
import type { Clip } from '../../src/core/page-capture';
import { makeCapture } from '../fixtures/captures';
import { axeViolations } from './axe';
import { launchExtension, type ExtensionSession } from './extension';

const COUNT = 3_000;
const ROW_HEIGHT = 78;
const title = (n: number) => `Item ${String(n).padStart(4, '0')}`;

/** Item 0001 is the newest, so the list (newest first) is in title order. */
function generatedLibrary(): string {
  const clips: Clip[] = Array.from({ length: COUNT }, (_, i) => {
    const url = `https://scale.example/items/${i + 1}`;
    const savedAt = Date.UTC(2026, 0, 1) - i * 60_000;
    return {
      ...makeCapture({ url, canonicalUrl: url, aliases: [url], title: title(i + 1), siteName: 'scale.example', tags: [] }),
      id: `scale-${i + 1}`,
      savedAt,
      updatedAt: savedAt,
    };
  });
  return exportCrisscrossJson({ clips, highlights: [], collections: [] }, { exportedAt: Date.UTC(2026, 0, 2), appVersion: '0.1.0' })
    .data as string;
}

describe('a library of a few thousand items', () => {
  let session: ExtensionSession;
  let library: Page;

  beforeAll(async () => {
    session = await launchExtension();
    library = await session.context.newPage();
    await library.setViewportSize({ width: 1200, height: 900 });
    await library.goto(`chrome-extension://${session.extensionId}/library.html#/`);
    const text = generatedLibrary();
    // Imports travel in parts (startImport, sendImportPart, finishImport), as the library page sends a file.
    const imported = await library.evaluate(
      async ({ fileName, text, partChars }) => {
        const send = (type: string, payload: unknown) =>
          (
            globalThis as unknown as {
              chrome: { runtime: { sendMessage: (message: unknown) => Promise<{ ok: boolean; value?: unknown; error?: string }> } };
            }
          ).chrome.runtime.sendMessage({ channel: 'crisscross', type, payload });
        const started = await send('startImport', { fileName, size: text.length });
        if (!started.ok) return started;
        const { jobId } = started.value as { jobId: string };
        for (let index = 0; index * partChars < text.length; index++) {
          const sent = await send('sendImportPart', { jobId, index, text: text.slice(index * partChars, (index + 1) * partChars) });
          if (!sent.ok) return sent;
        }
        return send('finishImport', { jobId });
      },
      { fileName: 'generated.json', text, partChars: 1_000_000 },
    );
    expect(imported).toMatchObject({ ok: true, value: { added: COUNT } });
    await library.reload();
    await library
      .getByRole('status')
      .filter({ hasText: `${COUNT.toLocaleString('en-US')} clips` })
      .waitFor();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });

  const list = () => library.getByRole('list', { name: 'Clips' });
  const scrollTo = (top: number) => library.locator('.vscroll').evaluate((scroller, to) => void (scroller.scrollTop = to), top);
  /** Every drawn row that has loaded, as [position in the list, title]. */
  const drawnRows = () =>
    list()
      .locator('.vrow')
      .evaluateAll((rows) =>
        rows
          .filter((row) => row.querySelector('.row-title'))
          .map((row) => [Number(row.getAttribute('aria-posinset')), row.querySelector('.row-title')!.textContent]),
      );

  it('jumps to the end and shows the last item, and scrolls on from the middle with every row in its place', async () => {
    await scrollTo(COUNT * ROW_HEIGHT);
    const last = list().locator(`.vrow[aria-posinset="${COUNT}"] .row-title`);
    await expect.poll(() => last.textContent(), { timeout: 15_000 }).toBe(title(COUNT));

    // Into the middle (as a dragged scrollbar would), then on with the wheel across page boundaries.
    await scrollTo(1_450 * ROW_HEIGHT);
    await expect.poll(() => list().locator('.vrow[aria-posinset="1451"] .row-title').textContent()).toBe(title(1451));
    const box = (await library.locator('.vscroll').boundingBox())!;
    await library.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let turn = 0; turn < 12; turn++) {
      await library.mouse.wheel(0, 20 * ROW_HEIGHT);
      await library.waitForTimeout(50);
    }
    await expect.poll(async () => (await drawnRows()).some(([position]) => Number(position) > 1_650)).toBe(true);
    await expect.poll(async () => (await drawnRows()).filter(([position, text]) => text !== title(Number(position)))).toEqual([]);
    expect((await drawnRows()).length).toBeGreaterThan(5);
  });

  it('selects a range with Shift+click, bulk-tags it, and undoes the tag', async () => {
    await scrollTo(0);
    await list().locator('.vrow[aria-posinset="1"] .row-title').waitFor();
    const bulk = library.getByRole('region', { name: 'Selected items' });
    await library.getByRole('checkbox', { name: `Select ${title(3)}` }).click();
    await library.getByRole('checkbox', { name: `Select ${title(7)}` }).click({ modifiers: ['Shift'] });
    await expect.poll(() => bulk.textContent()).toContain('5 selected');
    const checked = () =>
      list()
        .locator('.row-select:checked')
        .evaluateAll((boxes) => boxes.map((box) => box.getAttribute('aria-label')));
    expect(await checked()).toEqual([3, 4, 5, 6, 7].map((n) => `Select ${title(n)}`));
    expect(await axeViolations(library)).toEqual([]);

    await bulk.getByLabel('Tag', { exact: true }).fill('batch');
    await bulk.getByRole('button', { name: 'Add tag to selected' }).click();
    await bulk.getByRole('status').filter({ hasText: 'Tagged 5 items “batch”.' }).waitFor();
    const tagged = () =>
      list()
        .locator('.vrow')
        .evaluateAll((rows) =>
          rows
            .filter((row) => row.querySelector('.row-meta')?.textContent?.includes('batch'))
            .map((row) => row.getAttribute('aria-posinset')),
        );
    await expect.poll(tagged).toEqual(['3', '4', '5', '6', '7']);
    await bulk.getByRole('button', { name: 'Undo' }).click();
    await bulk.getByRole('status').filter({ hasText: 'Undone.' }).waitFor();
    await expect.poll(tagged).toEqual([]);
    await bulk.getByRole('button', { name: 'Clear selection' }).click();
    expect(await checked()).toEqual([]);
  });

  it('selects from the keyboard: Shift+arrows, Shift+Space, and Ctrl+A for the whole list', async () => {
    const bulk = library.getByRole('region', { name: 'Selected items' });
    await list()
      .getByRole('link', { name: title(2), exact: true })
      .focus();
    for (const next of [3, 4]) {
      await library.keyboard.press('Shift+ArrowDown');
      await expect.poll(() => library.evaluate(() => document.activeElement?.textContent)).toBe(title(next));
    }
    await expect.poll(() => bulk.textContent()).toContain('3 selected');
    // Shift+Space on a row further down: the range from the same start.
    for (const next of [5, 6]) {
      await library.keyboard.press('ArrowDown');
      await expect.poll(() => library.evaluate(() => document.activeElement?.textContent)).toBe(title(next));
    }
    await library.keyboard.press('Shift+Space');
    await expect.poll(() => bulk.textContent()).toContain('5 selected');
    expect(await axeViolations(library)).toEqual([]);

    await library.keyboard.press('Control+a');
    await expect.poll(() => bulk.textContent()).toContain(`${COUNT} selected`);
    await bulk.getByRole('button', { name: 'Clear selection' }).click();
    await expect.poll(() => bulk.textContent()).not.toContain('selected');
  });
});
