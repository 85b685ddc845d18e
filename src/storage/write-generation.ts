// Values read from the library's tables (list sizes, lists of ids), kept until the library changes.
// IndexedDB has no stored counts: in Chromium count() walks every key of the range, about 150 ms for
// 80,000 clips, and every page of the library list needs its list's size. The worker is the database's
// only writer, so its connection sees every change: whatever is kept is dropped each time a read-write
// transaction touching the library's tables commits.
import type { DBCore, Middleware } from 'dexie';

/** Tables whose contents the kept values are read from. */
const LIBRARY_TABLES = ['clips', 'clipRows', 'highlights', 'collections', 'orphans'];
/** Values kept at most (a list of ids at 100,000 items is a few megabytes); the oldest goes first. */
const MAX_KEPT = 16;

export interface WriteGeneration {
  /** Registered on the database with db.use(). */
  middleware: Middleware<DBCore>;
  /**
   * The value `make` reads, kept until a write to the library commits. The promise is kept, not the
   * value, so a second request while the first reads shares its read.
   */
  kept<T>(key: string, make: () => Promise<T>): Promise<T>;
}

export function createWriteGeneration(): WriteGeneration {
  const values = new Map<string, Promise<unknown>>();
  return {
    middleware: {
      stack: 'dbcore',
      name: 'library-write-generation',
      create: (down) => ({
        ...down,
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && stores.some((store) => LIBRARY_TABLES.includes(store))) {
            // On commit, not on each write: a read started before the commit could still see the old
            // rows (it is dropped here with the rest), and one started after must not be answered from before.
            (trans as unknown as IDBTransaction).addEventListener('complete', () => values.clear());
          }
          return trans;
        },
      }),
    },
    kept<T>(key: string, make: () => Promise<T>): Promise<T> {
      const kept = values.get(key);
      if (kept) return kept as Promise<T>;
      const value = make();
      values.set(key, value);
      if (values.size > MAX_KEPT) values.delete(values.keys().next().value!);
      value.catch(() => {
        if (values.get(key) === value) values.delete(key);
      });
      return value;
    },
  };
}
