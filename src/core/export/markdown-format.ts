// Writes the Markdown export: a zip with one note per clip (front matter, article text, highlights), for Obsidian, Logseq and any editor.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Highlight } from '../highlight';
import { FileNamer } from './file-names';
import { isoDay, isoTime, pagesOf, type ExportBundle, type ExportFile, type ExportMeta, type PageWithHighlights } from './library-data';
import { markdownBlockquote, markdownParagraphs, markdownTag } from './markdown-text';
import { frontMatter, yamlField, yamlList, yamlString } from './yaml';

// ISO dates and times are written plain so note apps see dates, not strings; anything else is quoted.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function yamlDate(key: string, value: string | null): string[] {
  if (!value) return [];
  return [`${key}: ${ISO_DATE.test(value) ? value : yamlString(value)}`];
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map(markdownTag).filter(Boolean))];
}

function highlightMarkdown(highlight: Highlight): string {
  const parts = [markdownBlockquote(highlight.text)];
  const note = markdownParagraphs(highlight.note);
  if (note) parts.push(`**Note:** ${note}`);
  const tags = uniqueTags(highlight.tags);
  if (tags.length) parts.push(`**Tags:** ${tags.map((tag) => `#${tag}`).join(' ')}`);
  return parts.join('\n\n');
}

/** One clip as a Markdown note: YAML front matter, the article text, then its highlights. */
export function clipMarkdown(page: PageWithHighlights): string {
  const { clip, highlights, collections } = page;
  const header = frontMatter([
    ...yamlField('title', clip.title),
    ...yamlField('url', clip.url),
    ...yamlField('author', clip.author),
    ...yamlField('site', clip.siteName),
    ...yamlDate('published', clip.publishedAt),
    ...yamlDate('saved', isoTime(clip.savedAt)),
    ...yamlDate('updated', isoTime(clip.updatedAt)),
    ...yamlList('tags', uniqueTags(clip.tags)),
    ...yamlList('collections', collections),
  ]);
  const sections: string[] = [];
  const text = markdownParagraphs(clip.text);
  if (text) sections.push(text);
  if (clip.truncated) {
    sections.push(`*Only the first ${clip.truncated.keptChars} of ${clip.truncated.totalChars} characters of this page were saved.*`);
  }
  if (highlights.length) sections.push(`## Highlights\n\n${highlights.map(highlightMarkdown).join('\n\n---\n\n')}`);
  return `${header}\n${sections.join('\n\n')}\n`;
}

// A zip stores dates as DOS time fields, which cannot hold dates before 1980 or after 2107.
export function zipTime(ms: number): number {
  return Math.min(Math.max(ms, Date.UTC(1980, 0, 2)), Date.UTC(2099, 11, 31));
}

/**
 * The bundle as a zip of Markdown notes, one per clip (highlights whose clip is missing get a note
 * of their own page). File names come from titles, made safe and unique. Each entry is dated with
 * its clip's last update, so the same bundle always gives the same zip.
 */
export function exportMarkdownZip(bundle: ExportBundle, meta: ExportMeta): ExportFile {
  const namer = new FileNamer();
  const files: Zippable = {};
  for (const page of pagesOf(bundle)) {
    const name = namer.nameFor(page.clip.title, '.md', hostnameOf(page.clip.url));
    files[name] = [strToU8(clipMarkdown(page)), { mtime: zipTime(page.clip.updatedAt) }];
  }
  return {
    fileName: `crisscross-markdown-${isoDay(meta.exportedAt)}.zip`,
    mimeType: 'application/zip',
    data: zipSync(files, { level: 6 }),
  };
}

export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname || 'Untitled';
  } catch {
    return 'Untitled';
  }
}
