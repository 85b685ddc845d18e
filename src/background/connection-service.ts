// Keeps the connection index: restored lazily (when connections are first asked for, since MV3
// workers restart often), caught up with changes since its snapshot, and updated as clips and their
// highlights change (a clip's highlights and notes count toward its terms).
import { ConnectionIndex, ConnectionSnapshotError, clipConnectionItem, pairKey, type ConnectionItem } from '../core/connections';
import type { ItemRef } from '../core/collection';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { CrisscrossDb } from '../storage/db';
import { allClipsInBatches, readChangesSince } from '../storage/search-store';
import { yieldToEvents } from '../core/time-slices';

export function createConnectionService(
  db: CrisscrossDb,
  {
    snapshotDelayMs = 10_000,
    log = (_message: string): void => undefined,
  }: { snapshotDelayMs?: number; log?: (message: string) => void } = {},
) {
  let index: ConnectionIndex | null = null;
  let loading: Promise<ConnectionIndex> | null = null;
  let watermark = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** The clip of each highlight read so far: a deleted highlight's clip must be re-read without it. */
  const highlightPages = new Map<string, string>();
  /** Index updates after writes, in order (each re-reads clips from storage). */
  let updates: Promise<void> = Promise.resolve();
  /**
   * The collection names each clip was indexed with (clips in none are left out). A restarted
   * worker compares them with the collections stored, since a collection edit leaves no trace the
   * catch-up by time could read (clips keep their updatedAt) and may come while the index loads.
   */
  const indexedCollections = new Map<string, string>();
  /** Extra state saved with the index (the library-wide list), and what was restored with it. */
  let extraSnapshot: () => string | undefined = () => undefined;
  let restoredExtra: string | undefined;

  /** The collection names of every clip in one, as a comparable key per clip. */
  async function collectionKeys(): Promise<Map<string, string>> {
    const names = new Map<string, string[]>();
    for (const collection of await db.collections.toArray())
      for (const item of collection.items) if (item.type === 'clip') names.set(item.id, [...(names.get(item.id) ?? []), collection.name]);
    return new Map([...names].map(([id, list]) => [id, [...list].sort().join('\n')]));
  }

  /** Records what the index now holds for these clips. */
  function recordIndexed(items: readonly ConnectionItem[], collections: ReadonlyMap<string, string[]>) {
    for (const item of items) {
      const clipId = item.id.slice(2);
      const names = collections.get(clipId);
      if (names?.length) indexedCollections.set(clipId, [...names].sort().join('\n'));
      else indexedCollections.delete(clipId);
    }
  }

  /** Clips as connection items, each with its highlights. */
  async function itemsOf(clips: readonly Clip[]): Promise<ConnectionItem[]> {
    return (await readItems(clips)).items;
  }

  /** Clips as connection items, and the collection names each was given. */
  async function readItems(clips: readonly Clip[]): Promise<{ items: ConnectionItem[]; collections: Map<string, string[]> }> {
    const highlights = clips.length
      ? await db.highlights
          .where('clipId')
          .anyOf(clips.map((clip) => clip.id))
          .toArray()
      : [];
    const byClip = new Map<string, Highlight[]>();
    for (const highlight of highlights) {
      highlightPages.set(highlight.id, highlight.clipId);
      byClip.set(highlight.clipId, [...(byClip.get(highlight.clipId) ?? []), highlight]);
    }
    // A clip's collections are topics too. Collections are few (named by hand), so reading them all is cheap.
    const collectionNames = new Map<string, string[]>();
    if (clips.length)
      for (const collection of await db.collections.toArray())
        for (const item of collection.items)
          if (item.type === 'clip') collectionNames.set(item.id, [...(collectionNames.get(item.id) ?? []), collection.name]);
    // Oldest highlight first, so a clip's text (and its fingerprint) does not depend on read order.
    const items = clips.map((clip) =>
      clipConnectionItem(
        clip,
        collectionNames.get(clip.id) ?? [],
        (byClip.get(clip.id) ?? []).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
      ),
    );
    return { items, collections: collectionNames };
  }

  /** Re-reads clips by id (with their highlights) into the index; a clip gone is removed. */
  async function refreshClips(target: ConnectionIndex, ids: Iterable<string>) {
    const unique = [...new Set(ids)];
    const clips = await db.clips.bulkGet(unique);
    unique.forEach((id, i) => {
      if (clips[i]) return;
      target.remove(`c:${id}`);
      indexedCollections.delete(id);
    });
    const { items, collections } = await readItems(clips.filter((clip): clip is Clip => clip !== undefined));
    for (const item of items) target.update(item);
    recordIndexed(items, collections);
  }

  /** Clips whose collections are not those they were indexed with. */
  async function collectionDrift(): Promise<string[]> {
    const stored = await collectionKeys();
    const drifted = new Set<string>();
    for (const [id, key] of stored) if (indexedCollections.get(id) !== key) drifted.add(id);
    for (const id of indexedCollections.keys()) if (!stored.has(id)) drifted.add(id);
    return [...drifted];
  }

  async function catchUp(target: ConnectionIndex, since: number) {
    const changes = await readChangesSince(db, since);
    for (const tombstone of changes.tombstones) if (tombstone.type === 'clip') target.remove(`c:${tombstone.id}`);
    const deletedHighlightPages = changes.tombstones.flatMap((tombstone) =>
      tombstone.type === 'highlight' && highlightPages.has(tombstone.id) ? [highlightPages.get(tombstone.id)!] : [],
    );
    await refreshClips(target, [
      ...changes.clips.map((clip) => clip.id),
      ...changes.highlights.map((highlight) => highlight.clipId),
      ...deletedHighlightPages,
    ]);
    // Last: collection edits made at any time before now, whatever the watermark says.
    await refreshClips(target, await collectionDrift());
    watermark = Math.max(watermark, changes.newest);
  }

  async function build(): Promise<ConnectionIndex> {
    const row = await db.connectionSnapshot.get('index');
    if (row) {
      try {
        const restored = ConnectionIndex.fromJSON(JSON.parse(row.json));
        watermark = row.watermark;
        indexedCollections.clear();
        for (const [id, key] of row.collections ?? []) indexedCollections.set(id, key);
        restoredExtra = row.library;
        await catchUp(restored, row.watermark);
        return restored;
      } catch (error) {
        log(`Rebuilding connections: ${error instanceof ConnectionSnapshotError ? error.message : (error as Error).message}`);
      }
    }
    const fresh = new ConnectionIndex();
    const startedAt = Date.now();
    indexedCollections.clear();
    for await (const clips of allClipsInBatches(db)) {
      if (stopped) break;
      const { items, collections } = await readItems(clips);
      for (const item of items) fresh.add(item);
      recordIndexed(items, collections);
      await yieldToEvents();
    }
    watermark = startedAt;
    await catchUp(fresh, startedAt);
    scheduleSnapshot();
    return fresh;
  }

  function scheduleSnapshot() {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(async () => {
      if (!index) return;
      try {
        const library = extraSnapshot();
        await db.connectionSnapshot.put({
          id: 'index',
          watermark,
          json: JSON.stringify(index.toJSON()),
          collections: [...indexedCollections],
          ...(library === undefined ? {} : { library }),
        });
      } catch (error) {
        log(`Connection snapshot not saved: ${(error as Error).message}`);
      }
    }, snapshotDelayMs);
  }

  async function ready(): Promise<ConnectionIndex> {
    // Writes already made are applied before anyone reads the index.
    if (index) return updates.then(() => index!);
    loading ??= build().then((built) => (index = built));
    // Writes made while it loaded are applied to it first (refreshAfterWrite queues them).
    return loading.then(() => updates).then(() => index!);
  }

  /**
   * Brings clips current after a write. Not loaded nor loading, the catch-up at load time reads the
   * change from storage; loading, it is applied once loaded (the load may have read the clip before).
   */
  function refreshAfterWrite(clipIds: string[], time: number) {
    if (!index && !loading) return;
    const target = index ? Promise.resolve(index) : loading!;
    updates = updates
      .then(async () => refreshClips(await target, clipIds))
      .then(() => {
        watermark = Math.max(watermark, time);
        scheduleSnapshot();
      })
      .catch((error: Error) => log(`Connections not updated: ${error.message}`));
  }

  return {
    ready,
    itemsOf,
    /** Saves `provide()` with every snapshot of the index (so the two always match), or nothing when it returns undefined. */
    saveWithSnapshot(provide: () => string | undefined) {
      extraSnapshot = provide;
    },
    /** What was saved with the snapshot the index was restored from (taken once), or undefined. */
    takeRestoredExtra(): string | undefined {
      const extra = restoredExtra;
      restoredExtra = undefined;
      return extra;
    },
    /** Saves a snapshot soon, e.g. once the library-wide list is found, so a restart does not find it again. */
    scheduleSnapshot: () => {
      if (index) scheduleSnapshot();
    },
    clipSaved(clip: Clip) {
      refreshAfterWrite([clip.id], clip.updatedAt);
    },
    highlightSaved(highlight: Highlight) {
      highlightPages.set(highlight.id, highlight.clipId);
      refreshAfterWrite([highlight.clipId], highlight.updatedAt);
    },
    /** Collections were edited: the clips in them (or whose highlights are) may have other topics now. */
    async collectionsChanged(refs: readonly ItemRef[]) {
      const highlights = await db.highlights.bulkGet(refs.filter((ref) => ref.type === 'highlight').map((ref) => ref.id));
      const clipIds = [
        ...refs.filter((ref) => ref.type === 'clip').map((ref) => ref.id),
        ...highlights.flatMap((highlight) => (highlight ? [highlight.clipId] : [])),
      ];
      if (clipIds.length) refreshAfterWrite(clipIds, Date.now());
    },
    itemRemoved(ref: ItemRef) {
      if (ref.type === 'clip') return refreshAfterWrite([ref.id], Date.now());
      const clipId = highlightPages.get(ref.id);
      if (clipId) refreshAfterWrite([clipId], Date.now());
    },
    /** The dismissed and confirmed pairs, for filtering and marking connections. */
    async feedback(): Promise<{ dismissed: Set<string>; confirmed: Set<string> }> {
      const links = await db.links.toArray();
      return {
        dismissed: new Set(links.filter((link) => link.status === 'dismissed').map((link) => link.pair)),
        confirmed: new Set(links.filter((link) => link.status === 'confirmed').map((link) => link.pair)),
      };
    },
    pairKey,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export type ConnectionService = ReturnType<typeof createConnectionService>;
