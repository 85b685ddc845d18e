// Keeps the connection index: restored lazily (when connections are first asked for, since MV3
// workers restart often), caught up with changes since its snapshot, and updated as clips and their
// highlights change (a clip's highlights and notes count toward its terms).
import { ConnectionIndex, ConnectionSnapshotError, clipConnectionItem, pairKey, type ConnectionItem } from '../core/connections';
import type { ItemRef } from '../core/collection';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { CrisscrossDb } from '../storage/db';
import { allItemsInBatches, readChangesSince } from '../storage/search-store';

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

  /** Clips as connection items, each with its highlights. */
  async function itemsOf(clips: readonly Clip[]): Promise<ConnectionItem[]> {
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
    return clips.map((clip) =>
      clipConnectionItem(
        clip,
        collectionNames.get(clip.id) ?? [],
        (byClip.get(clip.id) ?? []).sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
      ),
    );
  }

  /** Re-reads clips by id (with their highlights) into the index; a clip gone is removed. */
  async function refreshClips(target: ConnectionIndex, ids: Iterable<string>) {
    const unique = [...new Set(ids)];
    const clips = await db.clips.bulkGet(unique);
    unique.forEach((id, i) => {
      if (!clips[i]) target.remove(`c:${id}`);
    });
    for (const item of await itemsOf(clips.filter((clip): clip is Clip => clip !== undefined))) target.update(item);
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
    watermark = Math.max(watermark, changes.newest);
  }

  async function build(): Promise<ConnectionIndex> {
    const row = await db.connectionSnapshot.get('index');
    if (row) {
      try {
        const restored = ConnectionIndex.fromJSON(JSON.parse(row.json));
        watermark = row.watermark;
        await catchUp(restored, row.watermark);
        return restored;
      } catch (error) {
        log(`Rebuilding connections: ${error instanceof ConnectionSnapshotError ? error.message : (error as Error).message}`);
      }
    }
    const fresh = new ConnectionIndex();
    const startedAt = Date.now();
    for await (const { clips } of allItemsInBatches(db)) {
      if (stopped) break;
      for (const item of await itemsOf(clips)) fresh.add(item);
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
        await db.connectionSnapshot.put({ id: 'index', watermark, json: JSON.stringify(index.toJSON()) });
      } catch (error) {
        log(`Connection snapshot not saved: ${(error as Error).message}`);
      }
    }, snapshotDelayMs);
  }

  async function ready(): Promise<ConnectionIndex> {
    // Writes already made are applied before anyone reads the index.
    if (index) return updates.then(() => index!);
    loading ??= build().then((built) => (index = built));
    return loading;
  }

  /** Brings clips current after a write; not loaded yet, the catch-up at load time reads the change from storage. */
  function refreshAfterWrite(clipIds: string[], time: number) {
    if (!index) return;
    const target = index;
    updates = updates
      .then(() => refreshClips(target, clipIds))
      .then(() => {
        watermark = Math.max(watermark, time);
        scheduleSnapshot();
      })
      .catch((error: Error) => log(`Connections not updated: ${error.message}`));
  }

  return {
    ready,
    itemsOf,
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
