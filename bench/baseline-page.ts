// Runs in a plain page: MiniSearch (default options), a naive scan and our search core over the same items.
import MiniSearch from 'minisearch';
import { SearchIndex, type QuickSnapshot, type SearchItem } from '../src/core/search';
import { encodeParts } from '../src/core/search/snapshot-transfer';
import { MAX_SNAPSHOT_PART_BYTES } from '../src/messaging/schemas';
import type { BrownFile } from './brown';
import { generateCorpus, toSearchItems } from './corpus';

export interface TypingRun {
  /** One per keystroke measured; fewer than asked when the time budget ran out. */
  ms: number[];
  /** Results found per keystroke (a sanity check). */
  found: number[];
}

export interface BaselinePageApi {
  /** Generates the library in the page from the Brown files (JSON), as the search index sees it; returns the count. */
  addGenerated: (filesJson: string, size: number) => number;
  /** Our SearchIndex (both tiers) built from the items, as the worker's rebuild does, without storage. */
  buildOurs: () => number;
  /** toSnapshot() of our index, its full tier made into the parts the worker stores; the index is dropped and the snapshot kept for restoreOurs(). */
  snapshotOurs: () => { ms: number; quickChars: number; fullBytes: number };
  /** Restores as the worker does: quick tier first (fromQuickSnapshot), then the full tier. */
  restoreOurs: () => Promise<{ quickMs: number; fullMs: number }>;
  typeOurs: (queries: string[], mode: 'quick' | 'full') => TypingRun;
  buildMiniSearch: () => number;
  typeMiniSearch: (queries: string[], budgetMs: number) => TypingRun;
  buildNaive: () => number;
  typeNaive: (queries: string[], budgetMs: number) => TypingRun;
  /** Lets go of one structure so the next is measured without it. */
  drop: (what: 'ours' | 'miniSearch' | 'naive') => void;
}

interface Doc {
  id: string;
  title: string;
  text: string;
  note?: string;
}

const items: SearchItem[] = [];
let ours: SearchIndex | null = null;
let snapshot: (QuickSnapshot & { fullParts: Uint8Array[] }) | null = null;
let mini: MiniSearch<Doc> | null = null;
let haystacks: string[] = [];

function time(work: () => void): number {
  return timed(work)[1];
}

function timed<T>(work: () => T): [T, number] {
  const start = performance.now();
  const value = work();
  return [value, performance.now() - start];
}

function typing(queries: string[], budgetMs: number, search: (query: string) => number): TypingRun {
  const run: TypingRun = { ms: [], found: [] };
  let spent = 0;
  for (const query of queries) {
    const start = performance.now();
    run.found.push(search(query));
    const ms = performance.now() - start;
    run.ms.push(ms);
    spent += ms;
    if (spent > budgetMs) break;
  }
  return run;
}

const api: BaselinePageApi = {
  addGenerated(filesJson, size) {
    for (const chunk of generateCorpus(JSON.parse(filesJson) as BrownFile[], size)) items.push(...toSearchItems(chunk));
    return items.length;
  },
  buildOurs() {
    const index = new SearchIndex();
    const ms = time(() => index.addAll(items));
    ours = index;
    return ms;
  },
  snapshotOurs() {
    if (!ours) throw new Error('build first');
    const index = ours;
    const [taken, ms] = timed(() => {
      const { full, quick, ...envelope } = index.toSnapshot();
      const fullParts = [...encodeParts(full, MAX_SNAPSHOT_PART_BYTES)].filter((part) => part !== null);
      return { ...envelope, quick: [...quick].join(''), fullParts };
    });
    snapshot = taken;
    ours = null;
    // The full tier as stored: in bytes of UTF-8.
    return { ms, quickChars: taken.quick.length, fullBytes: taken.fullParts.reduce((bytes, part) => bytes + part.byteLength, 0) };
  },
  async restoreOurs() {
    if (!snapshot) throw new Error('snapshot first');
    const { version, quick, fullParts, watermark } = snapshot;
    const [restored, quickMs] = timed(() => SearchIndex.fromQuickSnapshot({ version, quick, watermark }));
    const start = performance.now();
    const utf8 = new TextDecoder();
    restored.attachFullTier({ parts: fullParts.length, read: async (i) => utf8.decode(fullParts[i]!) });
    await restored.loadFullTier();
    const fullMs = performance.now() - start;
    ours = restored;
    snapshot = null;
    return { quickMs, fullMs };
  },
  typeOurs(queries, mode) {
    const index = ours;
    if (!index) throw new Error('restore first');
    return typing(queries, Number.POSITIVE_INFINITY, (query) =>
      mode === 'quick' ? index.searchQuick(query, {}, 20).length : index.search(query, {}, 20).length,
    );
  },
  buildMiniSearch() {
    const index = new MiniSearch<Doc>({ fields: ['title', 'text', 'note'] });
    const docs: Doc[] = items.map((item) => ({
      id: `${item.type}:${item.id}`,
      title: item.title ?? '',
      text: item.text ?? '',
      ...(item.type === 'highlight' && item.note ? { note: item.note } : {}),
    }));
    const ms = time(() => index.addAll(docs));
    mini = index;
    return ms;
  },
  typeMiniSearch(queries, budgetMs) {
    const index = mini;
    if (!index) throw new Error('build first');
    return typing(queries, budgetMs, (query) => index.search(query, { prefix: true, fuzzy: 0.2 }).length);
  },
  buildNaive() {
    return time(() => {
      haystacks = items.map((item) => `${item.title ?? ''}\n${item.text ?? ''}`.toLowerCase());
    });
  },
  typeNaive(queries, budgetMs) {
    return typing(queries, budgetMs, (query) => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      let found = 0;
      for (const haystack of haystacks) if (words.every((word) => haystack.includes(word))) found++;
      return found;
    });
  },
  drop(what) {
    if (what === 'ours') {
      ours = null;
      snapshot = null;
    }
    if (what === 'miniSearch') mini = null;
    if (what === 'naive') haystacks = [];
  },
};

(globalThis as unknown as { crisscrossBaseline: BaselinePageApi }).crisscrossBaseline = api;
