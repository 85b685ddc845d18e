// Writes clips as a Netscape bookmark file, the HTML format every browser and bookmark service imports.
import type { Clip } from '../page-capture';
import { escapeHtml } from './html-escape';
import { compareIds, isoDay, isOpenableUrl, itemKey, type ExportBundle, type ExportFile, type ExportMeta } from './library-data';

const seconds = (ms: number) => Math.floor(ms / 1000);

/** Tags as the TAGS attribute lists them (Firefox's convention): comma-separated, so a comma inside a tag becomes a space. */
function tagsAttribute(tags: readonly string[]): string {
  const cleaned = tags.map((tag) => tag.replace(/,/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return cleaned.length ? ` TAGS="${escapeHtml(cleaned.join(','))}"` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bookmark(clip: Clip, indent: string): string[] {
  const lines = [
    `${indent}<DT><A HREF="${escapeHtml(clip.url)}" ADD_DATE="${seconds(clip.savedAt)}" LAST_MODIFIED="${seconds(clip.updatedAt)}"${tagsAttribute(clip.tags)}>${escapeHtml(oneLine(clip.title) || clip.url)}</A>`,
  ];
  // Browsers import <DD> after a bookmark as its description.
  if (clip.excerpt.trim()) lines.push(`${indent}<DD>${escapeHtml(oneLine(clip.excerpt))}`);
  return lines;
}

/**
 * The clips as a bookmark file (`<!DOCTYPE NETSCAPE-Bookmark-file-1>`): one folder per collection
 * holding its clips in the collection's order, then every clip in no collection, newest first.
 * Dates are in seconds as the format expects; titles and addresses are escaped. Clips whose address
 * a browser would refuse to open from a bookmark (not http, https or file) are left out. Highlights
 * have no place in this format; the other exports carry them.
 */
export function exportNetscapeBookmarks(bundle: ExportBundle, meta: ExportMeta): ExportFile {
  const clips = new Map(bundle.clips.filter((clip) => isOpenableUrl(clip.url)).map((clip) => [clip.id, clip]));
  const inCollection = new Set<string>();
  const lines = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    '<TITLE>Bookmarks</TITLE>',
    '<H1>Bookmarks</H1>',
    '<DL><p>',
  ];
  const collections = [...bundle.collections].sort((a, b) => compareIds(a.name, b.name) || compareIds(a.id, b.id));
  for (const collection of collections) {
    const members = collection.items.filter((ref) => ref.type === 'clip').flatMap((ref) => clips.get(ref.id) ?? []);
    lines.push(
      `    <DT><H3 ADD_DATE="${seconds(collection.createdAt)}" LAST_MODIFIED="${seconds(collection.updatedAt)}">${escapeHtml(oneLine(collection.name))}</H3>`,
    );
    if (collection.description.trim()) lines.push(`    <DD>${escapeHtml(oneLine(collection.description))}`);
    lines.push('    <DL><p>');
    for (const clip of members) {
      inCollection.add(itemKey({ type: 'clip', id: clip.id }));
      lines.push(...bookmark(clip, '        '));
    }
    lines.push('    </DL><p>');
  }
  const loose = [...clips.values()]
    .filter((clip) => !inCollection.has(itemKey({ type: 'clip', id: clip.id })))
    .sort((a, b) => b.savedAt - a.savedAt || compareIds(a.id, b.id));
  for (const clip of loose) lines.push(...bookmark(clip, '    '));
  lines.push('</DL><p>', '');
  return { fileName: `crisscross-bookmarks-${isoDay(meta.exportedAt)}.html`, mimeType: 'text/html', data: lines.join('\n') };
}
