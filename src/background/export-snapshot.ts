// What an export holds, fixed when it starts, and the batched reads that fill it in.
//
// Consistency: a long export cannot read the library in one IndexedDB transaction (the transaction
// would close while the page fetches chunks, and while open it would hold back every write, so a clip
// made meanwhile would wait minutes). Instead the export starts with a snapshot, taken in one read
// transaction from the indexes alone (no article text is loaded): the ids of the items it holds, each
// with its `updatedAt`, and the collections and confirmed links (small). Items are then read in
// batches, one short transaction each, and every item read must still carry its snapshot `updatedAt`
// (every write raises it: clip-store and highlight-store write `max(now, previous + 1)`, which the
// search index relies on too). So every item in the file is exactly as it was at the snapshot, and the
// file is the library at one moment. An item changed or deleted since throws LibraryChangedError, and
// the export starts again from a new snapshot (export-jobs.ts); items added since are simply not part
// of this snapshot.
import type { Collection } from '../core/collection';
import { selectBundle } from '../core/export';
import { compareIds } from '../core/export/library-data';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { ExportScope } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';

/** An item changed or was deleted after the export's snapshot: this attempt would mix two states. */
export class LibraryChangedError extends Error {
  constructor(what: string) {
    super(`${what} changed during the export.`);
    this.name = 'LibraryChangedError';
  }
}

/** A clip as the snapshot knows it: from the indexes, without its text. */
export interface ClipStamp {
  id: string;
  updatedAt: number;
  savedAt: number;
  tags: string[];
}

/** A highlight as the snapshot knows it. */
export interface HighlightStamp {
  id: string;
  clipId: string;
  updatedAt: number;
  createdAt: number;
  tags: string[];
}

export interface LibrarySnapshot {
  /** The clips the export holds, sorted by id. */
  clips: ClipStamp[];
  /** The highlights the export holds, sorted by id. */
  highlights: HighlightStamp[];
  /** The collections the export holds (cut down to its items, as selectBundle does). */
  collections: Collection[];
  /** Confirmed connections among the exported items. */
  links?: unknown[];
}

function stampsOf<T extends { id: string }>(ids: string[], make: (id: string) => T): Map<string, T> {
  return new Map(ids.map((id) => [id, make(id)]));
}

/** Fixes what an export of `scope` holds, in one read transaction of keys only. */
export async function takeSnapshot(db: CrisscrossDb, scope: ExportScope): Promise<LibrarySnapshot> {
  const read = await db.transaction('r', db.clips, db.highlights, db.collections, db.links, async () => {
    const clips = stampsOf<ClipStamp>(await db.clips.toCollection().primaryKeys(), (id) => ({ id, updatedAt: 0, savedAt: 0, tags: [] }));
    const highlights = stampsOf<HighlightStamp>(await db.highlights.toCollection().primaryKeys(), (id) => ({
      id,
      clipId: '',
      updatedAt: 0,
      createdAt: 0,
      tags: [],
    }));
    // Key cursors over the indexes: each gives (indexed value, primary key) without loading a record.
    await db.clips.orderBy('updatedAt').eachKey((key, cursor) => void (clips.get(cursor.primaryKey as string)!.updatedAt = key as number));
    await db.clips.orderBy('savedAt').eachKey((key, cursor) => void (clips.get(cursor.primaryKey as string)!.savedAt = key as number));
    await db.clips.orderBy('tags').eachKey((key, cursor) => void clips.get(cursor.primaryKey as string)!.tags.push(String(key)));
    await db.highlights
      .orderBy('clipId')
      .eachKey((key, cursor) => void (highlights.get(cursor.primaryKey as string)!.clipId = String(key)));
    await db.highlights
      .orderBy('updatedAt')
      .eachKey((key, cursor) => void (highlights.get(cursor.primaryKey as string)!.updatedAt = key as number));
    await db.highlights
      .orderBy('createdAt')
      .eachKey((key, cursor) => void (highlights.get(cursor.primaryKey as string)!.createdAt = key as number));
    await db.highlights.orderBy('tags').eachKey((key, cursor) => void highlights.get(cursor.primaryKey as string)!.tags.push(String(key)));
    return {
      clips,
      highlights,
      collections: await db.collections.toArray(),
      // Confirmed connections travel with the library; dismissals are a private view setting.
      links: await db.links.where('status').equals('confirmed').toArray(),
    };
  });
  // The scope's rules live in one place (selectBundle); the stamps carry every field it looks at.
  const selected = selectBundle(
    {
      clips: [...read.clips.values()] as unknown as Clip[],
      highlights: [...read.highlights.values()] as unknown as Highlight[],
      collections: read.collections,
      links: read.links,
    },
    scope,
  );
  const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);
  const snapshot: LibrarySnapshot = {
    clips: (selected.clips as unknown as ClipStamp[]).sort(byId),
    highlights: (selected.highlights as unknown as HighlightStamp[]).sort(byId),
    collections: selected.collections,
  };
  if (selected.links) snapshot.links = selected.links;
  return snapshot;
}

/** Reads the records of a batch in one transaction; throws LibraryChangedError if one is gone or changed. */
async function readStamped<T extends { updatedAt: number }>(
  table: { bulkGet(ids: string[]): Promise<(T | undefined)[]> },
  stamps: readonly { id: string; updatedAt: number }[],
  what: string,
): Promise<T[]> {
  const rows = await table.bulkGet(stamps.map((stamp) => stamp.id));
  return rows.map((row, index) => {
    if (!row || row.updatedAt !== stamps[index]!.updatedAt) throw new LibraryChangedError(what);
    return row;
  });
}

export const readClips = (db: CrisscrossDb, stamps: readonly ClipStamp[]) => readStamped<Clip>(db.clips, stamps, 'A clip');
export const readHighlights = (db: CrisscrossDb, stamps: readonly HighlightStamp[]) =>
  readStamped<Highlight>(db.highlights, stamps, 'A highlight');

/** Consecutive slices of at most `size` items. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
