// A small record per clip holding only what a library list row shows, so a page of clips reads a few
// hundred bytes a row instead of each clip's whole article text and HTML. The rows live in their own
// table (clipRows, schema version 9) with the list's [sort key+id] indexes, and a DBCore middleware
// keeps them in step with the clips table on every write (put, add, update, modify, delete, clear, bulk
// or not, whichever module makes it), in the same transaction, so a row can never outlive or lag its clip.
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { Clip } from '../core/page-capture';
import type { LibraryItem } from '../messaging/protocol';

export const CLIPS = 'clips';
export const CLIP_ROWS = 'clipRows';

/** What a list row shows of a clip, plus the key it is sorted by published date with. */
export interface ClipRow {
  id: string;
  title: string;
  siteName: string;
  url: string;
  savedAt: number;
  publishedAt: string | null;
  /** The clip's excerpt. */
  summary: string;
  tags: string[];
  /** The published date, or '' when there is none ('' sorts before every date; IndexedDB would leave a null out of the index). */
  published: string;
}

export function clipListRow(clip: Clip): ClipRow {
  return {
    id: clip.id,
    title: clip.title,
    siteName: clip.siteName,
    url: clip.url,
    savedAt: clip.savedAt,
    publishedAt: clip.publishedAt ?? null,
    summary: clip.excerpt,
    tags: clip.tags,
    published: clip.publishedAt ?? '',
  };
}

export function clipRowItem(row: ClipRow): LibraryItem {
  const { id, title, siteName, url, savedAt, publishedAt, summary, tags } = row;
  return { type: 'clip', id, clipId: id, title, siteName, url, savedAt, publishedAt, summary, note: '', tags };
}

/**
 * A write to clips in a version upgrade may run before the upgrade that creates clipRows (a database
 * several versions old); that upgrade then fills every row from the clips, so the write can skip them.
 */
function hasRowTable(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !names || names.contains(CLIP_ROWS);
}

/** The row writes that mirror one clips write that has been made (failed values get no row). */
function mirror(request: DBCoreMutateRequest, response: DBCoreMutateResponse): DBCoreMutateRequest | null {
  const { trans } = request;
  switch (request.type) {
    case 'add':
    case 'put': {
      const values = request.values.filter((_, index) => !response.failures[index]).map((clip) => clipListRow(clip as Clip));
      return values.length > 0 ? { type: 'put', trans, values } : null;
    }
    case 'delete':
      return { type: 'delete', trans, keys: request.keys };
    case 'deleteRange':
      return { type: 'deleteRange', trans, range: request.range };
  }
}

/**
 * Keeps clipRows equal to the clips table mapped by clipListRow.
 *
 * Dexie opens an IndexedDB transaction with exactly the tables a caller named, and a middleware cannot
 * reach a table outside it. Rather than rely on every `db.transaction('rw', db.clips, …)` (and every
 * implicit one a bare `db.clips.put` opens) also naming clipRows, the middleware widens the scope
 * itself: every read-write transaction that includes clips is opened with clipRows as well. Dexie
 * routes every transaction it opens through DBCore's `transaction`, so no write to clips can miss it.
 */
export const clipRowsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'library-clip-rows',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes(CLIPS) && !stores.includes(CLIP_ROWS) ? [...stores, CLIP_ROWS] : stores,
        mode,
        options,
      ),
    table(name: string): DBCoreTable {
      const table = down.table(name);
      if (name !== CLIPS) return table;
      return {
        ...table,
        mutate: async (request) => {
          const response = await table.mutate(request);
          const rowsWrite = hasRowTable(request.trans) ? mirror(request, response) : null;
          if (rowsWrite) await down.table(CLIP_ROWS).mutate(rowsWrite);
          return response;
        },
      };
    },
  }),
};
