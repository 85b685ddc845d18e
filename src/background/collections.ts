// Collection requests: create, rename, delete (undoable), and add, remove and reorder items. Every
// change re-indexes the items it touches, so "collection:" searches stay right.
import type { Collection, ItemRef } from '../core/collection';
import { addItems, checkCollectionName, moveItem, newCollection, removeItems, sameItem } from '../core/collection-edits';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { CollectionSummary, LibraryItem } from '../messaging/protocol';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import { clipRow, highlightRow } from '../storage/library-store';
import type { LibraryChanges } from './library-changes';
import { recordUndo } from './undo';

export const summarize = ({ id, name, description, items, updatedAt }: Collection): CollectionSummary => ({
  id,
  name,
  description,
  count: items.length,
  updatedAt,
});

/** The rows of these items that still exist, in the order given. */
export async function itemRows(db: CrisscrossDb, refs: readonly ItemRef[]): Promise<LibraryItem[]> {
  const clipIds = refs.filter((ref) => ref.type === 'clip').map((ref) => ref.id);
  const highlights = (await db.highlights.bulkGet(refs.filter((ref) => ref.type === 'highlight').map((ref) => ref.id))).filter(
    (h): h is Highlight => Boolean(h),
  );
  const clips = (await db.clips.bulkGet([...new Set([...clipIds, ...highlights.map((h) => h.clipId)])])).filter((c): c is Clip =>
    Boolean(c),
  );
  const clipById = new Map(clips.map((clip) => [clip.id, clip]));
  const highlightById = new Map(highlights.map((highlight) => [highlight.id, highlight]));
  return refs.flatMap((ref) => {
    if (ref.type === 'clip') {
      const clip = clipById.get(ref.id);
      return clip ? [clipRow(clip)] : [];
    }
    const highlight = highlightById.get(ref.id);
    return highlight ? [highlightRow(highlight, clipById.get(highlight.clipId))] : [];
  });
}

/** Only existing items can be added: a collection never points at nothing. */
async function existingRefs(db: CrisscrossDb, refs: readonly ItemRef[]): Promise<ItemRef[]> {
  const rows = await itemRows(db, refs);
  return rows.map((row) => ({ type: row.type, id: row.id }));
}

export function createCollectionHandlers(db: CrisscrossDb, changes: LibraryChanges) {
  async function load(id: string): Promise<Collection> {
    const collection = await db.collections.get(id);
    if (!collection) throw new RequestError('That collection no longer exists.', 'not-found');
    return collection;
  }

  async function checkedName(name: string, selfId?: string): Promise<string> {
    const others = await db.collections.toArray();
    const checked = checkCollectionName(name, others, selfId);
    if (!checked.ok) throw new RequestError(checked.error, 'invalid-request');
    return checked.name;
  }

  /** Writes a changed collection, remembering the previous one for undo. */
  async function saveWithUndo(before: Collection, after: Collection): Promise<string> {
    return db.transaction('rw', db.collections, db.undo, async () => {
      await db.collections.put(after);
      return recordUndo(db, { clips: [], highlights: [], collections: [before], createdCollections: [] });
    });
  }

  return {
    async listCollections(): Promise<CollectionSummary[]> {
      const collections = await db.collections.orderBy('name').toArray();
      return collections.map(summarize);
    },

    async getCollection({ id }: { id: string }): Promise<{ collection: CollectionSummary; items: LibraryItem[] }> {
      const collection = await load(id);
      return { collection: summarize(collection), items: await itemRows(db, collection.items) };
    },

    /** Collections that hold an item (the popup shows them beside "Add to collection"). */
    async listItemCollections({ item }: { item: ItemRef }): Promise<CollectionSummary[]> {
      const collections = await db.collections.orderBy('name').toArray();
      return collections.filter((collection) => collection.items.some((each) => sameItem(each, item))).map(summarize);
    },

    async createCollection({ name, description, items }: { name: string; description: string; items: ItemRef[] }) {
      const now = Date.now();
      const collection = addItems(
        newCollection(await checkedName(name), description, { id: crypto.randomUUID(), now }),
        await existingRefs(db, items),
        now,
      );
      await db.collections.add(collection);
      await changes.collectionsChanged(collection.items);
      return summarize(collection);
    },

    async updateCollection({ id, name, description }: { id: string; name: string; description: string }) {
      const collection = await load(id);
      const renamed = { ...collection, name: await checkedName(name, id), description: description.trim(), updatedAt: Date.now() };
      await db.collections.put(renamed);
      if (renamed.name !== collection.name) await changes.collectionsChanged(renamed.items);
      return summarize(renamed);
    },

    async deleteCollection({ id }: { id: string }): Promise<{ undoId: string; summary: string }> {
      const collection = await load(id);
      const undoId = await db.transaction('rw', db.collections, db.undo, async () => {
        await db.collections.delete(id);
        return recordUndo(db, { clips: [], highlights: [], collections: [collection], createdCollections: [] });
      });
      await changes.collectionsChanged(collection.items);
      return { undoId, summary: `Deleted the collection “${collection.name}”.` };
    },

    async addToCollection({ id, items }: { id: string; items: ItemRef[] }) {
      const before = await load(id);
      const after = addItems(before, await existingRefs(db, items), Date.now());
      const undoId = await saveWithUndo(before, after);
      await changes.collectionsChanged(items);
      const added = after.items.length - before.items.length;
      return {
        collection: summarize(after),
        undoId,
        summary: `Added ${added} ${added === 1 ? 'item' : 'items'} to “${after.name}”.`,
      };
    },

    async removeFromCollection({ id, items }: { id: string; items: ItemRef[] }) {
      const before = await load(id);
      const after = removeItems(before, items, Date.now());
      const undoId = await saveWithUndo(before, after);
      await changes.collectionsChanged(items);
      const removed = before.items.length - after.items.length;
      return {
        collection: summarize(after),
        undoId,
        summary: `Removed ${removed} ${removed === 1 ? 'item' : 'items'} from “${after.name}”.`,
      };
    },

    async moveInCollection({ id, item, to }: { id: string; item: ItemRef; to: number }): Promise<CollectionSummary> {
      const moved = moveItem(await load(id), item, to, Date.now());
      await db.collections.put(moved);
      return summarize(moved);
    },
  };
}
