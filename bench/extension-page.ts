// Runs in an extension page: requests through the real message path and raw IndexedDB reads and writes, timed.
import type { BrownFile } from './brown';
import { CLIP_ROWS, clipListRow } from '../src/storage/clip-rows';
import { withHighlightListKeys } from '../src/storage/list-keys';
import { generateCorpus, type CorpusChunk, type CorpusStats } from './corpus';

declare const chrome: {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
  offscreen?: { hasDocument: () => Promise<boolean>; closeDocument: () => Promise<void> };
};

export type Result = { ok: true; value: unknown } | { ok: false; error: string };

export interface TimedAnswer {
  ms: number;
  /** When the request was sent, in ms since the epoch (to line up with the worker's clock). */
  sentAt: number;
  result: Result;
}

export interface SearchTiming {
  ms: number;
  /** Results returned, -1 when the request failed. */
  results: number;
  fullText: boolean;
}

export interface TierRead {
  /** The tier's size: all its parts. */
  chars: number;
  parts: number;
  watermark: number;
  /** Reading its manifest and part rows from IndexedDB, each in a transaction of its own as a restore does. */
  readMs: number;
  /** JSON.parse as a restore does: the quick tier's parts joined and parsed at once, the full tier's a line at a time. */
  parseMs: number;
}

export interface ColdFull {
  /** Time to the first answer of a "full" request, whatever it searched. */
  firstAnswerMs: number;
  /** Time to the first answer that searched article text (fullText: true); null when none within the limit. */
  firstFullTextMs: number | null;
  requests: number;
}

/** Keystrokes typed from a change until the snapshot it led to was committed (times from the change). */
export interface TypingWhileSaving {
  /** Each keystroke's start and its time to results. */
  samples: { at: number; ms: number }[];
  /** When the first part of the new snapshot was seen stored (-1: not seen). */
  firstPartAt: number;
  /** When the new snapshot was seen committed (-1: not within the limit). */
  committedAt: number;
}

export interface PutProgress {
  idbMs: number;
  chunks: number;
  done: boolean;
  stats: CorpusStats | null;
}

export interface ExtensionPageApi {
  send: (type: string, payload: object) => Promise<Result>;
  timed: (type: string, payload: object) => Promise<TimedAnswer>;
  /** One search per query, in order, each sent when the previous answered (as a fast typist would see them). */
  searchEach: (queries: string[], mode: 'quick' | 'full') => Promise<SearchTiming[]>;
  /**
   * Sends `change` (a request that changes an item), then types `queries` over and over, `gapMs` apart,
   * until the snapshot saved after the change is committed: how typing fares while a save runs.
   */
  typeWhileSaving: (
    queries: string[],
    change: { type: string; payload: object },
    gapMs: number,
    limitMs: number,
  ) => Promise<TypingWhileSaving>;
  /** Repeats a "full" search, `gapMs` apart, until one has searched article text. */
  coldFull: (query: string, gapMs: number, limitMs: number) => Promise<ColdFull>;
  /** Starts generating the library in this page, from the Brown files (JSON), as corpus.ts does in Node. */
  startCorpus: (filesJson: string, size: number) => void;
  /**
   * Generates the next chunks of 500 items and writes each in its own transaction into 'clips' and
   * 'highlights'; returns the time spent in IndexedDB (generating is not counted) and, at the end, the stats.
   */
  putNextChunks: (maxChunks: number) => Promise<PutProgress>;
  clearSnapshot: () => Promise<void>;
  /** Closes the search host's offscreen document (Chromium keeps it while the worker is stopped); false when there was none. */
  closeSearchHost: () => Promise<boolean>;
  /** Tiers in 'searchSnapshot' (2 once a snapshot is saved: both tiers' manifests are written in one transaction). */
  snapshotTiers: () => Promise<number>;
  readSnapshot: () => Promise<{ quick: TierRead | null; full: TierRead | null }>;
  closeDb: () => void;
}

const DB = 'crisscross';
let db: IDBDatabase | null = null;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

async function open(): Promise<IDBDatabase> {
  if (db) return db;
  // No version: the database the worker's Dexie created, as it is.
  const opened = await request(indexedDB.open(DB));
  opened.onversionchange = () => {
    opened.close();
    db = null;
  };
  db = opened;
  return opened;
}

async function send(type: string, payload: object): Promise<Result> {
  try {
    const answer = (await chrome.runtime.sendMessage({ channel: 'crisscross', type, payload })) as Result | undefined;
    return answer ?? { ok: false, error: 'no answer' };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

async function timed(type: string, payload: object): Promise<TimedAnswer> {
  const start = performance.now();
  const result = await send(type, payload);
  return { ms: performance.now() - start, sentAt: performance.timeOrigin + start, result };
}

function searchPayload(query: string, mode: 'quick' | 'full') {
  return { query, mode, filters: {}, limit: 20 };
}

interface SearchValue {
  results: unknown[];
  fullText: boolean;
}

interface SnapshotRow {
  json: string;
  watermark: number;
  transfer?: string;
  parts?: number;
}

async function readRow(key: string): Promise<SnapshotRow | undefined> {
  const database = await open();
  return (await request(database.transaction('searchSnapshot').objectStore('searchSnapshot').get(key))) as SnapshotRow | undefined;
}

/** Reads a tier as search-store.ts does (its manifest, then a part at a time) and parses it as a restore does. */
async function readTier(tier: 'quick' | 'full'): Promise<TierRead | null> {
  let start = performance.now();
  const manifest = await readRow(tier);
  let readMs = performance.now() - start;
  if (!manifest) return null;
  const { watermark, transfer, parts = 1 } = manifest;
  let chars = 0;
  let parseMs = 0;
  const quickParts: string[] = [];
  // The start of a full-tier line continued in the next part (full-tier-codec.ts loadFullTierParts).
  let carry = '';
  for (let i = 0; i < parts; i++) {
    start = performance.now();
    // A tier saved whole, before parts, is its manifest's json.
    const text = manifest.parts === undefined ? manifest.json : (await readRow(`${tier}:${transfer}:${i}`))?.json;
    readMs += performance.now() - start;
    if (text === undefined) throw new Error(`${tier} tier is missing part ${i}`);
    chars += text.length;
    start = performance.now();
    if (tier === 'quick') {
      quickParts.push(text);
    } else {
      const lines = (carry + text).split('\n');
      carry = lines.pop() ?? '';
      for (const line of lines) JSON.parse(line);
    }
    parseMs += performance.now() - start;
  }
  start = performance.now();
  if (tier === 'quick') JSON.parse(quickParts.join(''));
  else if (carry !== '') JSON.parse(carry);
  parseMs += performance.now() - start;
  return { chars, parts, watermark, readMs, parseMs };
}

let corpus: Generator<CorpusChunk> | null = null;
let corpusStats = {} as CorpusStats;

async function putChunk(database: IDBDatabase, { clips, highlights }: CorpusChunk): Promise<number> {
  const start = performance.now();
  const tx = database.transaction(['clips', CLIP_ROWS, 'highlights'], 'readwrite');
  const clipStore = tx.objectStore('clips');
  const rowStore = tx.objectStore(CLIP_ROWS);
  const highlightStore = tx.objectStore('highlights');
  // Raw writes bypass the worker's Dexie, so they add the clips' list rows and the highlights' list keys as it does.
  for (const clip of clips) {
    clipStore.put(clip);
    rowStore.put(clipListRow(clip));
  }
  for (const highlight of highlights) highlightStore.put(withHighlightListKeys(highlight));
  await done(tx);
  return performance.now() - start;
}

const api: ExtensionPageApi = {
  send,
  timed,
  async searchEach(queries, mode) {
    const timings: SearchTiming[] = [];
    for (const query of queries) {
      const { ms, result } = await timed('search', searchPayload(query, mode));
      const value = result.ok ? (result.value as SearchValue) : null;
      timings.push({ ms, results: value ? value.results.length : -1, fullText: value?.fullText ?? false });
    }
    return timings;
  },
  async typeWhileSaving(queries, change, gapMs, limitMs) {
    const database = await open();
    const committed = async () => (await readRow('quick'))?.transfer;
    const before = await committed();
    const start = performance.now();
    const answer = await send(change.type, change.payload);
    if (!answer.ok) throw new Error(`the change was refused: ${answer.error}`);
    const samples: TypingWhileSaving['samples'] = [];
    let firstPartAt = -1;
    let committedAt = -1;
    let lastLook = 0;
    for (let i = 0; performance.now() - start < limitMs; i++) {
      const at = performance.now() - start;
      const { ms } = await timed('search', searchPayload(queries[i % queries.length]!, 'quick'));
      samples.push({ at, ms });
      if (performance.now() - lastLook > 100) {
        lastLook = performance.now();
        if (firstPartAt < 0) {
          const keys = await request(database.transaction('searchSnapshot').objectStore('searchSnapshot').getAllKeys());
          const ours = (key: IDBValidKey) => typeof key === 'string' && key.startsWith('quick:') && !key.startsWith(`quick:${before}:`);
          if (keys.some(ours)) firstPartAt = performance.now() - start;
        }
        if ((await committed()) !== before) {
          committedAt = performance.now() - start;
          break;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return { samples, firstPartAt, committedAt };
  },
  async coldFull(query, gapMs, limitMs) {
    const start = performance.now();
    let firstAnswerMs = -1;
    let requests = 0;
    while (performance.now() - start < limitMs) {
      const { result } = await timed('search', searchPayload(query, 'full'));
      requests++;
      const elapsed = performance.now() - start;
      if (firstAnswerMs < 0) firstAnswerMs = elapsed;
      if (result.ok && (result.value as SearchValue).fullText) return { firstAnswerMs, firstFullTextMs: elapsed, requests };
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
    return { firstAnswerMs, firstFullTextMs: null, requests };
  },
  startCorpus(filesJson, size) {
    corpusStats = {} as CorpusStats;
    corpus = generateCorpus(JSON.parse(filesJson) as BrownFile[], size, { stats: corpusStats });
  },
  async putNextChunks(maxChunks) {
    if (!corpus) throw new Error('startCorpus first');
    const database = await open();
    const progress: PutProgress = { idbMs: 0, chunks: 0, done: false, stats: null };
    while (progress.chunks < maxChunks) {
      const next = corpus.next();
      if (next.done) {
        progress.done = true;
        progress.stats = corpusStats;
        corpus = null;
        break;
      }
      progress.idbMs += await putChunk(database, next.value);
      progress.chunks++;
    }
    return progress;
  },
  async clearSnapshot() {
    const tx = (await open()).transaction('searchSnapshot', 'readwrite');
    tx.objectStore('searchSnapshot').clear();
    await done(tx);
  },
  async closeSearchHost() {
    if (!chrome.offscreen || !(await chrome.offscreen.hasDocument())) return false;
    await chrome.offscreen.closeDocument();
    return true;
  },
  async snapshotTiers() {
    return ((await readRow('quick')) ? 1 : 0) + ((await readRow('full')) ? 1 : 0);
  },
  async readSnapshot() {
    return { quick: await readTier('quick'), full: await readTier('full') };
  },
  closeDb() {
    db?.close();
    db = null;
  },
};

(globalThis as unknown as { crisscrossBench: ExtensionPageApi }).crisscrossBench = api;
