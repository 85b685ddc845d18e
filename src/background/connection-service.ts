// Keeps the connection index: restored lazily (when connections are first asked for, since MV3
// workers restart often), caught up with changes since its snapshot, and updated as clips change.
import { ConnectionIndex, ConnectionSnapshotError, clipConnectionItem, pairKey } from '../core/connections';
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

  async function catchUp(target: ConnectionIndex, since: number) {
    const changes = await readChangesSince(db, since);
    for (const tombstone of changes.tombstones) if (tombstone.type === 'clip') target.remove(`c:${tombstone.id}`);
    for (const clip of changes.clips) target.update(clipConnectionItem(clip));
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
      for (const clip of clips) fresh.add(clipConnectionItem(clip));
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
    if (index) return index;
    loading ??= build().then((built) => (index = built));
    return loading;
  }

  return {
    ready,
    clipSaved(clip: Clip) {
      // Not loaded yet: the catch-up at load time picks the change up from storage.
      if (!index) return;
      index.update(clipConnectionItem(clip));
      watermark = Math.max(watermark, clip.updatedAt);
      scheduleSnapshot();
    },
    /** A deleted clip leaves the index (a loaded one; otherwise the catch-up reads its tombstone). */
    itemRemoved(ref: { type: 'clip' | 'highlight'; id: string }) {
      if (!index || ref.type !== 'clip') return;
      index.remove(`c:${ref.id}`);
      scheduleSnapshot();
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
