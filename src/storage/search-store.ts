// What the search index reads from storage: its snapshot, the changes since it, and everything for a rebuild.
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { CrisscrossDb, SearchSnapshotRow, Tombstone } from './db';

export async function readSnapshotTier(db: CrisscrossDb, tier: 'quick' | 'full'): Promise<SearchSnapshotRow | undefined> {
  return db.searchSnapshot.get(tier);
}

/** Writes both tiers in one transaction, so a quick tier never pairs with another snapshot's full tier. */
export async function writeSnapshot(
  db: CrisscrossDb,
  snapshot: { version: number; watermark: number; quick: string; full: string },
): Promise<void> {
  const { version, watermark } = snapshot;
  await db.transaction('rw', db.searchSnapshot, async () => {
    await db.searchSnapshot.bulkPut([
      { tier: 'quick', version, watermark, json: snapshot.quick },
      { tier: 'full', version, watermark, json: snapshot.full },
    ]);
  });
}

export async function clearSnapshot(db: CrisscrossDb): Promise<void> {
  await db.searchSnapshot.clear();
}

export interface StoredChanges {
  clips: Clip[];
  highlights: Highlight[];
  tombstones: Tombstone[];
  /** The newest time seen among the changes (the next watermark). */
  newest: number;
}

/**
 * Everything written or deleted at or after `since`. Inclusive, because several writes can share a
 * millisecond: applying a change twice is harmless, missing one is not.
 */
export async function readChangesSince(db: CrisscrossDb, since: number): Promise<StoredChanges> {
  const [clips, highlights, tombstones] = await db.transaction('r', db.clips, db.highlights, db.tombstones, () =>
    Promise.all([
      db.clips.where('updatedAt').aboveOrEqual(since).toArray(),
      db.highlights.where('updatedAt').aboveOrEqual(since).toArray(),
      db.tombstones.where('deletedAt').aboveOrEqual(since).toArray(),
    ]),
  );
  // A loop, not Math.max(...): a rebuild-sized change list would overflow the argument stack.
  let newest = since;
  for (const time of [...clips.map((c) => c.updatedAt), ...highlights.map((h) => h.updatedAt), ...tombstones.map((t) => t.deletedAt)]) {
    if (time > newest) newest = time;
  }
  return { clips, highlights, tombstones, newest };
}

/** Walks every clip and highlight in batches (for a rebuild), yielding between batches. */
export async function* allItemsInBatches(db: CrisscrossDb, batchSize = 500): AsyncGenerator<{ clips: Clip[]; highlights: Highlight[] }> {
  let lastClip = '';
  for (;;) {
    const clips = await db.clips.where('id').above(lastClip).limit(batchSize).toArray();
    if (clips.length === 0) break;
    lastClip = clips[clips.length - 1]!.id;
    yield { clips, highlights: [] };
  }
  let lastHighlight = '';
  for (;;) {
    const highlights = await db.highlights.where('id').above(lastHighlight).limit(batchSize).toArray();
    if (highlights.length === 0) break;
    lastHighlight = highlights[highlights.length - 1]!.id;
    yield { clips: [], highlights };
  }
}
