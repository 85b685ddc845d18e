// DOM documents for unit tests, parsed by jsdom (what Readability and DOMPurify are built against).
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

export const SEED_BLOG = new URL('./fixtures/seed-blog/', import.meta.url);

/** A document for `html`, as if loaded from `url` (scripts are never run). */
export function parseHtml(html: string, url = 'http://127.0.0.1:8080/page.html'): { document: Document; window: Window } {
  const dom = new JSDOM(html, { url });
  return { document: dom.window.document, window: dom.window as unknown as Window };
}

export function seedPost(path: string): string {
  return readFileSync(new URL(path, SEED_BLOG), 'utf8');
}
