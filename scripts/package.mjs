// Zips dist/chrome and dist/firefox into dist/crisscross-<browser>-<version>.zip for the stores.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(await readFile('package.json', 'utf8'));

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

for (const browser of ['chrome', 'firefox']) {
  const dir = join('dist', browser);
  const files = {};
  // Source maps stay out of store packages: they are for development.
  for (const file of (await filesUnder(dir)).filter((name) => !name.endsWith('.map')).sort()) {
    files[relative(dir, file)] = [await readFile(file), { mtime: new Date('2020-01-01T00:00:00Z') }];
  }
  const out = join('dist', `crisscross-${browser}-${version}.zip`);
  await writeFile(out, zipSync(files, { level: 9 }));
  console.log(`Wrote ${out} (${Object.keys(files).length} files)`);
}
