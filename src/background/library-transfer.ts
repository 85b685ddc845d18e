// Export and import of the whole library: files built by the pure formats in core/export, imports
// planned against what is stored and written in one transaction (all or nothing).
import {
  exportCrisscrossJson,
  exportHighlightsCsv,
  exportHtml,
  exportMarkdownZip,
  exportNetscapeBookmarks,
  exportWebAnnotations,
  parseCrisscrossJson,
  parseNetscapeBookmarks,
  parseWebAnnotations,
  planImport,
  scopedFileName,
  selectBundle,
  type ExportBundle,
  type ExportFile,
  type ImportResult,
} from '../core/export';
import type { LinkRecord } from '../core/export/import-links';
import type { ExportedFile, ExportFormat, ExportScope } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import { asStorageError } from '../storage/clip-store';
import type { CrisscrossDb } from '../storage/db';
import type { LibraryChanges } from './library-changes';

const FORMATS: Record<ExportFormat, (bundle: ExportBundle, meta: { exportedAt: number; appVersion: string }) => ExportFile> = {
  json: exportCrisscrossJson,
  markdown: exportMarkdownZip,
  html: exportHtml,
  annotations: exportWebAnnotations,
  csv: exportHighlightsCsv,
  bookmarks: exportNetscapeBookmarks,
};

async function readBundle(db: CrisscrossDb): Promise<ExportBundle> {
  return db.transaction('r', db.clips, db.highlights, db.collections, db.links, async () => ({
    clips: await db.clips.toArray(),
    highlights: await db.highlights.toArray(),
    collections: await db.collections.toArray(),
    // Confirmed connections travel with the library; dismissals are a private view setting.
    links: await db.links.where('status').equals('confirmed').toArray(),
  }));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...all) would overflow the argument stack on a big zip.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The name a part's export carries in its file name. */
async function scopeLabel(db: CrisscrossDb, scope: ExportScope): Promise<string> {
  if (scope.kind === 'all') return '';
  if (scope.kind === 'tag') return `tag ${scope.tag}`;
  if (scope.kind === 'items') return scope.label;
  const collection = await db.collections.get(scope.id);
  if (!collection) throw new RequestError('That collection no longer exists.', 'not-found');
  return collection.name;
}

export async function exportLibrary(
  db: CrisscrossDb,
  format: ExportFormat,
  appVersion: string,
  scope: ExportScope = { kind: 'all' },
): Promise<ExportedFile> {
  const label = await scopeLabel(db, scope);
  const built = FORMATS[format](selectBundle(await readBundle(db), scope), { exportedAt: Date.now(), appVersion });
  const file = { ...built, fileName: scopedFileName(built.fileName, label) };
  return typeof file.data === 'string'
    ? { fileName: file.fileName, mimeType: file.mimeType, text: file.data, base64: null }
    : { fileName: file.fileName, mimeType: file.mimeType, text: null, base64: toBase64(file.data) };
}

/** Chooses the parser from the file's content, so a renamed file still imports. */
function parseFile(text: string): ImportResult {
  const start = text.trimStart().slice(0, 200).toLowerCase();
  if (start.includes('netscape-bookmark-file')) return parseNetscapeBookmarks(text);
  if (start.startsWith('{') || start.startsWith('[')) {
    // Web Annotation files name their JSON-LD context; everything else must be our own format.
    return /"@context"|"type"\s*:\s*"(annotation|annotationcollection)"/i.test(text.slice(0, 5_000))
      ? parseWebAnnotations(text)
      : parseCrisscrossJson(text);
  }
  return parseCrisscrossJson(text);
}

export async function importLibrary(db: CrisscrossDb, changes: LibraryChanges, fileName: string, text: string) {
  const parsed = parseFile(text);
  if (!parsed.ok)
    throw new RequestError(`${fileName} was not imported, and nothing was changed. ${parsed.error.message}`, 'invalid-request');
  try {
    const plan = await db.transaction('rw', db.clips, db.highlights, db.collections, db.links, async () => {
      // Dismissed pairs count as present too: an import never turns a dismissal into a connection.
      const planned = planImport({ ...(await readBundle(db)), links: await db.links.toArray() }, parsed.value.bundle);
      // Stored HTML from a file is untrusted: every page that shows it sanitizes it first (the reader does).
      await db.clips.bulkPut([...planned.toAdd.clips, ...planned.toMerge.clips]);
      await db.highlights.bulkPut([...planned.toAdd.highlights, ...planned.toMerge.highlights]);
      await db.collections.bulkPut([...planned.toAdd.collections, ...planned.toMerge.collections]);
      await db.links.bulkPut((planned.toAdd.links ?? []) as LinkRecord[]);
      return planned;
    });
    const clips = new Map([...plan.toAdd.clips, ...plan.toMerge.clips].map((clip) => [clip.id, clip]));
    for (const clip of clips.values()) changes.clipSaved(clip);
    for (const highlight of [...plan.toAdd.highlights, ...plan.toMerge.highlights]) {
      changes.highlightSaved(highlight, clips.get(highlight.clipId) ?? (await db.clips.get(highlight.clipId)));
    }
    await changes.collectionsChanged([...plan.toAdd.collections, ...plan.toMerge.collections].flatMap((collection) => collection.items));
    const count = (bundle: ExportBundle) =>
      bundle.clips.length + bundle.highlights.length + bundle.collections.length + (bundle.links?.length ?? 0);
    return {
      summary: plan.report.summary,
      added: count(plan.toAdd),
      merged: count(plan.toMerge),
      skipped: plan.skipped.length,
      warnings: parsed.value.warnings,
    };
  } catch (error) {
    throw asStorageError(error);
  }
}
