// Fuzzing extraction: generated odd and hostile pages never make capturePage throw or hang, and what it
// returns always passes the message schema the background checks (so the clip can be saved).
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../src/core/extract/capture-page';
import { createSanitizer } from '../../../src/core/extract/sanitize';
import { pageCaptureSchema } from '../../../src/messaging/schemas';
import { parseHtml } from '../../dom';
import { deeplyNested, hugeText, manyElements, randomPage } from './generated-pages';

const URL_OF_PAGE = 'http://127.0.0.1:8080/odd/page.html';
/** Generous: only a hang detector, not a speed claim (the machines are shared and slow). */
const HANG_MS = 20_000;

function captureTimed(html: string, selectionText?: string) {
  // Only capturePage is timed: jsdom's own parsing is slow on this machine and not ours to bound.
  const { document, window } = parseHtml(html, URL_OF_PAGE);
  const started = performance.now();
  const capture = capturePage({ document, location: URL_OF_PAGE, selectionText, sanitize: createSanitizer(window) });
  return { capture, ms: performance.now() - started };
}

function expectSavable(html: string, selectionText?: string) {
  const { capture, ms } = captureTimed(html, selectionText);
  expect(ms).toBeLessThan(HANG_MS);
  const parsed = pageCaptureSchema.safeParse(capture);
  expect(parsed.success ? 'valid' : parsed.error.message).toBe('valid');
  // Clipped text is never markup: the stored HTML went through the sanitizer.
  expect(capture.html).not.toMatch(/<script|onerror=|javascript:/i);
  return capture;
}

const SEEDS = Array.from({ length: 25 }, (_, i) => 1_000 + i * 7_919);

describe('extraction over generated pages', { timeout: 60_000 }, () => {
  it.each(SEEDS)('random odd page, seed %i: no throw, no hang, a valid capture', (seed) => {
    expectSavable(randomPage(seed), seed % 3 === 0 ? 'a selection 🦩 النهر' : undefined);
  });

  it('keeps right-to-left and mixed-script text and emoji intact', () => {
    const capture = expectSavable(
      `<!doctype html><html dir="rtl" lang="ar"><title>خدمة العملاء</title><body><article><h1>خدمة العملاء</h1>` +
        `${'<p>النهر ارتفع قبل المطر، و מלך הנהר 河流 🦩 👩🏽‍💻 moved upstream.</p>'.repeat(20)}</article></body></html>`,
    );
    expect(capture.text).toContain('النهر ارتفع قبل المطر، و מלך הנהר 河流 🦩 👩🏽‍💻 moved upstream.');
    expect(capture.title).toBe('خدمة العملاء');
  });

  it('survives deeply nested elements (the article extractor is skipped: its cost grows with depth squared)', () => {
    const capture = expectSavable(deeplyNested(1_500));
    expect(capture.source).toBe('body');
    expect(capture.text).toContain('Deep inside the page.');
  });

  it('still reads the article of a page nested as deep as real sites are', () => {
    const capture = expectSavable(deeplyNested(40));
    expect(capture.source).toBe('article');
  });

  it('survives a page of several megabytes of unbroken text, keeping it within the limits', () => {
    const capture = expectSavable(hugeText(3));
    expect(capture.text.length).toBeGreaterThan(500_000);
  });

  it('survives a very wide page of many small elements', () => {
    expectSavable(manyElements(25_000));
  });

  it('survives an empty document and one with only broken markup', () => {
    expectSavable('');
    expectSavable('<<<>>></p></div><p <p <p');
  });
});
