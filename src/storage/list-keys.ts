// Sort keys the library list needs that a record cannot index as it is: a clip's published date with
// undated clips included (IndexedDB leaves a null out of an index), and a highlight's date only when it
// has a note (so "only with notes" is an index range, not a filter over every highlight). They are
// written beside the record on every add or put, and taken off again when a record is read, so the
// rest of the extension (and every export) sees records exactly as their types describe them.
import type { DBCore, DBCoreTable, Middleware } from 'dexie';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';

/** The clip's published date, or '' when it has none: '' sorts before every date, so undated clips end a newest-first list. */
export const PUBLISHED_KEY = 'listPublished';
/** The highlight's `createdAt` when its note has text; absent otherwise, which leaves it out of the index. */
export const NOTED_KEY = 'listNoted';

type WithListKeys<T> = T & Record<string, unknown>;

export function withClipListKeys(clip: Clip): WithListKeys<Clip> {
  return { ...clip, [PUBLISHED_KEY]: clip.publishedAt ?? '' };
}

export function withHighlightListKeys(highlight: Highlight): WithListKeys<Highlight> {
  const keyed: WithListKeys<Highlight> = { ...highlight };
  if (highlight.note.trim() !== '') keyed[NOTED_KEY] = highlight.createdAt;
  else delete keyed[NOTED_KEY];
  return keyed;
}

const DERIVE: Record<string, (value: never) => unknown> = { clips: withClipListKeys, highlights: withHighlightListKeys };

/**
 * A Dexie middleware that adds the list keys to every record of these tables written, however it is
 * written. From schema version 9 clips are listed from their rows (clip-rows.ts), so only highlights need them.
 */
export const listKeysMiddleware = (tables: ReadonlyArray<keyof typeof DERIVE>): Middleware<DBCore> => ({
  stack: 'dbcore',
  name: 'library-list-keys',
  create: (down) => ({
    ...down,
    table(name: string): DBCoreTable {
      const table = down.table(name);
      const derive = tables.includes(name) ? DERIVE[name] : undefined;
      if (!derive) return table;
      return {
        ...table,
        mutate: (request) =>
          request.type === 'add' || request.type === 'put'
            ? table.mutate({ ...request, values: request.values.map((value) => derive(value as never)) })
            : table.mutate(request),
      };
    },
  }),
});

/** Takes the list keys off a record read from the database. */
export function withoutListKeys<T>(record: T): T {
  if (record && typeof record === 'object') {
    delete (record as Record<string, unknown>)[PUBLISHED_KEY];
    delete (record as Record<string, unknown>)[NOTED_KEY];
  }
  return record;
}
