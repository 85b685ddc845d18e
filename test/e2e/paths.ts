// Paths in the repository, found from the package.json above this module: tests run it from test/e2e,
// the demo and the benchmark run it bundled into .tmp/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error(`No package.json above ${start}`);
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const SEED_BLOG = join(ROOT, 'test/fixtures/seed-blog/');
export const DIST_CHROME = join(ROOT, 'dist/chrome');
