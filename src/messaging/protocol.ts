// The one typed protocol between the parts: each request's name, payload and response.
import type { AnchorMethod, HighlightSelectors } from '../core/anchoring/types';
import type { ItemRef } from '../core/collection';
import type { Highlight, HighlightChanges, HighlightDraft } from '../core/highlight';
import type { Clip, ClipSummary, PageCapture, Truncation } from '../core/page-capture';
import type { BackupOutcome, BackupSettings } from '../core/backup/backup-plan';
import type { SnapshotPart } from '../core/search/snapshot-transfer';

/** What the popup shows about a tab before anything is clipped. */
export type PageState = { kind: 'restricted'; reason: string } | { kind: 'page'; url: string; title: string; clip: ClipSummary | null };

export interface ClipOutcome {
  status: 'saved' | 'updated';
  clip: ClipSummary;
  source: PageCapture['source'];
  truncated: Truncation | null;
}

/** A tab's highlights with where each was found on the page now (null: not found, an orphan). */
export interface TabHighlights {
  highlights: Highlight[];
  /** Per highlight id; absent when the page could not be asked (then the state is unknown). */
  anchors: Record<string, AnchorMethod | null> | null;
}

/** Filters chosen in a search UI; they add to those typed in the query (tag:, site:, type:…). */
export interface SearchFilterInput {
  tags?: string[];
  sites?: string[];
  types?: ('clip' | 'highlight')[];
  collections?: string[];
  /** Epoch ms, inclusive. */
  after?: number;
  /** Epoch ms, exclusive. */
  before?: number;
}

/** One search result, ready to show: what it is, where it is from, and why it matched. */
export interface SearchResultView {
  type: 'clip' | 'highlight';
  id: string;
  clipId: string;
  title: string;
  /** The matched words in the title, as [start, end) offsets. */
  titleMarks: [number, number][];
  siteName: string;
  url: string;
  savedAt: number;
  /** Text around the best match, with the matched words' [start, end) offsets. */
  snippet: { text: string; marks: [number, number][] };
  /** For a highlight: its text, so the page can be opened scrolled to it. */
  quote: string | null;
}

export interface SearchResponse {
  results: SearchResultView[];
  /** Whether article text was searched (false for as-you-type answers and while it loads). */
  fullText: boolean;
  /** True while the index is being rebuilt: results may be incomplete. */
  indexing: boolean;
  /** Filters in the query that could not be read, e.g. "after:yesterday". */
  invalid: string[];
}

export type LibrarySort = 'saved' | 'published' | 'title' | 'site';

/** Where a row sits in its list: its sort key (a date, title, site, or '' for an undated clip) and its id. */
export type ListCursor = [string | number, string];

/** Which list of the library: clips in a sort order, or highlights (all, with notes, or not found on their page). */
export interface LibraryListQuery {
  type: 'clip' | 'highlight';
  sort: LibrarySort;
  hasNotes: boolean;
  orphaned?: boolean;
  /** The search filters, applied to the list as they are to a search (see storage/list-filters.ts). */
  filters?: SearchFilterInput;
}

/** One row of the library list: a clip or a highlight, without article text. */
export interface LibraryItem {
  type: 'clip' | 'highlight';
  id: string;
  clipId: string;
  title: string;
  siteName: string;
  url: string;
  savedAt: number;
  publishedAt: string | null;
  /** The clip's excerpt, or the highlight's text. */
  summary: string;
  note: string;
  tags: string[];
}

export type ExportFormat = 'json' | 'markdown' | 'html' | 'annotations' | 'csv' | 'bookmarks';

/** A whole export in one value (the worker's backups use it): text, or base64 for binary files (zip). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string | null;
  base64: string | null;
}

/** Where a long export is: taking its snapshot, reading items into the file, or handing over the rest. */
export type ExportPhase = 'reading' | 'building' | 'transferring';

export interface ExportProgress {
  phase: ExportPhase;
  /** Items read into the file so far, of `total` (0 while the snapshot is taken). */
  done: number;
  total: number;
}

export interface ExportPartResponse {
  progress: ExportProgress;
  /** The next chunk: text, or base64 for binary files (zip); null when none was ready yet. */
  part: { text: string } | { base64: string } | null;
  /** The library changed during the export and it started again: drop every chunk received so far. */
  restarted: boolean;
  /** Set with the last chunk: the file's name and type. */
  file: { fileName: string; mimeType: string } | null;
}

/** Where an import is once the file is received: reading and checking it, or writing it. */
export type ImportPhase = 'receiving' | 'checking' | 'writing';

/** What an import did. */
export interface ImportReportView {
  summary: string;
  added: number;
  merged: number;
  skipped: number;
  warnings: string[];
}

/** A passage of one side of a connection, with the shared terms' [start, end) offsets. */
export interface PassageView {
  text: string;
  marks: [number, number][];
}

/** A related saved item, with why it is related. */
export interface ConnectionView {
  /** The item's key in the connection index ("c:<clip id>"). */
  key: string;
  clipId: string;
  title: string;
  url: string;
  siteName: string;
  topics: string[];
  strength: 'strong' | 'moderate' | 'weak';
  score: number;
  /** The shared words and phrases that contribute most, strongest first. */
  terms: string[];
  confirmed: boolean;
  /** One sentence from each side where the shared terms occur. */
  sourcePassage: PassageView | null;
  targetPassage: PassageView | null;
}

export interface TabConnections {
  /** The source's key when the page is saved (connections can then be confirmed or dismissed). */
  sourceKey: string | null;
  sourceTopics: string[];
  connections: ConnectionView[];
  sameTopic: ConnectionView[];
}

/** A saved item as the library's connection views show it. */
export interface ConnectedItemView {
  /** Its key in the connection index ("c:<clip id>"). */
  key: string;
  clipId: string;
  title: string;
  topics: string[];
  /** Cross-topic connections it has in the library-wide list. */
  connections: number;
}

/** A cross-topic pair of the whole library; items are named by key (see LibraryConnections.items). */
export interface LibraryConnectionView {
  a: string;
  b: string;
  score: number;
  strength: 'strong' | 'moderate' | 'weak';
  terms: string[];
  confirmed: boolean;
}

/** Two topics and what bridges them at a glance: items in both, and the terms distinctive in both. */
export interface TopicPairView {
  a: string;
  b: string;
  strength: number;
  shared: number;
  terms: string[];
}

/** The library's connections: topics with sizes, the items to draw, and the strongest cross-topic pairs. */
export interface LibraryConnections {
  topics: { topic: string; items: number }[];
  /** Every item named by `graph` or `connections`. */
  items: ConnectedItemView[];
  /** Keys of the items the graph draws (all of a small library; the best connected of a large one). */
  graph: string[];
  connections: LibraryConnectionView[];
  topicPairs: TopicPairView[];
  /** Items in the connection index. */
  indexed: number;
}

/** What bridges two topics: items in both, terms distinctive in both, and the strongest pairs across. */
export interface TopicBridgeView {
  a: string;
  b: string;
  shared: ConnectedItemView[];
  terms: { label: string; score: number }[];
  pairs: LibraryConnectionView[];
  /** Items named by `pairs`. */
  items: ConnectedItemView[];
}

/** A tag in use, with how many clips and highlights carry it. */
export interface TagCount {
  tag: string;
  clips: number;
  highlights: number;
}

/** A collection as lists show it: its items counted, not loaded. */
export interface CollectionSummary {
  id: string;
  name: string;
  description: string;
  count: number;
  updatedAt: number;
}

/** A change that can be undone: `undo` with this id puts back exactly what it replaced. */
export interface UndoableChange {
  undoId: string;
  /** What was done, in words, for the status line beside "Undo". */
  summary: string;
}

/** What an export holds: everything, one collection, one tag, or chosen items (a search result, a selection). */
export type ExportScope =
  { kind: 'all' } | { kind: 'collection'; id: string } | { kind: 'tag'; tag: string } | { kind: 'items'; items: ItemRef[]; label: string };

/** Automatic backups as Settings shows them. */
export interface BackupStatus {
  settings: BackupSettings;
  /** The latest attempt, successful or not. */
  last: BackupOutcome | null;
  lastSuccessAt: number | null;
  /** When the next scheduled backup runs (epoch ms), or null when backups are off. */
  nextAt: number | null;
  /** Whether the browser lets Crisscross save files (the optional downloads permission). */
  permitted: boolean;
  /** The backup files kept, oldest first, relative to the downloads folder. */
  files: string[];
}

/** Requests the background worker answers (from extension pages, and a few from content scripts). */
export interface BackgroundRequests {
  getPageState: { request: { tabId: number }; response: PageState };
  clipTab: { request: { tabId: number }; response: ClipOutcome };
  listRecentClips: { request: { limit: number }; response: ClipSummary[] };
  /** From a content script: highlight the selection on its page (clipping the page first if needed). */
  saveHighlight: { request: { draft: HighlightDraft }; response: Highlight };
  /** From a content script: the highlights saved for its own page. */
  listPageHighlights: { request: Record<string, never>; response: Highlight[] };
  updateHighlight: { request: { id: string; changes: HighlightChanges }; response: Highlight };
  deleteHighlight: { request: { id: string }; response: { deleted: true } };
  /** From the popup: a tab's highlights and whether each is found on the page. */
  getTabHighlights: { request: { tabId: number }; response: TabHighlights };
  /** From the popup: attach an orphaned highlight to the text now selected in the tab. */
  reattachHighlight: { request: { tabId: number; id: string }; response: Highlight };
  /** Searches everything saved: "quick" on every keystroke, "full" (article text too) when typing pauses. */
  search: { request: { query: string; mode: 'quick' | 'full'; filters: SearchFilterInput; limit: number }; response: SearchResponse };
  /** Values the search filters can offer (tags and sites in use). */
  listFilterOptions: { request: Record<string, never>; response: { tags: string[]; sites: string[] } };
  /**
   * A page of the library list, sorted; `total` is the size of the whole list. With `after` (the `last` of
   * the page before) the page starts right after that row, read straight from the index; without it, at
   * `offset`, found by walking index keys from the nearer end of the list. `orphaned`: only highlights not
   * found on their page the last time it was checked.
   */
  listLibrary: {
    request: LibraryListQuery & { offset: number; limit: number; after?: ListCursor };
    response: { items: LibraryItem[]; total: number; last: ListCursor | null };
  };
  /** The items of rows [offset, offset + limit) of a library list (all of it without them), for selecting a range or everything. */
  listLibraryRefs: { request: LibraryListQuery & { offset?: number; limit?: number }; response: ItemRef[] };
  /** A clip with its highlights, for the reader. */
  getClip: { request: { id: string }; response: { clip: Clip; highlights: Highlight[] } };
  /**
   * Starts an export of everything, or a part, in one of the formats. The worker builds it in the
   * background; the page fetches it with nextExportPart, chunk by chunk (one runtime message is
   * limited to 64 MB in Chrome), and puts the chunks together into a Blob.
   */
  startExport: { request: { format: ExportFormat; scope?: ExportScope }; response: { jobId: string } };
  /** The export's next chunk (waiting briefly for one) and how far it has got. */
  nextExportPart: { request: { jobId: string }; response: ExportPartResponse };
  cancelExport: { request: { jobId: string }; response: { cancelled: boolean } };
  /** Starts an import of a file the page then sends in parts (sendImportPart), in order. */
  startImport: { request: { fileName: string; size: number }; response: { jobId: string } };
  sendImportPart: { request: { jobId: string; index: number; text: string }; response: { received: number } };
  /** Imports the file sent (Crisscross JSON, bookmarks, Web Annotations): all or nothing, with a report. */
  finishImport: { request: { jobId: string }; response: ImportReportView };
  /** What a running import is doing (finishImport answers when it is done). */
  getImportPhase: { request: { jobId: string }; response: { phase: ImportPhase } };
  cancelImport: { request: { jobId: string }; response: { cancelled: boolean } };
  /** Saved items related to the page in a tab (saved or not): other topics first, then its own topic. */
  getTabConnections: { request: { tabId: number }; response: TabConnections };
  /** Confirms a connection (kept and exported, with an optional note) or dismisses it for good. */
  setConnectionFeedback: {
    request: { source: string; target: string; status: 'confirmed' | 'dismissed'; note: string; terms: string[] };
    response: { saved: true };
  };
  /** The library-wide connections: computed when first asked, kept until the library changes. */
  getLibraryConnections: { request: Record<string, never>; response: LibraryConnections };
  /** How far the library-wide connections being computed have got: items scored of all; null when none are being computed. */
  getLibraryConnectionsProgress: { request: Record<string, never>; response: { done: number; total: number } | null };
  /** What bridges a pair of topics. */
  getTopicBridges: { request: { a: string; b: string }; response: TopicBridgeView };
  /** Tags in use with their counts, most used first. */
  listTags: { request: Record<string, never>; response: TagCount[] };
  /** Renames a tag on every clip and highlight; renaming to a tag in use merges the two. */
  renameTag: { request: { from: string; to: string }; response: { clips: number; highlights: number; merged: boolean } };
  listCollections: { request: Record<string, never>; response: CollectionSummary[] };
  /** A collection with its items in order (items deleted since are left out). */
  getCollection: { request: { id: string }; response: { collection: CollectionSummary; items: LibraryItem[] } };
  /** The collections an item is in. */
  listItemCollections: { request: { item: ItemRef }; response: CollectionSummary[] };
  createCollection: { request: { name: string; description: string; items: ItemRef[] }; response: CollectionSummary };
  /** Renames a collection and sets its description. */
  updateCollection: { request: { id: string; name: string; description: string }; response: CollectionSummary };
  deleteCollection: { request: { id: string }; response: UndoableChange };
  addToCollection: { request: { id: string; items: ItemRef[] }; response: UndoableChange & { collection: CollectionSummary } };
  removeFromCollection: { request: { id: string; items: ItemRef[] }; response: UndoableChange & { collection: CollectionSummary } };
  /** Moves an item of a collection to a new position. */
  moveInCollection: { request: { id: string; item: ItemRef; to: number }; response: CollectionSummary };
  /** Replaces a clip's or highlight's tags. */
  setTags: { request: { item: ItemRef; tags: string[] }; response: { tags: string[] } };
  bulkAddTag: { request: { items: ItemRef[]; tag: string }; response: UndoableChange };
  /** Deletes clips (with their highlights) and highlights. */
  bulkDelete: { request: { items: ItemRef[] }; response: UndoableChange };
  /** Puts back what an undoable change replaced. */
  undo: { request: { undoId: string }; response: { summary: string } };
  /** Automatic backups: their settings, latest outcome and next run. */
  getBackupStatus: { request: Record<string, never>; response: BackupStatus };
  setBackupSettings: { request: BackupSettings; response: BackupStatus };
  /** "Back up now": writes a backup at once and answers when the file is written (or failed). */
  runBackup: { request: Record<string, never>; response: BackupStatus };
  /** Sent when the popup opens so a stopped worker starts before the user acts. */
  warmUp: {
    request: Record<string, never>;
    response: { ready: true; items: number; index: 'restoring' | 'rebuilding' | 'ready'; fullText: boolean };
  };
  /** From the search host: one part of a search snapshot for the worker (the only writer) to store. */
  saveSearchSnapshotPart: { request: SnapshotPart; response: { stored: boolean } };
  /** From the search host: its snapshot was unusable (it rebuilds); the worker deletes it. */
  clearSearchSnapshot: { request: Record<string, never>; response: { cleared: true } };
}

/** The search index's state, as warmUp reports it. */
export interface SearchHostStatus {
  items: number;
  index: 'restoring' | 'rebuilding' | 'ready';
  fullText: boolean;
}

/**
 * Requests the search host answers (Chromium: an offscreen document that outlives the worker), sent only
 * by the worker. They travel on their own channel: the host never answers the pages' requests, which
 * the browser delivers to it as well.
 */
export interface SearchHostRequests {
  hostSearch: { request: BackgroundRequests['search']['request']; response: SearchResponse };
  hostListFilterOptions: { request: Record<string, never>; response: BackgroundRequests['listFilterOptions']['response'] };
  hostWarmUp: { request: Record<string, never>; response: SearchHostStatus };
  /** Items written or deleted: the host catches up from the change feed and indexes these again. */
  hostItemsChanged: { request: { items: ItemRef[] }; response: { indexed: number } };
  /** Saves the snapshot now (tests and the benchmark; normally after a quiet spell). */
  hostFlush: { request: Record<string, never>; response: { saved: true } };
}

/** Requests a content script answers (from the background worker). */
export interface ContentRequests {
  capturePage: { request: Record<string, never>; response: PageCapture };
  /** Where each highlight of the page is anchored now. */
  reportAnchors: { request: Record<string, never>; response: Record<string, AnchorMethod | null> };
  /** Selectors for the user's current selection, or null when nothing is selected. */
  describeSelection: { request: Record<string, never>; response: HighlightSelectors | null };
  /** Highlights changed elsewhere (popup, library): fetch and draw them again. */
  refreshHighlights: { request: Record<string, never>; response: { drawn: number } };
  /** From the context menu or keyboard: highlight the selection (optionally opening the note editor). */
  highlightSelection: { request: { withNote: boolean }; response: { saved: boolean } };
}

/**
 * Who may send a request: our extension's own pages, our content scripts in tabs, our worker, or the
 * search host page (an extension page too, told apart by its address).
 */
export type SenderKind = 'extension-page' | 'content-script' | 'background-worker' | 'search-host';

/** The worker's script and the search host's page, relative to the extension's origin (see build.mjs). */
export const WORKER_SCRIPT = 'background.js';
export const SEARCH_HOST_PAGE = 'offscreen.html';

/** The pages' requests to the worker, and the worker's to the search host. */
export type Channel = 'crisscross' | 'crisscross-search-host';

export interface Envelope<M, K extends keyof M & string = keyof M & string> {
  /** Marks our messages apart from anything else on the runtime's message bus, and which listener they are for. */
  channel: Channel;
  type: K;
  payload: M[K] extends { request: infer R } ? R : never;
}

export type RequestOf<M, K extends keyof M> = M[K] extends { request: infer R } ? R : never;
export type ResponseOf<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;
