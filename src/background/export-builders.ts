// Builds each export format from a snapshot, reading the library in batches and handing the file
// over in parts as it grows, so no export needs the whole library, or the whole file, at once.
//
// What each format holds in memory besides the snapshot (ids and stamps, the collections, the links):
// - Crisscross JSON: one batch of items and its text; the file is written as it is read.
// - Markdown zip: one batch of pages and their compressed notes (fflate's streaming Zip).
// - HTML, CSV, W3C Web Annotations, bookmarks: these order or cross-reference the whole selection
//   (a contents list, rows sorted by date, folders per collection), so they gather the selected
//   items and build the file from them. CSV, annotations and bookmarks leave out article text and
//   HTML while gathering (they never print it); only the HTML export keeps clips whole.
import { strToU8, Zip, ZipDeflate } from 'fflate';
import {
  exportHighlightsCsv,
  exportHtml,
  exportNetscapeBookmarks,
  exportWebAnnotations,
  type ExportBundle,
  type ExportFile,
  type ExportMeta,
} from '../core/export';
import {
  clipJson,
  collectionJson,
  crisscrossDocument,
  crisscrossFileName,
  highlightJson,
  sortedLinks,
} from '../core/export/crisscross-json';
import { FileNamer } from '../core/export/file-names';
import { StreamedJson, streamedArray } from '../core/export/json-stream';
import { compareIds, isoDay, pagesOf, sortById } from '../core/export/library-data';
import { clipMarkdown, hostnameOf, zipTime } from '../core/export/markdown-format';
import type { Clip } from '../core/page-capture';
import type { ExportFormat } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';
import { batches, readClips, readHighlights, type HighlightStamp, type LibrarySnapshot } from './export-snapshot';

/** A piece of the file: text (written as UTF-8) or bytes. */
export type ExportPart = string | Uint8Array;

/** Where a builder puts the file and says how far it got. */
export interface ExportSink {
  /** Takes the next part; resolves when the builder may go on (after yielding, and once there is room). */
  write(part: ExportPart): Promise<void>;
  /** Counts items read into the file, and lets other requests run before the next batch. */
  advance(items: number): Promise<void>;
}

export interface BuildInput {
  db: CrisscrossDb;
  snapshot: LibrarySnapshot;
  meta: ExportMeta;
  sink: ExportSink;
  /** Items read per transaction; small enough that other requests wait only milliseconds. */
  batchSize: number;
}

/** The name and type of the file a builder wrote (before the scope's label goes into the name). */
export type BuiltFile = Omit<ExportFile, 'data'>;

async function buildJson({ db, snapshot, meta, sink, batchSize }: BuildInput): Promise<BuiltFile> {
  const json = new StreamedJson(
    crisscrossDocument(meta, {
      clips: streamedArray('clips'),
      highlights: streamedArray('highlights'),
      collections: streamedArray('collections'),
      ...(snapshot.links ? { links: streamedArray('links') } : {}),
    }),
  );
  await sink.write(json.start());
  for (const batch of batches(snapshot.clips, batchSize)) {
    await sink.write(json.items((await readClips(db, batch)).map(clipJson)));
    await sink.advance(batch.length);
  }
  await sink.write(json.close());
  for (const batch of batches(snapshot.highlights, batchSize)) {
    await sink.write(json.items((await readHighlights(db, batch)).map(highlightJson)));
    await sink.advance(batch.length);
  }
  await sink.write(json.close());
  await sink.write(json.items(sortById(snapshot.collections).map(collectionJson)));
  await sink.write(json.close());
  if (snapshot.links) {
    await sink.write(json.items(sortedLinks(snapshot.links)));
    await sink.write(json.close());
  }
  await sink.write('\n');
  return { fileName: crisscrossFileName(meta), mimeType: 'application/json' };
}

/** The pages of the Markdown export in the order pagesOf gives them: newest saved first, then by id. */
function markdownPages(snapshot: LibrarySnapshot): { clipId: string; savedAt: number; highlights: HighlightStamp[] }[] {
  const byClip = new Map<string, HighlightStamp[]>();
  for (const highlight of snapshot.highlights) {
    const list = byClip.get(highlight.clipId);
    if (list) list.push(highlight);
    else byClip.set(highlight.clipId, [highlight]);
  }
  const pages = snapshot.clips.map((clip) => ({ clipId: clip.id, savedAt: clip.savedAt, highlights: byClip.get(clip.id) ?? [] }));
  const clipIds = new Set(snapshot.clips.map((clip) => clip.id));
  // Highlights whose clip is not exported get a page of their own, dated by the first of them (as pagesOf does).
  for (const [clipId, highlights] of byClip) {
    if (!clipIds.has(clipId)) pages.push({ clipId, savedAt: highlights[0]!.createdAt, highlights });
  }
  return pages.sort((a, b) => b.savedAt - a.savedAt || compareIds(a.clipId, b.clipId));
}

async function buildMarkdown({ db, snapshot, meta, sink, batchSize }: BuildInput): Promise<BuiltFile> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else out.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    for (const chunk of out.splice(0)) await sink.write(chunk);
  };
  const namer = new FileNamer();
  const clipIds = new Set(snapshot.clips.map((clip) => clip.id));
  const pages = markdownPages(snapshot);
  const stamps = new Map(snapshot.clips.map((clip) => [clip.id, clip]));
  for (const batch of batches(pages, batchSize)) {
    const clips = await readClips(
      db,
      batch.filter((page) => clipIds.has(page.clipId)).map((page) => stamps.get(page.clipId)!),
    );
    const highlightStamps = batch.flatMap((page) => page.highlights);
    const highlights = await readHighlights(db, highlightStamps);
    // pagesOf on one batch gives that batch's pages in the same order as on the whole bundle.
    for (const page of pagesOf({ clips, highlights, collections: snapshot.collections })) {
      const entry = new ZipDeflate(namer.nameFor(page.clip.title, '.md', hostnameOf(page.clip.url)), { level: 6 });
      entry.mtime = zipTime(page.clip.updatedAt);
      zip.add(entry);
      entry.push(strToU8(clipMarkdown(page)), true);
    }
    await sink.advance(clips.length + highlights.length);
    await flush();
  }
  zip.end();
  await flush();
  return { fileName: `crisscross-markdown-${isoDay(meta.exportedAt)}.zip`, mimeType: 'application/zip' };
}

/** Without article text and HTML: for the formats that never print them. */
const withoutText = (clip: Clip): Clip => ({ ...clip, text: '', html: '' });

/** The formats built from the gathered selection (see the top of this file for why). */
const WHOLE: Record<
  Exclude<ExportFormat, 'json' | 'markdown'>,
  { build: (bundle: ExportBundle, meta: ExportMeta) => ExportFile; text: boolean }
> = {
  html: { build: exportHtml, text: true },
  annotations: { build: exportWebAnnotations, text: false },
  csv: { build: exportHighlightsCsv, text: false },
  bookmarks: { build: exportNetscapeBookmarks, text: false },
};

async function buildWhole(format: keyof typeof WHOLE, { db, snapshot, meta, sink, batchSize }: BuildInput): Promise<BuiltFile> {
  const { build, text } = WHOLE[format];
  const bundle: ExportBundle = { clips: [], highlights: [], collections: snapshot.collections };
  if (snapshot.links) bundle.links = snapshot.links;
  for (const batch of batches(snapshot.clips, batchSize)) {
    const clips = await readClips(db, batch);
    bundle.clips.push(...(text ? clips : clips.map(withoutText)));
    await sink.advance(batch.length);
  }
  for (const batch of batches(snapshot.highlights, batchSize)) {
    bundle.highlights.push(...(await readHighlights(db, batch)));
    await sink.advance(batch.length);
  }
  const { data, ...file } = build(bundle, meta);
  await sink.write(data);
  return file;
}

/** Builds `format` from the snapshot into the sink; throws LibraryChangedError if the library changed meanwhile. */
export function buildExport(format: ExportFormat, input: BuildInput): Promise<BuiltFile> {
  if (format === 'json') return buildJson(input);
  if (format === 'markdown') return buildMarkdown(input);
  return buildWhole(format, input);
}
