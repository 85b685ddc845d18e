// Captures a page for clipping: its article (or readable body, or the selection) plus metadata,
// within limits that keep even a 10 MB page from freezing the tab.
import { Readability } from '@mozilla/readability';
import type { PageCapture, Truncation } from '../page-capture';
import { normalizeUrl } from '../url';
import { countWords, nodeToText, textToHtml } from './html-to-text';
import {
  MAX_ALIASES,
  MAX_CHARS_FOR_ARTICLE,
  MAX_DEPTH_FOR_ARTICLE,
  MAX_ELEMENTS_FOR_ARTICLE,
  MAX_EXCERPT_CHARS,
  MAX_HTML_CHARS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
} from './limits';
import { cleanValue, readMetadata } from './metadata';

export interface CaptureInput {
  document: Document;
  /** The address the page was loaded from. */
  location: string;
  /** The user's current selection, used when the page has no article. */
  selectionText?: string;
  sanitize: (html: string) => string;
}

/** An article shorter than this is not trusted as the page's main content. */
const MIN_ARTICLE_CHARS = 140;

/** Page furniture left out when falling back to the body text. */
const FURNITURE = [
  'nav, header, footer, aside, form, dialog, [hidden], [aria-hidden="true"]',
  '[role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"]',
  '#comments, .comments, #respond, .share, .sharing, .social-share, .related-posts, .newsletter, .cookie-banner',
].join(', ');

interface Body {
  text: string;
  html: string;
  title: string | null;
  author: string | null;
  siteName: string | null;
  excerpt: string | null;
  source: PageCapture['source'];
  truncated: Truncation | null;
}

function readArticle(doc: Document, sanitize: (html: string) => string): Body | null {
  // Readability edits the document it parses, so it gets a copy; a cloned document is inert (loads nothing).
  const article = new Readability(doc.cloneNode(true) as Document, { maxElemsToParse: MAX_ELEMENTS_FOR_ARTICLE * 2 }).parse();
  if (!article?.content) return null;
  const html = sanitize(article.content);
  const container = doc.implementation.createHTMLDocument('');
  container.body.innerHTML = html;
  const { text } = nodeToText(container.body, { maxChars: MAX_TEXT_CHARS });
  if (text.length < MIN_ARTICLE_CHARS) return null;
  return {
    text,
    html: html.length <= MAX_HTML_CHARS ? html : textToHtml(text),
    title: article.title ?? null,
    author: article.byline ?? null,
    siteName: article.siteName ?? null,
    excerpt: article.excerpt ?? null,
    source: 'article',
    truncated: null,
  };
}

function readBody(doc: Document, selectionText: string | undefined, totalChars: number): Body {
  const selection = selectionText?.trim();
  if (selection) {
    const text = selection.slice(0, MAX_TEXT_CHARS);
    const truncated = selection.length > MAX_TEXT_CHARS ? { keptChars: text.length, totalChars: selection.length } : null;
    return { text, html: textToHtml(text), title: null, author: null, siteName: null, excerpt: null, source: 'selection', truncated };
  }
  const { text, reachedLimit } = doc.body
    ? nodeToText(doc.body, { maxChars: MAX_TEXT_CHARS, skipElement: (element) => element.matches(FURNITURE) })
    : { text: '', reachedLimit: false };
  const truncated = reachedLimit ? { keptChars: text.length, totalChars: Math.max(totalChars, text.length) } : null;
  return { text, html: textToHtml(text), title: null, author: null, siteName: null, excerpt: null, source: 'body', truncated };
}

/** Whether any element is nested deeper than `limit`; walks at most the whole tree, stops at the first. */
function nestedDeeperThan(root: Element, limit: number): boolean {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return false;
}

/** Captures the page. Never parses more than the limits allow, so the cost is bounded on any page. */
export function capturePage({ document: doc, location, selectionText, sanitize }: CaptureInput): PageCapture {
  const url = normalizeUrl(location) ?? location;
  const meta = readMetadata(doc, location);
  const totalChars = doc.body?.textContent?.length ?? 0;
  const tooBig =
    totalChars > MAX_CHARS_FOR_ARTICLE ||
    doc.getElementsByTagName('*').length > MAX_ELEMENTS_FOR_ARTICLE ||
    (doc.body !== null && nestedDeeperThan(doc.body, MAX_DEPTH_FOR_ARTICLE));
  const body = (!tooBig && readArticle(doc, sanitize)) || readBody(doc, selectionText, totalChars);
  const canonicalUrl = meta.canonicalUrl ?? url;
  const host = safeHostname(url);
  const excerpt = cleanValue(meta.description ?? body.excerpt, MAX_EXCERPT_CHARS) ?? cleanValue(body.text, MAX_EXCERPT_CHARS) ?? '';

  return {
    url,
    canonicalUrl,
    aliases: [...new Set([canonicalUrl, url, ...meta.aliases])].slice(0, MAX_ALIASES),
    title: meta.title ?? cleanValue(body.title, MAX_TITLE_CHARS) ?? host ?? url,
    author: meta.author ?? cleanValue(body.author),
    siteName: meta.siteName ?? cleanValue(body.siteName) ?? host ?? '',
    publishedAt: meta.publishedAt,
    language: meta.language,
    excerpt,
    text: body.text,
    html: body.html,
    wordCount: countWords(body.text),
    tags: meta.tags,
    source: body.source,
    truncated: body.truncated,
  };
}

function safeHostname(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
