// Builds dist/chrome and dist/firefox from src/ and the one manifest.json.
// Usage: node build.mjs [--watch]  (builds are minified, with linked source maps, except in watch mode)
import { build, context } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
// Minified code starts faster in the MV3 worker, which the browser starts again after every idle stop.
const minify = !watch;

/** Firefox add-on id; also the key of its storage, so it never changes. */
const GECKO_ID = 'crisscross@crisscross.invalid';

const targets = {
  chrome: (manifest) => manifest,
  // Firefox differs from Chromium in three ways, each derived here rather than kept in a second manifest.
  firefox: (manifest) => {
    const { service_worker, ...background } = manifest.background;
    const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
    return {
      ...rest,
      // No offscreen documents in Firefox: its search runs in the background script (see chromeOnly below).
      permissions: manifest.permissions.filter((permission) => permission !== 'offscreen'),
      // Firefox MV3 runs background scripts as an event page, not a service worker.
      background: { ...background, scripts: [service_worker] },
      // An explicit id is required for MV3 add-ons (web-ext lint ADDON_ID_REQUIRED) and keeps storage stable.
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '142.0',
          // Crisscross collects nothing: all data stays in the browser.
          data_collection_permissions: { required: ['none'] },
        },
      },
    };
  },
};

/** Entry points: the worker and pages are ES modules; content scripts must be classic scripts (IIFE). */
const entries = [
  { in: 'src/background/index.ts', out: 'background', format: 'esm' },
  { in: 'src/content/index.ts', out: 'content', format: 'iife' },
  { in: 'src/popup/index.tsx', out: 'popup', format: 'esm' },
  { in: 'src/library/index.tsx', out: 'library', format: 'esm' },
];

/** The search host's offscreen document: only Chromium has the offscreen API. */
const chromeOnly = {
  entries: [{ in: 'src/offscreen/index.ts', out: 'offscreen', format: 'esm' }],
  staticFiles: [['src/offscreen/offscreen.html', 'offscreen.html']],
};

const staticFiles = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/library/library.html', 'library.html'],
  ['src/library/library.css', 'library.css'],
  ['src/ui/theme.css', 'theme.css'],
  ['icons/icon-16.png', 'icons/icon-16.png'],
  ['icons/icon-32.png', 'icons/icon-32.png'],
  ['icons/icon-48.png', 'icons/icon-48.png'],
  ['icons/icon-128.png', 'icons/icon-128.png'],
];

function esbuildOptions(outdir, entry) {
  return {
    entryPoints: { [entry.out]: join(root, entry.in) },
    outdir,
    bundle: true,
    format: entry.format,
    target: ['chrome120', 'firefox142'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: 'linked',
    minify,
    legalComments: 'linked',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(minify ? 'production' : 'development') },
  };
}

async function writeTarget(name, transform) {
  const outdir = join(root, 'dist', name);
  const manifest = JSON.parse(await readFile(join(root, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  manifest.version = pkg.version;
  await mkdir(outdir, { recursive: true });
  await writeFile(join(outdir, 'manifest.json'), JSON.stringify(transform(manifest), null, 2) + '\n');
  const extra = name === 'chrome' ? chromeOnly : { entries: [], staticFiles: [] };
  for (const [from, to] of [...staticFiles, ...extra.staticFiles]) {
    await mkdir(dirname(join(outdir, to)), { recursive: true });
    await cp(join(root, from), join(outdir, to));
  }
  return [...entries, ...extra.entries].map((entry) => esbuildOptions(outdir, entry));
}

await rm(join(root, 'dist'), { recursive: true, force: true });
const allOptions = [];
for (const [name, transform] of Object.entries(targets)) allOptions.push(...(await writeTarget(name, transform)));

if (watch) {
  for (const options of allOptions) await (await context(options)).watch();
  console.log('Watching src/ for changes (static files and manifest are copied at start).');
} else {
  await Promise.all(allOptions.map((options) => build(options)));
  console.log('Built dist/chrome and dist/firefox.');
}
