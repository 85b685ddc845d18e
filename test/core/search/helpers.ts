// Builders for search tests: clips and highlights with sensible defaults.
import type { SearchClip, SearchHighlight } from '../../../src/core/search';

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
