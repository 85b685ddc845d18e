// Pages of the library list, read in index order so a 100,000-item library never loads whole.
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { LibraryItem, LibrarySort } from '../messaging/protocol';
import type { CrisscrossDb } from './db';

const CLIP_ORDER: Record<LibrarySort, { index: string; reverse: boolean }> = {
  saved: { index: 'savedAt', reverse: true },
  published: { index: 'publishedAt', reverse: true },
  title: { index: 'title', reverse: false },
  site: { index: 'siteName', reverse: false },
};

export function clipRow(clip: Clip): LibraryItem {
  return {
    type: 'clip',
    id: clip.id,
    clipId: clip.id,
    title: clip.title,
    siteName: clip.siteName,
    url: clip.url,
    savedAt: clip.savedAt,
    publishedAt: clip.publishedAt,
    summary: clip.excerpt,
    note: '',
    tags: clip.tags,
  };
}

export function highlightRow(highlight: Highlight, clip: Clip | undefined): LibraryItem {
  return {
    type: 'highlight',
    id: highlight.id,
    clipId: highlight.clipId,
    title: clip?.title ?? highlight.pageTitle,
    siteName: clip?.siteName ?? '',
    url: clip?.url ?? highlight.pageUrl,
    savedAt: highlight.createdAt,
    publishedAt: clip?.publishedAt ?? null,
    summary: highlight.text,
    note: highlight.note,
    tags: highlight.tags,
  };
}

export async function listClips(
  db: CrisscrossDb,
  sort: LibrarySort,
  offset: number,
  limit: number,
): Promise<{ items: LibraryItem[]; total: number }> {
  const { index, reverse } = CLIP_ORDER[sort];
  const ordered = db.clips.orderBy(index);
  const [clips, total] = await Promise.all([
    (reverse ? ordered.reverse() : ordered).offset(offset).limit(limit).toArray(),
    db.clips.count(),
  ]);
  // Clips without a published date are not in that index: they follow the dated ones.
  if (sort === 'published' && clips.length < limit) {
    const dated = await db.clips.where('publishedAt').above('').count();
    const undated = await db.clips
      .filter((clip) => !clip.publishedAt)
      .offset(Math.max(0, offset - dated))
      .limit(limit - clips.length)
      .toArray();
    clips.push(...undated);
  }
  return { items: clips.map(clipRow), total };
}

export async function listHighlights(
  db: CrisscrossDb,
  hasNotes: boolean,
  offset: number,
  limit: number,
  orphanedOnly = false,
): Promise<{ items: LibraryItem[]; total: number }> {
  if (orphanedOnly) return listOrphanedHighlights(db, hasNotes, offset, limit);
  const collection = db.highlights.orderBy('createdAt').reverse();
  const filtered = hasNotes ? collection.filter((highlight) => highlight.note.trim() !== '') : collection;
  const [highlights, total] = await Promise.all([filtered.clone().offset(offset).limit(limit).toArray(), filtered.clone().count()]);
  return { items: await withPages(db, highlights), total };
}

/** Orphans are few (a highlight whose text left its page), so they are read whole and sorted here. */
async function listOrphanedHighlights(db: CrisscrossDb, hasNotes: boolean, offset: number, limit: number) {
  const ids = (await db.orphans.toCollection().primaryKeys()) as string[];
  const highlights = (await db.highlights.bulkGet(ids))
    .filter((h): h is Highlight => Boolean(h) && (!hasNotes || h!.note.trim() !== ''))
    .sort((a, b) => b.createdAt - a.createdAt);
  return { items: await withPages(db, highlights.slice(offset, offset + limit)), total: highlights.length };
}

async function withPages(db: CrisscrossDb, highlights: Highlight[]): Promise<LibraryItem[]> {
  const clips = await db.clips.bulkGet([...new Set(highlights.map((h) => h.clipId))]);
  const byId = new Map(clips.filter((c): c is Clip => Boolean(c)).map((c) => [c.id, c]));
  return highlights.map((h) => highlightRow(h, byId.get(h.clipId)));
}
