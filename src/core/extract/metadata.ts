// Reads what a page says about itself: title, author, site, date, canonical address, language, tags.
import { MAX_ALIASES, MAX_META_CHARS, MAX_TAGS, MAX_TITLE_CHARS } from './limits';
import { normalizeUrl } from '../url';

export interface PageMetadata {
  title: string | null;
  author: string | null;
  siteName: string | null;
  publishedAt: string | null;
  canonicalUrl: string | null;
  aliases: string[];
  language: string | null;
  description: string | null;
  tags: string[];
}

/** Collapses whitespace and caps the length of a value taken from the page. */
export function cleanValue(value: string | null | undefined, max = MAX_META_CHARS): string | null {
  const clean = (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
  return clean || null;
}

function metaContents(doc: Document, keys: string[]): string[] {
  const values: string[] = [];
  for (const meta of Array.from(doc.querySelectorAll('meta'))) {
    const key = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
    const content = meta.getAttribute('content');
    if (content && keys.includes(key)) values.push(content);
  }
  return values;
}

function firstMeta(doc: Document, keys: string[], max?: number): string | null {
  // Keys are in order of preference, so look each one up in turn.
  for (const key of keys) {
    const value = cleanValue(metaContents(doc, [key])[0], max);
    if (value) return value;
  }
  return null;
}

/** JSON-LD objects of the page (Article, NewsArticle, BlogPosting…), flattened from @graph. */
function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const data: unknown = JSON.parse(script.textContent ?? '');
      const queue = Array.isArray(data) ? data : [data];
      for (const item of queue) {
        if (item && typeof item === 'object') {
          objects.push(item as Record<string, unknown>);
          const graph = (item as Record<string, unknown>)['@graph'];
          if (Array.isArray(graph)) queue.push(...graph);
        }
      }
    } catch {
      // Pages often ship broken JSON-LD; it is only a hint, so skip it.
    }
  }
  return objects;
}

function jsonLdString(objects: Record<string, unknown>[], key: string): string | null {
  for (const object of objects) {
    const value = object[key];
    if (typeof value === 'string') return cleanValue(value);
    const first = Array.isArray(value) ? value[0] : value;
    if (first && typeof first === 'object' && typeof (first as Record<string, unknown>).name === 'string') {
      return cleanValue((first as Record<string, string>).name);
    }
  }
  return null;
}

/** An ISO date from a page's date string, or null when it cannot be read as a date. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString();
}

function declaredTags(doc: Document): string[] {
  const raw = [
    ...metaContents(doc, ['article:tag']),
    ...metaContents(doc, ['keywords', 'news_keywords']).flatMap((value) => value.split(',')),
    // Tag links in sidebars and menus list the whole site's tags, not this page's.
    ...Array.from(doc.querySelectorAll('a[rel~="tag"]'))
      .filter((link) => !link.closest('aside, nav, [role="complementary"], [role="navigation"]'))
      .map((link) => link.textContent ?? ''),
  ];
  const seen = new Map<string, string>();
  for (const value of raw) {
    const tag = cleanValue(value, 60)?.toLowerCase();
    if (tag && !seen.has(tag)) seen.set(tag, tag);
  }
  return [...seen.values()].slice(0, MAX_TAGS);
}

/** Reads the page's own metadata. `location` is where the page was loaded from. */
export function readMetadata(doc: Document, location: string): PageMetadata {
  const ld = jsonLdObjects(doc);
  const canonicalHref = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  const ogUrl = firstMeta(doc, ['og:url']);
  const canonicalUrl = (canonicalHref && normalizeUrl(canonicalHref, location)) || (ogUrl && normalizeUrl(ogUrl, location)) || null;
  const aliases = [ogUrl && normalizeUrl(ogUrl, location), canonicalHref && normalizeUrl(canonicalHref, location)].filter(
    (url): url is string => Boolean(url),
  );
  const timeElement = doc.querySelector('article time[datetime], time[datetime]');

  return {
    title:
      firstMeta(doc, ['og:title', 'twitter:title'], MAX_TITLE_CHARS) ??
      cleanValue(doc.querySelector('h1')?.textContent, MAX_TITLE_CHARS) ??
      cleanValue(doc.title, MAX_TITLE_CHARS),
    author:
      firstMeta(doc, ['author', 'article:author', 'dc.creator', 'byl']) ??
      jsonLdString(ld, 'author') ??
      cleanValue(doc.querySelector('[rel~="author"], [itemprop="author"], .author, .byline')?.textContent),
    siteName: firstMeta(doc, ['og:site_name', 'application-name']) ?? jsonLdString(ld, 'publisher'),
    publishedAt: toIsoDate(
      firstMeta(doc, ['article:published_time', 'datepublished', 'date', 'pubdate', 'dc.date', 'dc.date.issued']) ??
        jsonLdString(ld, 'datePublished') ??
        timeElement?.getAttribute('datetime'),
    ),
    canonicalUrl,
    aliases: [...new Set(aliases)].slice(0, MAX_ALIASES),
    language: cleanValue(doc.documentElement?.getAttribute('lang'), 35) ?? firstMeta(doc, ['content-language', 'og:locale'], 35),
    description: firstMeta(doc, ['description', 'og:description', 'twitter:description']),
    tags: declaredTags(doc),
  };
}
