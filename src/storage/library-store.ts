// Pages of the library list, read in index order so a 100,000-item library never loads whole. Every
// order is a compound index of [sort key, id], so rows with the same key keep one order and a page can
// start right after the last row of the one before (keyset paging: one index seek, however deep).
// A jump near either end (a scrollbar dragged) walks index keys from that end; one far from both reads
// the list's ids in order once, kept until the library changes, and takes its page from them.
import type { EntityTable } from 'dexie';
import type { ItemRef } from '../core/collection';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import type { LibraryItem, LibraryListQuery, LibrarySort, ListCursor } from '../messaging/protocol';
import { clipListRow, clipRowItem, type ClipRow } from './clip-rows';
import type { CrisscrossDb } from './db';
import { NOTED_KEY } from './list-keys';
import { setsAnyFilter } from '../core/search/filters';
import { idsPassing } from './list-filters';

/** An order of a list: its index, its direction, and where a record sits in it. */
interface ListOrder<T> {
  index: string;
  reverse: boolean;
  cursorOf: (record: T) => ListCursor;
  /** Only some records are in the index, so the list's size is the index's count, not the table's. */
  sparse?: boolean;
}

/** Clips are listed from their rows (clip-rows.ts), which carry the sort keys and nothing a row does not show. */
const CLIP_ORDERS: Record<LibrarySort, ListOrder<ClipRow>> = {
  saved: { index: '[savedAt+id]', reverse: true, cursorOf: (row) => [row.savedAt, row.id] },
  // Undated clips have '' as their key, so they follow the dated ones.
  published: { index: '[published+id]', reverse: true, cursorOf: (row) => [row.published, row.id] },
  title: { index: '[title+id]', reverse: false, cursorOf: (row) => [row.title, row.id] },
  site: { index: '[siteName+id]', reverse: false, cursorOf: (row) => [row.siteName, row.id] },
};
const byCreated = (highlight: Highlight): ListCursor => [highlight.createdAt, highlight.id];
const HIGHLIGHT_ORDER: ListOrder<Highlight> = { index: '[createdAt+id]', reverse: true, cursorOf: byCreated };
/** Only highlights with a note are in this index. */
const NOTED_ORDER: ListOrder<Highlight> = { index: `[${NOTED_KEY}+id]`, reverse: true, cursorOf: byCreated, sparse: true };

export function clipRow(clip: Clip): LibraryItem {
  return clipRowItem(clipListRow(clip));
}

/** The page a highlight is on, as a clip or its row. */
type PageOf = Pick<Clip, 'title' | 'siteName' | 'url' | 'publishedAt'>;

export function highlightRow(highlight: Highlight, clip: PageOf | undefined): LibraryItem {
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

/** Where a page of a list starts: right after a known row, or at an offset. */
export interface PageRequest {
  offset: number;
  limit: number;
  after?: ListCursor;
}

type Page<T> = { records: T[]; total: number; last: ListCursor | null };

async function readPage<T extends { id: string }>(
  db: CrisscrossDb,
  table: EntityTable<T, 'id'>,
  order: ListOrder<T>,
  total: number,
  page: PageRequest,
): Promise<Page<T>> {
  let records: T[];
  if (page.after) {
    const range = order.reverse ? table.where(order.index).below(page.after).reverse() : table.where(order.index).above(page.after);
    records = await range.limit(page.limit).toArray();
  } else {
    const ids = await idsAt(db, table, order, total, page.offset, page.limit);
    records = (await table.bulkGet(ids as never[])).filter((record): record is Awaited<T> => record !== undefined) as T[];
  }
  return { records, total, last: records.length > 0 ? order.cursorOf(records.at(-1)!) : null };
}

/** Further than this from both ends of a list, a jump takes its page from the list's kept ids. */
const WALK_LIMIT = 400;
/** How long after a long list's first pages its ids are read in the background. */
const ID_PREFETCH_DELAY_MS = 2_000;

/**
 * The ids of rows [offset, offset + limit). Near an end, walking index keys (no records are read) from
 * that end costs what the first page does; far from both, walking would pass tens of thousands of keys
 * (a second at 100,000 items), so the list's ids are read whole, once, and kept until the library changes.
 */
async function idsAt<T extends { id: string }>(
  db: CrisscrossDb,
  table: EntityTable<T, 'id'>,
  order: ListOrder<T>,
  total: number,
  offset: number,
  limit: number,
): Promise<string[]> {
  const end = Math.min(total, offset + limit);
  if (end <= offset) return [];
  const ordered = table.orderBy(order.index);
  if (offset <= WALK_LIMIT) {
    // A long list read from its start is likely to be jumped through: its ids are read in the background,
    // so the first jump past WALK_LIMIT need not wait for them. Not at once: reading 100,000 keys holds
    // up the database's other reads for a second or two, and the page's first rows come first.
    if (total > 2 * WALK_LIMIT) setTimeout(() => void idsInOrder(db, table, order).catch(() => undefined), ID_PREFETCH_DELAY_MS);
    return (await (order.reverse ? ordered.reverse() : ordered)
      .offset(offset)
      .limit(end - offset)
      .primaryKeys()) as string[];
  }
  if (total - end <= WALK_LIMIT) {
    const backwards = (await (order.reverse ? ordered : ordered.reverse())
      .offset(total - end)
      .limit(end - offset)
      .primaryKeys()) as string[];
    return backwards.reverse();
  }
  return (await idsInOrder(db, table, order)).slice(offset, end);
}

/** Every id of a list, in its order, kept until the library changes. */
function idsInOrder<T extends { id: string }>(db: CrisscrossDb, table: EntityTable<T, 'id'>, order: ListOrder<T>): Promise<string[]> {
  return db.writes.kept(`order:${table.name}:${order.index}`, async () => {
    const keys = (await table.orderBy(order.index).primaryKeys()) as string[];
    return order.reverse ? keys.reverse() : keys;
  });
}

/** A list's size: its index's count when only some records are in it, else the table's. */
const countOf = <T extends { id: string }>(db: CrisscrossDb, table: EntityTable<T, 'id'>, order: ListOrder<T>) =>
  db.writes.kept(`count:${order.sparse ? `${table.name}:${order.index}` : table.name}`, () =>
    order.sparse ? table.orderBy(order.index).count() : table.count(),
  );

export async function listClips(
  db: CrisscrossDb,
  sort: LibrarySort,
  page: PageRequest,
): Promise<{ items: LibraryItem[]; total: number; last: ListCursor | null }> {
  const order = CLIP_ORDERS[sort];
  const { records, total, last } = await readPage(db, db.clipRows, order, await countOf(db, db.clipRows, order), page);
  return { items: records.map(clipRowItem), total, last };
}

export async function listHighlights(
  db: CrisscrossDb,
  hasNotes: boolean,
  page: PageRequest,
  orphanedOnly = false,
): Promise<{ items: LibraryItem[]; total: number; last: ListCursor | null }> {
  if (orphanedOnly) return listOrphanedHighlights(db, hasNotes, page.offset, page.limit);
  const order = hasNotes ? NOTED_ORDER : HIGHLIGHT_ORDER;
  const { records, total, last } = await readPage(db, db.highlights, order, await countOf(db, db.highlights, order), page);
  return { items: await withPages(db, records), total, last };
}

/** One page of any library list. */
export async function listLibrary(
  db: CrisscrossDb,
  query: LibraryListQuery,
  page: PageRequest,
): Promise<{ items: LibraryItem[]; total: number; last: ListCursor | null }> {
  if (query.filters && setsAnyFilter(query.filters)) {
    const ids = await filteredIds(db, query);
    const chosen = ids.slice(page.offset, page.offset + page.limit);
    const items =
      query.type === 'clip'
        ? (await db.clipRows.bulkGet(chosen)).filter((row): row is ClipRow => row !== undefined).map(clipRowItem)
        : await withPages(
            db,
            (await db.highlights.bulkGet(chosen)).filter((h): h is Highlight => h !== undefined),
          );
    // A filtered list is a slice of the ids kept below, so pages go by offset alone.
    return { items, total: ids.length, last: null };
  }
  return query.type === 'clip' ? listClips(db, query.sort, page) : listHighlights(db, query.hasNotes, page, query.orphaned);
}

/** The ids of a filtered list, in its order: the sort index's keys, keeping those that pass. */
function filteredIds(db: CrisscrossDb, query: LibraryListQuery): Promise<string[]> {
  return db.writes.kept(`filtered:${JSON.stringify(query)}`, async () => {
    const passing = await idsPassing(db, query.type, query.filters ?? {});
    let ordered: string[];
    if (query.type === 'highlight' && query.orphaned) {
      ordered = (await listOrphanedHighlights(db, query.hasNotes, 0, Infinity)).items.map((item) => item.id);
    } else if (query.type === 'clip') {
      ordered = await idsInOrder(db, db.clipRows, CLIP_ORDERS[query.sort]);
    } else {
      ordered = await idsInOrder(db, db.highlights, query.hasNotes ? NOTED_ORDER : HIGHLIGHT_ORDER);
    }
    return ordered.filter((id) => passing.has(id));
  });
}

/** The items of rows [offset, offset + limit) of a list (all of it by default), read from index keys alone. */
export async function listLibraryRefs(db: CrisscrossDb, query: LibraryListQuery, offset = 0, limit = Infinity): Promise<ItemRef[]> {
  if (query.filters && setsAnyFilter(query.filters)) {
    return (await filteredIds(db, query)).slice(offset, offset + limit).map((id) => ({ type: query.type, id }));
  }
  if (query.type === 'highlight' && query.orphaned) {
    const { items } = await listOrphanedHighlights(db, query.hasNotes, offset, limit);
    return items.map((item) => ({ type: 'highlight', id: item.id }));
  }
  const ids =
    query.type === 'clip'
      ? await idsAt(db, db.clipRows, CLIP_ORDERS[query.sort], await countOf(db, db.clipRows, CLIP_ORDERS[query.sort]), offset, limit)
      : await (async () => {
          const order = query.hasNotes ? NOTED_ORDER : HIGHLIGHT_ORDER;
          return idsAt(db, db.highlights, order, await countOf(db, db.highlights, order), offset, limit);
        })();
  return ids.map((id) => ({ type: query.type, id }));
}

/** Orphans are few (a highlight whose text left its page), so they are read whole and sorted here. */
async function listOrphanedHighlights(db: CrisscrossDb, hasNotes: boolean, offset: number, limit: number) {
  const ids = (await db.orphans.toCollection().primaryKeys()) as string[];
  const highlights = (await db.highlights.bulkGet(ids))
    .filter((h): h is Highlight => Boolean(h) && (!hasNotes || h!.note.trim() !== ''))
    .sort((a, b) => b.createdAt - a.createdAt);
  return { items: await withPages(db, highlights.slice(offset, offset + limit)), total: highlights.length, last: null };
}

/** A highlight row shows its page's title, site and dates, read from the clips' rows (not whole clips). */
async function withPages(db: CrisscrossDb, highlights: Highlight[]): Promise<LibraryItem[]> {
  const rows = await db.clipRows.bulkGet([...new Set(highlights.map((h) => h.clipId))]);
  const byId = new Map(rows.filter((row): row is ClipRow => Boolean(row)).map((row) => [row.id, row]));
  return highlights.map((h) => highlightRow(h, byId.get(h.clipId)));
}
