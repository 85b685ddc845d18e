// Export and import of the whole library: files built by the pure formats in core/export, imports
// planned against what is stored and written in one transaction (all or nothing).
import {
  parseCrisscrossJson,
  parseNetscapeBookmarks,
  parseWebAnnotations,
  planImport,
  scopedFileName,
  type ExportBundle,
  type ImportResult,
} from '../core/export';
import { toBase64 } from '../core/base64';
import type { LinkRecord } from '../core/export/import-links';
import type { ExportedFile, ExportFormat, ExportScope } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import { asStorageError } from '../storage/clip-store';
import type { CrisscrossDb } from '../storage/db';
import { buildExport, type BuiltFile, type ExportPart, type ExportSink } from './export-builders';
import { LibraryChangedError, takeSnapshot } from './export-snapshot';
import type { LibraryChanges } from './library-changes';

/** Items read per transaction while exporting. */
export const EXPORT_BATCH = 200;
/** Fresh starts an export makes when the library keeps changing under it, before it gives up. */
export const EXPORT_ATTEMPTS = 3;

/** Everything an import is planned against. */
async function readBundle(db: CrisscrossDb): Promise<ExportBundle> {
  return db.transaction('r', db.clips, db.highlights, db.collections, db.links, async () => ({
    clips: await db.clips.toArray(),
    highlights: await db.highlights.toArray(),
    collections: await db.collections.toArray(),
    // Dismissed pairs count as present too: an import never turns a dismissal into a connection.
    links: await db.links.toArray(),
  }));
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

export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  appVersion: string;
}

/** What an export run reports besides the parts it writes. */
export interface ExportHooks {
  sink: ExportSink;
  /** The snapshot is taken: `total` items will be read. */
  onSnapshot(total: number): void;
  /** The library changed under the export: everything written so far is void, and it starts again. */
  onRestart(): void;
  /** Items per batch (tests make it small). */
  batchSize?: number;
}

/** Builds one export into `hooks.sink`, from a fresh snapshot each attempt (see export-snapshot.ts). */
export async function runExport(db: CrisscrossDb, request: ExportRequest, hooks: ExportHooks): Promise<BuiltFile> {
  const label = await scopeLabel(db, request.scope);
  for (let attempt = 1; ; attempt++) {
    const snapshot = await takeSnapshot(db, request.scope);
    hooks.onSnapshot(snapshot.clips.length + snapshot.highlights.length);
    try {
      const meta = { exportedAt: Date.now(), appVersion: request.appVersion };
      const built = await buildExport(request.format, { db, snapshot, meta, sink: hooks.sink, batchSize: hooks.batchSize ?? EXPORT_BATCH });
      return { ...built, fileName: scopedFileName(built.fileName, label) };
    } catch (error) {
      if (!(error instanceof LibraryChangedError)) throw error;
      if (attempt >= EXPORT_ATTEMPTS) {
        throw new RequestError(
          `Your library changed ${EXPORT_ATTEMPTS} times while it was being exported, so no file was made (it would have mixed old and new). Try again when nothing is being saved.`,
          'internal',
        );
      }
      hooks.onRestart();
    }
  }
}

/** A whole export in one value, for backups and tests: the parts joined (text) or concatenated (zip). */
export async function exportLibrary(
  db: CrisscrossDb,
  format: ExportFormat,
  appVersion: string,
  scope: ExportScope = { kind: 'all' },
): Promise<ExportedFile> {
  let parts: ExportPart[] = [];
  const file = await runExport(
    db,
    { format, scope, appVersion },
    {
      sink: { write: async (part) => void parts.push(part), advance: async () => undefined },
      onSnapshot: () => undefined,
      onRestart: () => (parts = []),
    },
  );
  if (format !== 'markdown') return { ...file, text: (parts as string[]).join(''), base64: null };
  const bytes = new Uint8Array(await new Blob(parts as Uint8Array<ArrayBuffer>[]).arrayBuffer());
  return { ...file, text: null, base64: toBase64(bytes) };
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

export type ImportPhase = 'checking' | 'writing';

export async function importLibrary(
  db: CrisscrossDb,
  changes: LibraryChanges,
  fileName: string,
  text: string,
  onPhase: (phase: ImportPhase) => void = () => undefined,
) {
  onPhase('checking');
  const parsed = parseFile(text);
  if (!parsed.ok)
    throw new RequestError(`${fileName} was not imported, and nothing was changed. ${parsed.error.message}`, 'invalid-request');
  try {
    const plan = await db.transaction('rw', db.clips, db.highlights, db.collections, db.links, async () => {
      const planned = planImport(await readBundle(db), parsed.value.bundle);
      onPhase('writing');
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
