// Loads the seed blog's posts as clips, through the extension's own capture pipeline (Readability in jsdom).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { clipConnectionItem } from '../src/core/connections';
import type { ConnectionItem } from '../src/core/connections';
import { capturePage } from '../src/core/extract/capture-page';
import { createSanitizer } from '../src/core/extract/sanitize';
import { ROOT } from '../test/e2e/paths';

const BLOG = join(ROOT, 'test/fixtures/seed-blog');

interface PageEntry {
  path: string;
  title: string;
  tags: string[];
}

export interface SeedPost {
  /** The post's file name without ".html": what the labels name it by. */
  slug: string;
  title: string;
  tags: string[];
  item: ConnectionItem;
}

/** Every post (tag archive pages left out), clipped as the extension would clip it, tagged as the blog tagged it. */
export function loadSeedBlog(): SeedPost[] {
  const pages = (JSON.parse(readFileSync(join(BLOG, 'pages.json'), 'utf8')) as { pages: PageEntry[] }).pages;
  return pages
    .filter((page) => page.path.startsWith('posts/'))
    .map((page) => {
      const html = readFileSync(join(BLOG, page.path), 'utf8');
      const location = `http://dots.example/${page.path}`;
      const dom = new JSDOM(html, { url: location });
      const window = dom.window as unknown as Window;
      const capture = capturePage({ document: window.document, location, sanitize: createSanitizer(window) });
      const slug = page.path.replace(/^posts\//, '').replace(/\.html$/, '');
      // The blog's tags are the curator's topics here (pages.json); the capture's own tags agree with them.
      const clip = { ...capture, id: slug, tags: page.tags };
      return { slug, title: page.title, tags: page.tags, item: clipConnectionItem(clip) };
    });
}
