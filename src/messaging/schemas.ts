// Validation of everything that crosses a message boundary: types, and sizes a hostile page cannot exceed.
import * as z from 'zod';
import {
  MAX_ALIASES,
  MAX_EXCERPT_CHARS,
  MAX_HTML_CHARS,
  MAX_META_CHARS,
  MAX_TAGS,
  MAX_TEXT_CHARS,
  MAX_TITLE_CHARS,
} from '../core/extract/limits';
import { MAX_CHUNK_CHARS } from '../core/export/transfer-chunks';
import { selectorsSchema } from '../core/anchoring/selectors-schema';
import { HIGHLIGHT_COLORS, MAX_NOTE_CHARS } from '../core/highlight';
import { MAX_TAG_CHARS, MAX_TAGS_PER_ITEM } from '../core/tags/normalize';
import type { PageCapture } from '../core/page-capture';
import type { BackgroundRequests, SearchHostRequests, SenderKind } from './protocol';
import { BACKUP_FREQUENCIES, MAX_KEEP, MIN_KEEP } from '../core/backup/backup-plan';

const tabId = z.number().int().nonnegative();
const url = z
  .string()
  .max(8_192)
  .regex(/^(https?|file):/);

const color = z.enum(HIGHLIGHT_COLORS);
const note = z.string().max(MAX_NOTE_CHARS);
const id = z.string().min(1).max(100);
const tag = z.string().trim().min(1).max(MAX_TAG_CHARS);
const itemRef = z.strictObject({ type: z.enum(['clip', 'highlight']), id });
const itemRefs = z.array(itemRef).max(100_000);
const searchFilters = z.strictObject({
  tags: z.array(tag).max(20).optional(),
  sites: z.array(z.string().max(300)).max(20).optional(),
  types: z
    .array(z.enum(['clip', 'highlight']))
    .max(2)
    .optional(),
  collections: z.array(z.string().max(200)).max(20).optional(),
  after: z.number().finite().optional(),
  before: z.number().finite().optional(),
});
const libraryListQuery = {
  type: z.enum(['clip', 'highlight']),
  sort: z.enum(['saved', 'published', 'title', 'site']),
  hasNotes: z.boolean(),
  orphaned: z.boolean().optional(),
  filters: searchFilters.optional(),
};
const collectionName = z.string().max(500);
const collectionDescription = z.string().max(2_000);
/** The largest piece of a search snapshot one message carries, in bytes of UTF-8. */
export const MAX_SNAPSHOT_PART_BYTES = 2_000_000;

/** Payload schemas for every background request; a missing entry is a compile error. */
export const requestSchemas: { [K in keyof BackgroundRequests]: z.ZodType<BackgroundRequests[K]['request']> } = {
  getPageState: z.strictObject({ tabId }),
  clipTab: z.strictObject({ tabId }),
  listRecentClips: z.strictObject({ limit: z.number().int().min(1).max(200) }),
  warmUp: z.strictObject({}),
  saveHighlight: z.strictObject({ draft: z.strictObject({ selectors: selectorsSchema, note, color }) }),
  listPageHighlights: z.strictObject({}),
  updateHighlight: z.strictObject({
    id,
    changes: z.strictObject({
      note: note.optional(),
      color: color.optional(),
      tags: z.array(tag).max(MAX_TAGS_PER_ITEM).optional(),
      selectors: selectorsSchema.optional(),
    }),
  }),
  deleteHighlight: z.strictObject({ id }),
  getTabHighlights: z.strictObject({ tabId }),
  reattachHighlight: z.strictObject({ tabId, id }),
  search: z.strictObject({
    query: z.string().max(1_000),
    mode: z.enum(['quick', 'full']),
    filters: searchFilters,
    limit: z.number().int().min(1).max(100),
  }),
  listFilterOptions: z.strictObject({}),
  listLibrary: z.strictObject({
    ...libraryListQuery,
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(500),
    // A row's sort key (a title is the longest) and id.
    after: z.tuple([z.union([z.string().max(MAX_TITLE_CHARS), z.number().finite()]), z.string().max(1_000)]).optional(),
  }),
  listLibraryRefs: z.strictObject({
    ...libraryListQuery,
    offset: z.number().int().nonnegative().optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  }),
  getClip: z.strictObject({ id }),
  startExport: z.strictObject({
    format: z.enum(['json', 'markdown', 'html', 'annotations', 'csv', 'bookmarks']),
    scope: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('all') }),
        z.strictObject({ kind: z.literal('collection'), id }),
        z.strictObject({ kind: z.literal('tag'), tag }),
        z.strictObject({ kind: z.literal('items'), items: itemRefs, label: z.string().max(200) }),
      ])
      .optional(),
  }),
  nextExportPart: z.strictObject({ jobId: id }),
  cancelExport: z.strictObject({ jobId: id }),
  // The file's own size limit is checked by the import jobs and the parsers, which say so in words.
  startImport: z.strictObject({ fileName: z.string().max(500), size: z.number().int().nonnegative() }),
  sendImportPart: z.strictObject({ jobId: id, index: z.number().int().nonnegative(), text: z.string().max(MAX_CHUNK_CHARS) }),
  finishImport: z.strictObject({ jobId: id }),
  getImportPhase: z.strictObject({ jobId: id }),
  cancelImport: z.strictObject({ jobId: id }),
  getTabConnections: z.strictObject({ tabId }),
  setConnectionFeedback: z.strictObject({
    source: z
      .string()
      .regex(/^[ch]:/)
      .max(120),
    target: z
      .string()
      .regex(/^[ch]:/)
      .max(120),
    status: z.enum(['confirmed', 'dismissed']),
    note,
    terms: z.array(z.string().max(100)).max(20),
  }),
  getLibraryConnections: z.strictObject({}),
  getLibraryConnectionsProgress: z.strictObject({}),
  getTopicBridges: z.strictObject({ a: z.string().min(1).max(200), b: z.string().min(1).max(200) }),
  listTags: z.strictObject({}),
  renameTag: z.strictObject({ from: tag, to: tag }),
  listCollections: z.strictObject({}),
  getCollection: z.strictObject({ id }),
  listItemCollections: z.strictObject({ item: itemRef }),
  createCollection: z.strictObject({ name: collectionName, description: collectionDescription, items: itemRefs }),
  updateCollection: z.strictObject({ id, name: collectionName, description: collectionDescription }),
  deleteCollection: z.strictObject({ id }),
  addToCollection: z.strictObject({ id, items: itemRefs }),
  removeFromCollection: z.strictObject({ id, items: itemRefs }),
  moveInCollection: z.strictObject({ id, item: itemRef, to: z.number().int().nonnegative() }),
  setTags: z.strictObject({ item: itemRef, tags: z.array(z.string().max(200)).max(100) }),
  bulkAddTag: z.strictObject({ items: itemRefs, tag: z.string().max(200) }),
  bulkDelete: z.strictObject({ items: itemRefs }),
  undo: z.strictObject({ undoId: id }),
  getBackupStatus: z.strictObject({}),
  setBackupSettings: z.strictObject({ frequency: z.enum(BACKUP_FREQUENCIES), keep: z.number().int().min(MIN_KEEP).max(MAX_KEEP) }),
  runBackup: z.strictObject({}),
  saveSearchSnapshotPart: z.strictObject({
    transfer: id,
    seq: z.number().int().nonnegative(),
    version: z.number().int(),
    watermark: z.number().finite(),
    tier: z.enum(['quick', 'full']),
    // Parts are cut to a few megabytes; the bound keeps one message well under the browser's limit.
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SNAPSHOT_PART_BYTES, 'snapshot part is too large'),
    last: z.boolean(),
  }),
  clearSearchSnapshot: z.strictObject({}),
};

/** Who may send each request. Content scripts run inside web pages, so they only reach their own page's data. */
export const requestSenders: { [K in keyof BackgroundRequests]: readonly SenderKind[] } = {
  getPageState: ['extension-page'],
  clipTab: ['extension-page'],
  listRecentClips: ['extension-page'],
  warmUp: ['extension-page'],
  // Content scripts act only on their own page's highlights: the handlers check the sender's address.
  saveHighlight: ['content-script'],
  listPageHighlights: ['content-script'],
  updateHighlight: ['content-script', 'extension-page'],
  deleteHighlight: ['content-script', 'extension-page'],
  getTabHighlights: ['extension-page'],
  reattachHighlight: ['extension-page'],
  search: ['extension-page'],
  listFilterOptions: ['extension-page'],
  listLibrary: ['extension-page'],
  listLibraryRefs: ['extension-page'],
  getClip: ['extension-page'],
  startExport: ['extension-page'],
  nextExportPart: ['extension-page'],
  cancelExport: ['extension-page'],
  startImport: ['extension-page'],
  sendImportPart: ['extension-page'],
  finishImport: ['extension-page'],
  getImportPhase: ['extension-page'],
  cancelImport: ['extension-page'],
  getTabConnections: ['extension-page'],
  setConnectionFeedback: ['extension-page'],
  getLibraryConnections: ['extension-page'],
  getLibraryConnectionsProgress: ['extension-page'],
  getTopicBridges: ['extension-page'],
  listTags: ['extension-page'],
  renameTag: ['extension-page'],
  listCollections: ['extension-page'],
  getCollection: ['extension-page'],
  listItemCollections: ['extension-page'],
  createCollection: ['extension-page'],
  updateCollection: ['extension-page'],
  deleteCollection: ['extension-page'],
  addToCollection: ['extension-page'],
  removeFromCollection: ['extension-page'],
  moveInCollection: ['extension-page'],
  setTags: ['extension-page'],
  bulkAddTag: ['extension-page'],
  bulkDelete: ['extension-page'],
  undo: ['extension-page'],
  getBackupStatus: ['extension-page'],
  setBackupSettings: ['extension-page'],
  runBackup: ['extension-page'],
  // The search host reads storage but never writes it: its snapshots come back to the worker.
  saveSearchSnapshotPart: ['search-host'],
  clearSearchSnapshot: ['search-host'],
};

/** The search host's requests: only our worker sends them. */
export const searchHostSchemas: { [K in keyof SearchHostRequests]: z.ZodType<SearchHostRequests[K]['request']> } = {
  hostSearch: requestSchemas.search,
  hostListFilterOptions: z.strictObject({}),
  hostWarmUp: z.strictObject({}),
  hostItemsChanged: z.strictObject({ items: itemRefs }),
  hostFlush: z.strictObject({}),
};

export const searchHostSenders: { [K in keyof SearchHostRequests]: readonly SenderKind[] } = {
  hostSearch: ['background-worker'],
  hostListFilterOptions: ['background-worker'],
  hostWarmUp: ['background-worker'],
  hostItemsChanged: ['background-worker'],
  hostFlush: ['background-worker'],
};

/** What a content script may send back as a page capture: the page controls it, so it is bounded. */
export const pageCaptureSchema: z.ZodType<PageCapture> = z.strictObject({
  url,
  canonicalUrl: url,
  aliases: z.array(url).max(MAX_ALIASES),
  title: z.string().max(MAX_TITLE_CHARS),
  author: z.string().max(MAX_META_CHARS).nullable(),
  siteName: z.string().max(MAX_META_CHARS),
  publishedAt: z.iso.datetime().nullable(),
  language: z.string().max(35).nullable(),
  excerpt: z.string().max(MAX_EXCERPT_CHARS),
  text: z.string().max(MAX_TEXT_CHARS),
  html: z.string().max(MAX_HTML_CHARS),
  wordCount: z.number().int().nonnegative(),
  tags: z.array(z.string().min(1).max(60)).max(MAX_TAGS),
  source: z.enum(['article', 'body', 'selection']),
  truncated: z.strictObject({ keptChars: z.number().int().nonnegative(), totalChars: z.number().int().nonnegative() }).nullable(),
});

/** A short, readable account of why a payload was refused: the first problem and where it is. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const where = issue.path.length ? issue.path.join('.') : 'payload';
  return `${where}: ${issue.message}`;
}
