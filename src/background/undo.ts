// Undo for destructive or bulk changes: the records a change replaced are kept (in IndexedDB, since
// the worker may restart before the user clicks "Undo") and put back exactly as they were.
import type { ItemRef } from '../core/collection';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb, UndoEntry } from '../storage/db';
import type { LibraryChanges } from './library-changes';

/** How long a change stays undoable: the status with its "Undo" button is long gone by then. */
export const UNDO_KEEP_MS = 60 * 60 * 1000;

export type UndoRecord = Omit<UndoEntry, 'id' | 'createdAt'>;

/** Stores what a change replaced (inside the change's own transaction) and returns the undo id. */
export async function recordUndo(db: CrisscrossDb, record: UndoRecord, now = Date.now()): Promise<string> {
  const id = crypto.randomUUID();
  await db.undo
    .where('createdAt')
    .below(now - UNDO_KEEP_MS)
    .delete();
  await db.undo.put({ id, createdAt: now, ...record });
  return id;
}

/** The items whose search entries an undo entry touches. */
function refsOf(entry: UndoRecord): ItemRef[] {
  return [
    ...entry.clips.map((clip) => ({ type: 'clip' as const, id: clip.id })),
    ...entry.highlights.map((highlight) => ({ type: 'highlight' as const, id: highlight.id })),
    ...entry.collections.flatMap((collection) => collection.items),
  ];
}

/** Puts back what the change replaced, removes what it created, and brings the indexes along. */
export async function applyUndo(db: CrisscrossDb, changes: LibraryChanges, id: string): Promise<{ summary: string }> {
  const entry = await db.undo.get(id);
  if (!entry) throw new RequestError('That change can no longer be undone.', 'not-found');
  const created = await db.collections.bulkGet(entry.createdCollections);
  await db.transaction('rw', [db.clips, db.highlights, db.collections, db.tombstones, db.undo], async () => {
    await db.clips.bulkPut(entry.clips);
    await db.highlights.bulkPut(entry.highlights);
    await db.collections.bulkDelete(entry.createdCollections);
    await db.collections.bulkPut(entry.collections);
    // Restored items are no longer deleted: their tombstones would drop them again after a restart.
    await db.tombstones.bulkDelete([
      ...entry.clips.map((clip) => `clip:${clip.id}`),
      ...entry.highlights.map((highlight) => `highlight:${highlight.id}`),
    ]);
    await db.undo.delete(id);
  });
  const clips = new Map<string, Clip>(entry.clips.map((clip) => [clip.id, clip]));
  for (const clip of entry.clips) changes.clipSaved(clip);
  for (const highlight of entry.highlights as Highlight[])
    changes.highlightSaved(highlight, clips.get(highlight.clipId) ?? (await db.clips.get(highlight.clipId)));
  await changes.collectionsChanged([...refsOf(entry), ...created.flatMap((collection) => collection?.items ?? [])]);
  return { summary: 'Undone.' };
}
