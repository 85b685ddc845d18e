// The library list's paging before keyset paging (the baseline of the list benchmark): Dexie offset()
// over single-field indexes, undated clips found by a filter over every clip, and highlights with notes
// (and their count) by a filter over every highlight. Runs in the extension page, on the same database.
import type { Highlight } from '../src/core/highlight';
import type { Clip } from '../src/core/page-capture';
import type { LibraryItem, LibraryListQuery, LibrarySort } from '../src/messaging/protocol';
import type { CrisscrossDb } from '../src/storage/db';
import { clipRow, highlightRow } from '../src/storage/library-store';

const OLD_CLIP_ORDER: Record<LibrarySort, { index: string; reverse: boolean }> = {
  saved: { index: 'savedAt', reverse: true },
  published: { index: 'publishedAt', reverse: true },
  title: { index: 'title', reverse: false },
  site: { index: 'siteName', reverse: false },
};

async function naiveClips(db: CrisscrossDb, sort: LibrarySort, offset: number, limit: number) {
  const { index, reverse } = OLD_CLIP_ORDER[sort];
  const ordered = db.clips.orderBy(index);
  const [clips, total] = await Promise.all([
    (reverse ? ordered.reverse() : ordered).offset(offset).limit(limit).toArray(),
    db.clips.count(),
  ]);
  if (sort === 'published' && clips.length < limit) {
    const dated = await db.clips.where('publishedAt').above('').count();
    const undated = await db.clips
      .filter((clip: Clip) => !clip.publishedAt)
      .offset(Math.max(0, offset - dated))
      .limit(limit - clips.length)
      .toArray();
    clips.push(...undated);
  }
  return { items: clips.map(clipRow), total };
}

async function naiveHighlights(db: CrisscrossDb, hasNotes: boolean, offset: number, limit: number) {
  const collection = db.highlights.orderBy('createdAt').reverse();
  const filtered = hasNotes ? collection.filter((highlight: Highlight) => highlight.note.trim() !== '') : collection;
  const [highlights, total] = await Promise.all([filtered.clone().offset(offset).limit(limit).toArray(), filtered.clone().count()]);
  const clips = await db.clips.bulkGet([...new Set(highlights.map((h) => h.clipId))]);
  const byId = new Map(clips.filter((c): c is Clip => Boolean(c)).map((c) => [c.id, c]));
  return { items: highlights.map((h) => highlightRow(h, byId.get(h.clipId))), total };
}

export function naiveListLibrary(
  db: CrisscrossDb,
  query: LibraryListQuery,
  offset: number,
  limit: number,
): Promise<{ items: LibraryItem[]; total: number }> {
  return query.type === 'clip' ? naiveClips(db, query.sort, offset, limit) : naiveHighlights(db, query.hasNotes, offset, limit);
}
