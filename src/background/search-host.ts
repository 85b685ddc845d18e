// Where the search engine runs: the index, its snapshot, its catch-up and the result views. In Firefox it
// runs inside the background script (this in-process host); in Chromium in an offscreen document, which
// the browser keeps when it stops an idle worker, so a woken worker answers without restoring the index
// (offscreen-search-host.ts is the worker's side of that, src/offscreen the document's).
import { parseQuery, type ItemRef } from '../core/search';
import type { BackgroundRequests, SearchHostStatus, SearchResponse } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';
import type { LibraryChanges } from './library-changes';
import { createResultViews } from './search-results';
import { createSearchService, type SearchServiceOptions } from './search-service';

/** How long a full search waits for article text to load before answering from the quick tier (the popup asks again). */
const FULL_TEXT_WAIT_MS = 1_500;

export type SearchRequest = BackgroundRequests['search']['request'];
export type FilterOptions = BackgroundRequests['listFilterOptions']['response'];

/** What the worker asks of the search engine, wherever it runs. Writes arrive as LibraryChanges. */
export interface SearchHost extends LibraryChanges {
  search(request: SearchRequest): Promise<SearchResponse>;
  listFilterOptions(): Promise<FilterOptions>;
  /** Resolves once searches can be answered (the quick tier restored, or a rebuild under way). */
  warmUp(): Promise<SearchHostStatus>;
  /** Saves the snapshot now (tests, the benchmark); normally it happens after a quiet spell. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export interface InProcessSearchHost extends SearchHost {
  /** Items written or deleted that this host was told of by message: indexed again as storage has them. */
  reindex(refs: readonly ItemRef[]): Promise<void>;
}

/** The search engine in this JavaScript context, reading the database directly. */
export function createInProcessSearchHost(db: CrisscrossDb, options: SearchServiceOptions = {}): InProcessSearchHost {
  const search = createSearchService(db, options);
  const resultViews = createResultViews(db);
  return {
    async search({ query, mode, filters, limit }) {
      await search.ready();
      // After a restart article text is still on disk: a full search starts loading it and waits a little.
      if (mode === 'full') await search.fullTextWithin(FULL_TEXT_WAIT_MS);
      const hits = mode === 'quick' ? search.searchQuick(query, filters, limit) : search.search(query, filters, limit);
      return {
        results: await resultViews.views(hits),
        fullText: mode === 'full' && search.fullTextReady,
        indexing: search.state !== 'ready',
        invalid: parseQuery(query).invalid,
      };
    },
    async listFilterOptions() {
      const [clipTags, highlightTags, sites] = await Promise.all([
        db.clips.orderBy('tags').uniqueKeys(),
        db.highlights.orderBy('tags').uniqueKeys(),
        db.clips.orderBy('siteName').uniqueKeys(),
      ]);
      const tags = [...new Set([...clipTags, ...highlightTags].map(String))].sort((a, b) => a.localeCompare(b));
      return { tags, sites: sites.map(String).filter(Boolean) };
    },
    async warmUp() {
      await search.ready();
      return { items: search.size, index: search.state, fullText: search.fullTextReady };
    },
    clipSaved(clip) {
      resultViews.forget({ type: 'clip', id: clip.id });
      search.clipSaved(clip);
    },
    highlightSaved(highlight, clip) {
      resultViews.forget({ type: 'highlight', id: highlight.id });
      search.highlightSaved(highlight, clip);
    },
    itemRemoved(ref) {
      resultViews.forget(ref);
      search.itemRemoved(ref);
    },
    collectionsChanged: (refs) => search.collectionsChanged(refs),
    async reindex(refs) {
      for (const ref of refs) resultViews.forget(ref);
      await search.reindex(refs);
    },
    flush: () => search.flush(),
    stop: () => search.stop(),
  };
}
