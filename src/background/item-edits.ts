// Tags on clips and highlights, and bulk changes on a selection (tag, delete), each undoable.
import type { Collection, ItemRef } from '../core/collection';
import { removeItems, sameItem } from '../core/collection-edits';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { normalizeTags } from '../core/tags/normalize';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import type { LibraryChanges } from './library-changes';
import { recordUndo } from './undo';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Items named by a selection, and the highlights of the selected clips (deleting a clip deletes them). */
async function loadSelection(db: CrisscrossDb, items: readonly ItemRef[]) {
  const clips = (await db.clips.bulkGet(items.filter((ref) => ref.type === 'clip').map((ref) => ref.id))).filter((c): c is Clip =>
    Boolean(c),
  );
  const highlights = (await db.highlights.bulkGet(items.filter((ref) => ref.type === 'highlight').map((ref) => ref.id))).filter(
    (h): h is Highlight => Boolean(h),
  );
  return { clips, highlights };
}

export function createItemEditHandlers(db: CrisscrossDb, changes: LibraryChanges) {
  /** Tells the indexes (search, connection topics) about changed items. */
  async function reindex(clips: Clip[], highlights: Highlight[]) {
    const pages = new Map(clips.map((clip) => [clip.id, clip]));
    for (const clip of clips) changes.clipSaved(clip);
    for (const highlight of highlights)
      changes.highlightSaved(highlight, pages.get(highlight.clipId) ?? (await db.clips.get(highlight.clipId)));
  }

  return {
    /** Replaces an item's tags with the ones given (cleaned). */
    async setTags({ item, tags }: { item: ItemRef; tags: string[] }): Promise<{ tags: string[] }> {
      const clean = normalizeTags(tags);
      const now = Date.now();
      if (item.type === 'clip') {
        const clip = await db.clips.get(item.id);
        if (!clip) throw new RequestError('That clip no longer exists.', 'not-found');
        const updated = { ...clip, tags: clean, updatedAt: now };
        await db.clips.put(updated);
        await reindex([updated], []);
      } else {
        const highlight = await db.highlights.get(item.id);
        if (!highlight) throw new RequestError('That highlight no longer exists.', 'not-found');
        const updated = { ...highlight, tags: clean, updatedAt: now };
        await db.highlights.put(updated);
        await reindex([], [updated]);
      }
      return { tags: clean };
    },

    /** Adds one tag to every selected item that lacks it. */
    async bulkAddTag({ items, tag }: { items: ItemRef[]; tag: string }): Promise<{ undoId: string; summary: string }> {
      const [clean] = normalizeTags([tag]);
      if (!clean) throw new RequestError('Type a tag to add.', 'invalid-request');
      const has = (tags: string[]) => tags.some((each) => each.toLocaleLowerCase() === clean.toLocaleLowerCase());
      const now = Date.now();
      const { clips, highlights } = await loadSelection(db, items);
      const clipsBefore = clips.filter((clip) => !has(clip.tags));
      const highlightsBefore = highlights.filter((highlight) => !has(highlight.tags));
      const clipsAfter = clipsBefore.map((clip) => ({ ...clip, tags: normalizeTags([...clip.tags, clean]), updatedAt: now }));
      const highlightsAfter = highlightsBefore.map((h) => ({ ...h, tags: normalizeTags([...h.tags, clean]), updatedAt: now }));
      const undoId = await db.transaction('rw', db.clips, db.highlights, db.undo, async () => {
        await db.clips.bulkPut(clipsAfter);
        await db.highlights.bulkPut(highlightsAfter);
        return recordUndo(db, { clips: clipsBefore, highlights: highlightsBefore, collections: [], createdCollections: [] }, now);
      });
      await reindex(clipsAfter, highlightsAfter);
      return { undoId, summary: `Tagged ${plural(clipsAfter.length + highlightsAfter.length, 'item')} “${clean}”.` };
    },

    /** Deletes the selected items (a clip with its highlights), out of every collection too. */
    async bulkDelete({ items }: { items: ItemRef[] }): Promise<{ undoId: string; summary: string }> {
      const now = Date.now();
      const selected = await loadSelection(db, items);
      const pageHighlights = await db.highlights
        .where('clipId')
        .anyOf(selected.clips.map((clip) => clip.id))
        .toArray();
      const highlights = [...new Map([...selected.highlights, ...pageHighlights].map((h) => [h.id, h])).values()];
      const refs: ItemRef[] = [
        ...selected.clips.map((clip) => ({ type: 'clip' as const, id: clip.id })),
        ...highlights.map((highlight) => ({ type: 'highlight' as const, id: highlight.id })),
      ];
      const undoId = await db.transaction('rw', [db.clips, db.highlights, db.collections, db.tombstones, db.undo], async () => {
        const holding = (await db.collections.toArray()).filter((c: Collection) =>
          c.items.some((item) => refs.some((ref) => sameItem(item, ref))),
        );
        await db.collections.bulkPut(holding.map((collection) => removeItems(collection, refs, now)));
        await db.clips.bulkDelete(selected.clips.map((clip) => clip.id));
        await db.highlights.bulkDelete(highlights.map((highlight) => highlight.id));
        // Tombstones, so a restarted worker's search index drops them too.
        await db.tombstones.bulkPut(refs.map((ref) => ({ key: `${ref.type}:${ref.id}`, type: ref.type, id: ref.id, deletedAt: now })));
        return recordUndo(db, { clips: selected.clips, highlights, collections: holding, createdCollections: [] }, now);
      });
      for (const ref of refs) changes.itemRemoved(ref);
      await changes.collectionsChanged([]);
      const parts = [
        selected.clips.length ? plural(selected.clips.length, 'clip') : '',
        highlights.length ? plural(highlights.length, 'highlight') : '',
      ];
      return { undoId, summary: `Deleted ${parts.filter(Boolean).join(' and ') || 'nothing'}.` };
    },
  };
}
