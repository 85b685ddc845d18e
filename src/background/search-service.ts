// Keeps the search index: restores it from its snapshot (quick tier first), catches up with writes made
// since, rebuilds it in the background when the snapshot is missing or unusable, and saves it when idle.
import { isSearchSnapshotError, SearchIndex, type SearchHit, type SearchFilters, type ItemRef, type SearchSnapshot } from '../core/search';
import { clipItem, highlightItem } from '../core/search/library-items';
import { collectionNamesByItem } from '../core/export/library-data';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { forEachInSlices, yieldToEvents } from '../core/time-slices';
import type { CrisscrossDb } from '../storage/db';
import {
  allItemsInBatches,
  clearSnapshot,
  readChangesSince,
  readSnapshotTier,
  readTierText,
  type HighlightPage,
} from '../storage/search-store';
import { writeSnapshotInParts } from './snapshot-receiver';

export interface SearchServiceOptions {
  /** Quiet time after the last change before the snapshot is saved. */
  snapshotDelayMs?: number;
  /**
   * Quiet time (no quick search) after a restore before the full tier's snapshot is loaded. Loading it
   * competes with keystrokes for the one thread, so it waits for a pause in typing, or for a full search.
   */
  fullTierIdleMs?: number;
  /**
   * A rebuild of at least `items` items saves its snapshot only `settleMs` after it ends. A large build
   * leaves V8 holding more heap than the index needs, given back once the page has been quiet for several
   * seconds (35 MB at 30,000 items in Chromium 156); a save started at once adds its own memory on top.
   */
  largeRebuild?: { items: number; settleMs: number };
  log?: (message: string) => void;
  /**
   * Where snapshots are written. The worker writes them itself; the search host (an offscreen document)
   * sends them to the worker, the database's only writer. Reading happens here in either case.
   */
  snapshots?: SnapshotWriter;
}

export interface SnapshotWriter {
  write(snapshot: SearchSnapshot): Promise<void>;
  /** Deletes a snapshot found unusable, so the next start does not try it again. */
  clear(): Promise<void>;
}

export type IndexState = 'restoring' | 'rebuilding' | 'ready';

/** Longest stretch of indexing between pauses during a rebuild. */
const BUILD_SLICE_MS = 12;
/**
 * Items a rebuild reads at a time. Small: a batch's records (article HTML and text) live until the batch
 * is indexed, and a batch that takes seconds to index outlives the young generation, so its text would
 * be garbage left in the old one, which V8 lets grow to several times the index before collecting it.
 */
const REBUILD_BATCH = 100;
/** A rebuild compacts its posting lists after every this many items. */
const COMPACT_EVERY_ITEMS = 2_000;

/**
 * A pause between slices of loading the full tier, for messages waiting to be handled. Not setTimeout:
 * after a few nested timers browsers wait at least 4 ms, which would double a load of 8 ms slices.
 */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export function createSearchService(
  db: CrisscrossDb,
  {
    snapshotDelayMs = 5_000,
    fullTierIdleMs = 1_500,
    largeRebuild = { items: 5_000, settleMs: 20_000 },
    log = () => undefined,
    snapshots = { write: (snapshot) => writeSnapshotInParts(db, snapshot), clear: () => clearSnapshot(db) },
  }: SearchServiceOptions = {},
) {
  let index = new SearchIndex();
  let state: IndexState = 'restoring';
  /** Set once searches can be answered: the quick tier restored and caught up, or a rebuild under way. */
  let markAnswerable!: () => void;
  const answerable = new Promise<void>((resolve) => (markAnswerable = resolve));
  /** The restored quick tier's snapshot, whose full tier is still on disk (null: nothing to load). */
  let fullTierOf: { watermark: number; transfer: string | undefined } | null = null;
  let fullTierTimer: ReturnType<typeof setTimeout> | undefined;
  let fullTierLoading: Promise<void> | null = null;
  let snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  /** No snapshot is saved before this time (Date.now()): a large rebuild's garbage is given back first. */
  let saveNotBefore = 0;
  /** Changes made while a rebuild walks storage are applied again at its end (they may have been missed). */
  let rebuildCatchUpFrom = 0;
  let stopped = false;
  /** Index updates wait until the write's answer has gone out (indexing a 1 MB article takes a while);
   *  a search applies any still waiting first, so a new item is always found at once. */
  const pending: (() => void)[] = [];
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;
  const applyPending = () => {
    clearTimeout(pendingTimer);
    for (const update of pending.splice(0)) update();
  };
  /** The collections each item is in ("clip:<id>" → names), so "collection:" finds it. */
  let membership = new Map<string, string[]>();
  const loadMembership = async () => {
    membership = collectionNamesByItem(await db.collections.toArray());
  };
  const clipEntry = (clip: Clip) => clipItem(clip, membership.get(`clip:${clip.id}`));
  const highlightEntry = (highlight: Highlight, page: HighlightPage | undefined) =>
    highlightItem(highlight, page, membership.get(`highlight:${highlight.id}`));
  const enqueue = (update: () => void) => {
    pending.push(update);
    clearTimeout(pendingTimer);
    pendingTimer = setTimeout(applyPending, 0);
    scheduleSnapshot();
  };

  async function pageOf(highlights: Highlight[]): Promise<Map<string, Clip>> {
    const clipIds = [...new Set(highlights.map((h) => h.clipId))];
    const clips = await db.clips.bulkGet(clipIds);
    return new Map(clips.filter((c): c is Clip => Boolean(c)).map((c) => [c.id, c]));
  }

  async function catchUp(since: number): Promise<void> {
    const changes = await readChangesSince(db, since);
    const pages = await pageOf(changes.highlights);
    index.applyChanges({
      deletions: changes.tombstones.map((t) => ({ type: t.type, id: t.id })),
      upserts: [...changes.clips.map(clipEntry), ...changes.highlights.map((h) => highlightEntry(h, pages.get(h.clipId)))],
      watermark: changes.newest,
    });
  }

  async function rebuild(reason: string): Promise<void> {
    log(`Rebuilding the search index: ${reason}`);
    state = 'rebuilding';
    fullTierOf = null;
    clearTimeout(fullTierTimer);
    index = new SearchIndex();
    markAnswerable();
    rebuildCatchUpFrom = Date.now();
    let sinceCompaction = 0;
    let indexed = 0;
    const batches = allItemsInBatches(db, REBUILD_BATCH);
    let reading = batches.next();
    for (;;) {
      const batch = await reading;
      if (batch.done || stopped) break;
      // The next batch is read while this one is indexed: reading is a wait on the browser, not work here.
      reading = batches.next();
      // Awaited on the next turn; until then a failed read must not count as an unhandled rejection.
      reading.catch(() => undefined);
      const { clips, highlights, pages } = batch.value;
      // Long articles take a while to index. In Chromium the index shares its thread with the extension's
      // pages (popup, library), so it pauses every few milliseconds; searches are answered from what is
      // indexed so far meanwhile.
      await forEachInSlices(clips, (clip) => index.upsert(clipEntry(clip)), yieldToEvents, BUILD_SLICE_MS);
      await forEachInSlices(highlights, (h) => index.upsert(highlightEntry(h, pages.get(h.clipId))), yieldToEvents, BUILD_SLICE_MS);
      // Posting lists grow as MiniSearch Maps; compacting now and then keeps the build's peak memory
      // near what the finished index needs.
      sinceCompaction += clips.length + highlights.length;
      indexed += clips.length + highlights.length;
      if (sinceCompaction >= COMPACT_EVERY_ITEMS) {
        sinceCompaction = 0;
        await index.compact(yieldToEvents);
      }
      await yieldToEvents();
    }
    if (stopped) return;
    await catchUp(rebuildCatchUpFrom);
    state = 'ready';
    if (indexed >= largeRebuild.items) saveNotBefore = Date.now() + largeRebuild.settleMs;
    scheduleSnapshot();
  }

  async function restore(): Promise<void> {
    try {
      await loadMembership();
      const quick = await readSnapshotTier(db, 'quick');
      if (!quick) return rebuild('no snapshot yet');
      index = SearchIndex.fromQuickSnapshot({ version: quick.version, quick: await readTierText(quick), watermark: quick.watermark });
      await catchUp(quick.watermark);
      state = 'ready';
      markAnswerable();
      // The large tier follows once typing pauses (or a full search asks for it), never before first answers.
      fullTierOf = { watermark: quick.watermark, transfer: quick.transfer };
      deferFullTier();
    } catch (error) {
      await snapshots.clear().catch(() => undefined);
      return rebuild(isSearchSnapshotError(error) ? error.message : `snapshot unreadable (${(error as Error).message})`);
    }
  }

  /** Puts the full tier's load off until FULL_TIER_IDLE_MS pass without a quick search. */
  function deferFullTier(): void {
    if (fullTierOf === null || fullTierLoading || stopped) return;
    clearTimeout(fullTierTimer);
    fullTierTimer = setTimeout(() => void loadFullTier(), fullTierIdleMs);
  }

  /** Reads and loads the full tier's snapshot (once), a part at a time and in slices so searches keep being answered. */
  function loadFullTier(): Promise<void> {
    clearTimeout(fullTierTimer);
    const expected = fullTierOf;
    if (fullTierLoading || expected === null) return fullTierLoading ?? Promise.resolve();
    const loaded = index;
    fullTierLoading = (async () => {
      try {
        const full = await readSnapshotTier(db, 'full');
        if (!full || full.watermark !== expected.watermark || full.transfer !== expected.transfer) {
          throw new Error('the full tier does not match the quick tier');
        }
        loaded.attachFullTier(full);
        await loaded.loadFullTier(yieldToMessages);
      } catch (error) {
        if (!stopped && loaded === index) await rebuild(`full tier unusable (${(error as Error).message})`);
      }
    })();
    return fullTierLoading;
  }

  function scheduleSnapshot() {
    clearTimeout(snapshotTimer);
    if (stopped) return;
    snapshotTimer = setTimeout(() => void saveSnapshot(), Math.max(snapshotDelayMs, saveNotBefore - Date.now()));
  }

  /** The save under way: saves take turns, as one snapshot's commit deletes the parts of any other. */
  let saving: Promise<void> = Promise.resolve();
  function saveSnapshot(): Promise<void> {
    saving = saving.then(saveSnapshotNow);
    return saving;
  }

  async function saveSnapshotNow(): Promise<void> {
    if (state !== 'ready' || !index.fullTierLoaded) return scheduleSnapshot();
    applyPending();
    try {
      await index.vacuum();
      await index.compact(yieldToEvents);
      await snapshots.write(index.toSnapshot());
    } catch (error) {
      // The snapshot is a cache: losing one only costs a catch-up or rebuild at the next start.
      log(`Search snapshot not saved: ${(error as Error).message}`);
    }
  }

  const ready = restore();

  return {
    /** Resolves once the quick tier can answer (restored and caught up, or rebuilding with partial answers). */
    ready: () => answerable,
    /**
     * Starts loading article text if it is still on disk, and resolves once it is searchable or
     * `withinMs` have passed, whichever is first: a full search waits a little for it, never long.
     */
    fullTextWithin: async (withinMs: number): Promise<void> => {
      await answerable;
      if (index.fullTierLoaded) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([loadFullTier(), new Promise<void>((resolve) => (timer = setTimeout(resolve, withinMs)))]);
      clearTimeout(timer);
    },
    get state(): IndexState {
      return state;
    },
    get fullTextReady(): boolean {
      return index.fullTierLoaded;
    },
    get size(): number {
      applyPending();
      return index.size;
    },
    searchQuick: (query: string, filters: SearchFilters, limit: number): SearchHit[] => {
      // Someone is typing: the full tier's load waits for them to pause.
      deferFullTier();
      applyPending();
      return index.searchQuick(query, filters, limit);
    },
    search: (query: string, filters: SearchFilters, limit: number): SearchHit[] => {
      applyPending();
      return index.search(query, filters, limit);
    },
    clipSaved(clip: Clip) {
      enqueue(() => {
        index.upsert(clipEntry(clip));
        index.advanceWatermark(clip.updatedAt);
      });
    },
    highlightSaved(highlight: Highlight, clip: Clip | undefined) {
      enqueue(() => {
        index.upsert(highlightEntry(highlight, clip));
        index.advanceWatermark(highlight.updatedAt);
      });
    },
    itemRemoved(ref: ItemRef) {
      enqueue(() => index.remove(ref));
    },
    /** Collections changed (created, renamed, deleted, items added or removed): the items named are
     *  indexed again with the collections they are in now. */
    async collectionsChanged(refs: readonly ItemRef[]): Promise<void> {
      await ready.catch(() => undefined);
      await loadMembership();
      const clips = await db.clips.bulkGet(refs.filter((ref) => ref.type === 'clip').map((ref) => ref.id));
      const highlights = (await db.highlights.bulkGet(refs.filter((ref) => ref.type === 'highlight').map((ref) => ref.id))).filter(
        (h): h is Highlight => Boolean(h),
      );
      const pages = await pageOf(highlights);
      enqueue(() => {
        for (const clip of clips) if (clip) index.upsert(clipEntry(clip));
        for (const highlight of highlights) index.upsert(highlightEntry(highlight, pages.get(highlight.clipId)));
      });
    },
    /**
     * Indexes these items again as storage has them now (deleted ones are dropped), after catching up
     * with the change feed. For a search host told of writes by messages: a message that never arrived is
     * covered by the feed, and the feed misses what the items name (imports keep a file's older times,
     * collection changes leave items' times alone).
     */
    async reindex(refs: readonly ItemRef[]): Promise<void> {
      await answerable;
      if (stopped) return;
      // A rebuild catches up with the feed when it ends; a restored index does it now.
      if (state === 'ready') {
        applyPending();
        await catchUp(index.watermark);
      }
      if (refs.length === 0) return;
      await loadMembership();
      const clipIds = refs.filter((ref) => ref.type === 'clip').map((ref) => ref.id);
      const highlightIds = refs.filter((ref) => ref.type === 'highlight').map((ref) => ref.id);
      const [clips, highlights] = await Promise.all([db.clips.bulkGet(clipIds), db.highlights.bulkGet(highlightIds)]);
      const pages = await pageOf(highlights.filter((h): h is Highlight => Boolean(h)));
      enqueue(() => {
        clips.forEach((clip, i) => (clip ? index.upsert(clipEntry(clip)) : index.remove({ type: 'clip', id: clipIds[i]! })));
        highlights.forEach((highlight, i) =>
          highlight
            ? index.upsert(highlightEntry(highlight, pages.get(highlight.clipId)))
            : index.remove({ type: 'highlight', id: highlightIds[i]! }),
        );
      });
    },
    /** Stops timers and background work (tests close the database after this). */
    stop: async () => {
      stopped = true;
      clearTimeout(snapshotTimer);
      clearTimeout(pendingTimer);
      clearTimeout(fullTierTimer);
      await ready.catch(() => undefined);
      await fullTierLoading?.catch(() => undefined);
    },
    /** Saves now (tests, and before an update); normally it happens after a quiet spell. */
    flush: async () => {
      clearTimeout(snapshotTimer);
      await ready;
      await loadFullTier();
      await index.loadFullTier().catch(() => undefined);
      await saveSnapshot();
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
