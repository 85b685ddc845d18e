// Builders for search tests: clips and highlights with sensible defaults, and snapshots kept as storage keeps them.
import { SearchIndex, type FullTierSource, type SearchClip, type SearchHighlight } from '../../../src/core/search';
import { encodeParts } from '../../../src/core/search/snapshot-transfer';

let counter = 0;
const BASE = new Date(2024, 5, 1, 12).getTime();
const DAY = 24 * 60 * 60 * 1000;

/** A clip; any field can be overridden. savedAt defaults to a fixed day plus a little per call. */
export function clip(overrides: Partial<SearchClip> & { id: string }): SearchClip {
  counter++;
  return {
    type: 'clip',
    title: '',
    url: `https://example.com/${overrides.id}`,
    siteName: 'Example',
    excerpt: '',
    text: '',
    tags: [],
    collections: [],
    savedAt: BASE + counter,
    ...overrides,
  };
}

/** A highlight; any field can be overridden. */
export function highlight(overrides: Partial<SearchHighlight> & { id: string }): SearchHighlight {
  counter++;
  return {
    type: 'highlight',
    clipId: 'clip-x',
    text: '',
    note: '',
    tags: [],
    collections: [],
    title: 'Some page',
    url: `https://example.com/page`,
    siteName: 'Example',
    savedAt: BASE + counter,
    ...overrides,
  };
}

/** Epoch ms of local midnight on a date, plus hours. */
export function at(year: number, month: number, day: number, hours = 0): number {
  return new Date(year, month - 1, day, hours).getTime();
}

export { DAY };

/** Ids of hits, in order. */
export function ids(hits: ReadonlyArray<{ id: string }>): string[] {
  return hits.map((h) => h.id);
}

/** A snapshot as storage keeps it: its full tier as parts of text. */
export interface SavedSnapshot {
  version: number;
  watermark: number;
  quick: string;
  full: string[];
}

/** Takes a snapshot and keeps it as storage would (through JSON, as IndexedDB keeps strings), its full tier in parts. */
export function save(index: SearchIndex, partBytes = 1_000): SavedSnapshot {
  const { full, quick, ...envelope } = index.toSnapshot();
  const parts = cutParts(full, partBytes);
  return JSON.parse(JSON.stringify({ ...envelope, quick: [...quick].join(''), full: parts })) as SavedSnapshot;
}

/** Text in pieces cut into parts of `maxBytes` of UTF-8, as a save stores them, and each read back as a string. */
export function cutParts(pieces: Iterable<string>, maxBytes: number): string[] {
  const utf8 = new TextDecoder();
  return [...encodeParts(pieces, maxBytes)].filter((part) => part !== null).map((part) => utf8.decode(part));
}

/** Reads parts held in memory as storage reads them: one at a time, asynchronously. */
export function partsSource(parts: readonly string[]): FullTierSource {
  return {
    parts: parts.length,
    read: async (i) => {
      const part = parts[i];
      if (part === undefined) throw new Error(`no part ${i}`);
      return part;
    },
  };
}

/** Restores a saved snapshot (or anything else, to test refusals): the quick tier, then the full tier unless `loadFull` is false. */
export async function restore(saved: unknown, { loadFull }: { loadFull: boolean }): Promise<SearchIndex> {
  const index = SearchIndex.fromQuickSnapshot(saved);
  index.attachFullTier(partsSource((saved as SavedSnapshot).full));
  if (loadFull) await index.loadFullTier();
  return index;
}
