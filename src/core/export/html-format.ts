// Writes the HTML export: one self-contained, script-free page to read or print the library.
import type { Collection } from '../collection';
import type { Highlight, HighlightColor } from '../highlight';
import { escapeHtml } from './html-escape';
import {
  compareIds,
  isoDay,
  isOpenableUrl,
  itemKey,
  pagesOf,
  type ExportBundle,
  type ExportFile,
  type ExportMeta,
  type PageWithHighlights,
} from './library-data';

/** Options for {@link exportHtml}. */
export interface HtmlExportOptions extends ExportMeta {
  /** The page heading; "Crisscross library" by default. */
  title?: string;
}

const HIGHLIGHT_CSS: Record<HighlightColor, string> = {
  yellow: '#f5c518',
  green: '#3fb950',
  blue: '#4493f8',
  pink: '#f778ba',
  purple: '#a371f7',
};

// Inline, so the file needs nothing but itself; light and dark follow the reader's system.
const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --rule: #d1d9e0; --quote-bg: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --rule: #3d444d; --quote-bg: #151b23; } }
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 4rem; font: 17px/1.6 Georgia, "Times New Roman", serif; color: var(--fg); background: var(--bg); }
h1, h2, h3, nav, .meta, .tags, summary, figcaption { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.8rem; margin-bottom: .25rem; }
h2 { font-size: 1.35rem; margin: 0 0 .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: inherit; }
.meta, .intro { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
.tag { display: inline-block; border: 1px solid var(--rule); border-radius: 999px; padding: 0 .5rem; margin: 0 .25rem .25rem 0; font-size: .8rem; }
article, .collections, nav { border-top: 1px solid var(--rule); padding-top: 1.25rem; margin-top: 2rem; }
figure { margin: 0 0 1rem; }
blockquote { margin: 0; padding: .5rem .9rem; background: var(--quote-bg); border-left: 4px solid var(--mark); }
blockquote p { margin: .25rem 0; }
figcaption { font-size: .95rem; margin: .4rem 0 0 1rem; }
figcaption p { margin: .25rem 0; }
details { margin-top: 1rem; }
summary { cursor: pointer; color: var(--muted); }
${Object.entries(HIGHLIGHT_CSS)
  .map(([name, color]) => `.${name} { --mark: ${color}; }`)
  .join('\n')}
@media print { details > *:not(summary) { display: block; } nav { display: none; } }
`.trim();

/** An element id for an item: ids are UUIDs, but anything odd is replaced so links always work. */
function anchor(kind: 'clip' | 'highlight', id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Plain text as escaped paragraphs: blank lines separate paragraphs, single line breaks stay breaks. */
function paragraphs(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${part.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('\n');
}

/** A link when the address is a web or file page; plain text otherwise, so no `javascript:` link can exist. */
function link(url: string, text: string): string {
  return isOpenableUrl(url) ? `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function tagList(tags: readonly string[]): string {
  return tags.length ? `<p class="tags">${tags.map((tag) => `<span class="tag">${escapeHtml(tag)}</span>`).join('')}</p>` : '';
}

function highlightHtml(highlight: Highlight): string {
  const caption = [paragraphs(highlight.note), tagList(highlight.tags)].filter(Boolean).join('\n');
  return [
    `<figure id="${anchor('highlight', highlight.id)}" class="${highlight.color}">`,
    `<blockquote>${paragraphs(highlight.text)}</blockquote>`,
    caption ? `<figcaption>${caption}</figcaption>` : '',
    '</figure>',
  ]
    .filter(Boolean)
    .join('\n');
}

function clipHtml({ clip, highlights, collections }: PageWithHighlights): string {
  const lang = clip.language && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(clip.language) ? ` lang="${clip.language}"` : '';
  const meta = [
    clip.author,
    clip.siteName,
    clip.publishedAt && `published ${clip.publishedAt.slice(0, 10)}`,
    `saved ${isoDay(clip.savedAt)}`,
    collections.length ? `in ${collections.join(', ')}` : '',
  ].filter(Boolean) as string[];
  const parts = [
    `<article id="${anchor('clip', clip.id)}"${lang}>`,
    `<h2>${link(clip.url, clip.title || clip.url)}</h2>`,
    `<p class="meta">${meta.map(escapeHtml).join(' · ')}</p>`,
    tagList(clip.tags),
  ];
  if (highlights.length) parts.push('<h3>Highlights</h3>', ...highlights.map(highlightHtml));
  const text = paragraphs(clip.text);
  if (text) {
    const words = clip.wordCount ? ` (${clip.wordCount} words)` : '';
    const truncated = clip.truncated
      ? `<p class="meta">Only the first ${clip.truncated.keptChars} characters of this page were saved.</p>\n`
      : '';
    parts.push(`<details><summary>Full text${words}</summary>\n${truncated}${text}\n</details>`);
  }
  parts.push('</article>');
  return parts.filter(Boolean).join('\n');
}

function collectionHtml(collection: Collection, titles: Map<string, string>): string {
  const items = collection.items.map((ref) => {
    const title = titles.get(itemKey(ref));
    return title === undefined
      ? `<li>${escapeHtml(`(a ${ref.type} not in this export)`)}</li>`
      : `<li><a href="#${anchor(ref.type, ref.id)}">${escapeHtml(title)}</a></li>`;
  });
  return [
    `<h3>${escapeHtml(collection.name)}</h3>`,
    collection.description ? paragraphs(collection.description) : '',
    items.length ? `<ol>\n${items.join('\n')}\n</ol>` : '<p class="meta">No items.</p>',
  ]
    .filter(Boolean)
    .join('\n');
}

function shorten(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * The bundle as one HTML page: a contents list, the collections, then each clip with its metadata,
 * highlights and notes, and its text in a collapsible section.
 *
 * Every piece of library text is escaped, and the clip's text is rendered as paragraphs rather than
 * embedding its stored HTML: that HTML was sanitized when it was captured, but an imported library
 * may carry HTML nobody sanitized, and there is no DOM in the service worker to sanitize it again.
 * Text keeps everything a reader needs. A Content-Security-Policy forbids scripts and every outside
 * resource, as a second guard.
 */
export function exportHtml(bundle: ExportBundle, options: HtmlExportOptions): ExportFile {
  const pages = pagesOf(bundle);
  const title = options.title ?? 'Crisscross library';
  const titles = new Map<string, string>();
  for (const { clip, highlights } of pages) {
    titles.set(itemKey({ type: 'clip', id: clip.id }), clip.title || clip.url);
    for (const h of highlights) titles.set(itemKey({ type: 'highlight', id: h.id }), `“${shorten(h.text, 90)}”`);
  }
  const collections = [...bundle.collections].sort((a, b) => compareIds(a.name, b.name) || compareIds(a.id, b.id));
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="intro">Exported ${isoDay(options.exportedAt)} from Crisscross ${escapeHtml(options.appVersion)}: ${count(pages.length, 'page')}, ${count(bundle.highlights.length, 'highlight')}, ${count(bundle.collections.length, 'collection')}.</p>`,
    pages.length
      ? `<nav>\n<h2>Contents</h2>\n<ol>\n${pages.map(({ clip }) => `<li><a href="#${anchor('clip', clip.id)}">${escapeHtml(clip.title || clip.url)}</a></li>`).join('\n')}\n</ol>\n</nav>`
      : '',
    collections.length
      ? `<section class="collections">\n<h2>Collections</h2>\n${collections.map((c) => collectionHtml(c, titles)).join('\n')}\n</section>`
      : '',
    ...pages.map(clipHtml),
  ].filter(Boolean);
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { fileName: `crisscross-library-${isoDay(options.exportedAt)}.html`, mimeType: 'text/html', data: html };
}
