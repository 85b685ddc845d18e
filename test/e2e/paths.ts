// Paths in the repository, found from the package.json above this module: tests run it from test/e2e,
// the demo and the benchmark run it bundled into .tmp/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir;
  throw new Error(`No package.json above ${start}`);
}

export const ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
export const SEED_BLOG = join(ROOT, 'test/fixtures/seed-blog/');
export const DIST_CHROME = join(ROOT, 'dist/chrome');

/** A post of the seed blog, as pages.json lists it. */
export interface SeedPost {
  path: string;
  title: string;
  tags: string[];
}

/** Every post of the seed blog (pages.json also lists its index and tag pages). */
export const seedPosts = (): SeedPost[] =>
  (JSON.parse(readFileSync(join(SEED_BLOG, 'pages.json'), 'utf8')) as { pages: SeedPost[] }).pages.filter((page) =>
    page.path.startsWith('posts/'),
  );
