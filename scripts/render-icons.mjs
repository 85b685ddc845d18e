// Renders the extension icon PNGs from their SVG sources.
//
// The PNGs (icons/icon-16.png, icon-32.png, icon-48.png, icon-128.png) are
// committed to the repository, so building the extension never needs a
// browser. Re-run this script only after editing icons/icon.svg (the master,
// used for 48 and 128 px) or icons/icon-small.svg (the pixel-grid drawing for
// 16 and 32 px), then commit the regenerated PNGs together with the SVGs:
//
//   node scripts/render-icons.mjs
//
// It drives Debian's Chromium (apt package "chromium") through playwright-core,
// which is already a dev dependency; no other package is needed.

import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/lib/chromium/chromium';
const iconsDir = new URL('../icons/', import.meta.url);

/** Which drawing each size is rendered from. */
const TARGETS = [
  { size: 16, source: 'icon-small.svg' },
  { size: 32, source: 'icon-small.svg' },
  { size: 48, source: 'icon.svg' },
  { size: 128, source: 'icon.svg' },
];

/** Reads width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
try {
  for (const { size, source } of TARGETS) {
    const svg = await readFile(new URL(source, iconsDir));
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    const page = await browser.newPage({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    try {
      // The SVG is drawn as an image at exactly the target size, at the origin,
      // on a transparent page.
      await page.setContent(
        `<!doctype html><html><head><style>
          html, body { margin: 0; padding: 0; background: transparent; }
          img { display: block; width: ${size}px; height: ${size}px; }
        </style></head><body><img alt="" src="${src}"></body></html>`,
      );
      await page.locator('img').evaluate((img) => img.decode());
      const png = await page.screenshot({
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      const got = pngSize(png);
      if (got.width !== size || got.height !== size) {
        throw new Error(`${source} at ${size}px came out ${got.width}x${got.height}`);
      }
      const out = new URL(`icon-${size}.png`, iconsDir);
      await writeFile(out, png);
      console.log(`wrote ${fileURLToPath(out)} (${size}x${size}, from ${source})`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
}
