// Writes the lossless, versioned Crisscross JSON export with a fixed key and item order.
import type { Collection } from '../collection';
import type { Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import { compareIds, isoDay, isoTime, sortById, type ExportBundle, type ExportFile, type ExportMeta } from './library-data';

/** The value of `format` in every Crisscross export. */
export const CRISSCROSS_FORMAT = 'crisscross';
/** The format version this code writes and reads; raise it (and add a migration) when the shape changes. */
export const CRISSCROSS_FORMAT_VERSION = 1;

// Each writer below lists every field of its type by name, in a fixed order. The mapped return
// types make adding a field to Clip, Highlight or Collection without exporting it a compile error,
// which is what keeps this format lossless as the data model grows.
type AllFields<T> = { [K in keyof Required<T>]: unknown };

export function clipJson(clip: Clip): AllFields<Clip> {
  return {
    id: clip.id,
    url: clip.url,
    canonicalUrl: clip.canonicalUrl,
    aliases: clip.aliases,
    title: clip.title,
    author: clip.author,
    siteName: clip.siteName,
    publishedAt: clip.publishedAt,
    language: clip.language,
    excerpt: clip.excerpt,
    tags: clip.tags,
    source: clip.source,
    wordCount: clip.wordCount,
    truncated: clip.truncated && { keptChars: clip.truncated.keptChars, totalChars: clip.truncated.totalChars },
    savedAt: clip.savedAt,
    updatedAt: clip.updatedAt,
    // The long fields last, so the metadata of each clip reads together at the top.
    text: clip.text,
    html: clip.html,
  };
}

export function highlightJson(highlight: Highlight): AllFields<Highlight> {
  const { quote, position, range } = highlight.selectors;
  return {
    id: highlight.id,
    clipId: highlight.clipId,
    pageUrl: highlight.pageUrl,
    pageTitle: highlight.pageTitle,
    text: highlight.text,
    note: highlight.note,
    color: highlight.color,
    tags: highlight.tags,
    selectors: {
      quote: { type: quote.type, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: position.type, start: position.start, end: position.end },
      range: {
        type: range.type,
        startSelector: { type: range.startSelector.type, value: range.startSelector.value },
        startOffset: range.startOffset,
        endSelector: { type: range.endSelector.type, value: range.endSelector.value },
        endOffset: range.endOffset,
      },
    },
    createdAt: highlight.createdAt,
    updatedAt: highlight.updatedAt,
  };
}

export function collectionJson(collection: Collection): AllFields<Collection> {
  return {
    id: collection.id,
    name: collection.name,
    description: collection.description,
    // The user's order is the data here, so items are never sorted.
    items: collection.items.map((item) => ({ type: item.type, id: item.id })),
    createdAt: collection.createdAt,
    updatedAt: collection.updatedAt,
  };
}

/** A copy of an opaque JSON value with object keys sorted, so its serialization does not depend on insertion order. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => compareIds(a, b));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

/** Links sorted by their `id` when they have one, then by their canonical text: a stable order without knowing their shape. */
export function sortedLinks(links: readonly unknown[]): unknown[] {
  const keyed = links.map((link) => {
    const value = canonical(link);
    const id = value !== null && typeof value === 'object' && 'id' in value && typeof value.id === 'string' ? value.id : '';
    return { id, text: JSON.stringify(value) ?? 'null', value };
  });
  keyed.sort((a, b) => compareIds(a.id, b.id) || compareIds(a.text, b.text));
  return keyed.map((entry) => entry.value);
}

/** The sections of an export in the order they are written; `links` is absent when the bundle has none. */
export interface CrisscrossSections {
  clips: unknown[];
  highlights: unknown[];
  collections: unknown[];
  links?: unknown[];
}

/**
 * The document every Crisscross JSON export is: the header, then the sections. Both the whole-bundle
 * writer below and the streamed writer (with placeholders for the sections) print this one shape.
 */
export function crisscrossDocument(meta: ExportMeta, sections: CrisscrossSections): Record<string, unknown> {
  const output: Record<string, unknown> = {
    format: CRISSCROSS_FORMAT,
    version: CRISSCROSS_FORMAT_VERSION,
    exportedAt: isoTime(meta.exportedAt),
    app: { name: 'Crisscross', version: meta.appVersion },
    clips: sections.clips,
    highlights: sections.highlights,
    collections: sections.collections,
  };
  // Absent and empty are kept apart so an import gives back exactly what was exported.
  if (sections.links) output.links = sections.links;
  return output;
}

/** The suggested name of a Crisscross JSON export. */
export function crisscrossFileName(meta: ExportMeta): string {
  return `crisscross-export-${isoDay(meta.exportedAt)}.json`;
}

/**
 * The whole bundle as Crisscross JSON: `{format, version, exportedAt, app, clips, highlights,
 * collections, links?}`, items sorted by id and keys in a fixed order, so exporting what an import
 * of this file returns gives the same bytes. The shape is described by `export-format.schema.json`.
 */
export function exportCrisscrossJson(bundle: ExportBundle, meta: ExportMeta): ExportFile {
  const output = crisscrossDocument(meta, {
    clips: sortById(bundle.clips).map(clipJson),
    highlights: sortById(bundle.highlights).map(highlightJson),
    collections: sortById(bundle.collections).map(collectionJson),
    ...(bundle.links ? { links: sortedLinks(bundle.links) } : {}),
  });
  return { fileName: crisscrossFileName(meta), mimeType: 'application/json', data: `${JSON.stringify(output, null, 2)}\n` };
}
