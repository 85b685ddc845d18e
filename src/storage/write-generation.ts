// Counts of the library's tables, kept until the library changes. IndexedDB has no stored counts: in
// Chromium count() walks every key of the range, about 150 ms for 80,000 clips, and every page of the
// library list needs its list's size. The worker is the database's only writer, so its connection sees
// every change: a generation number moves on each time a read-write transaction touching the library's
// tables commits, and a count taken at an older generation is taken again.
import type { DBCore, Middleware } from 'dexie';

/** Tables whose counts and contents the library list depends on. */
const LIBRARY_TABLES = ['clips', 'clipRows', 'highlights', 'collections', 'orphans'];

export interface WriteGeneration {
  /** Registered on the database with db.use(). */
  middleware: Middleware<DBCore>;
  /** Moves on after every committed write to a library table. */
  readonly current: number;
  /** `count()` from the cache when nothing was written to the library since it was taken. */
  cachedCount(key: string, count: () => Promise<number>): Promise<number>;
}

export function createWriteGeneration(): WriteGeneration {
  let generation = 0;
  const counts = new Map<string, { generation: number; value: number }>();
  const bump = () => {
    generation++;
    counts.clear();
  };
  return {
    middleware: {
      stack: 'dbcore',
      name: 'library-write-generation',
      create: (down) => ({
        ...down,
        transaction(stores, mode, options) {
          const trans = down.transaction(stores, mode, options);
          if (mode === 'readwrite' && stores.some((store) => LIBRARY_TABLES.includes(store))) {
            // On commit, not on each write: a count started before the commit could still see the old rows,
            // and one started after must not be answered from the cache.
            (trans as unknown as IDBTransaction).addEventListener('complete', bump);
          }
          return trans;
        },
      }),
    },
    get current() {
      return generation;
    },
    async cachedCount(key, count) {
      const kept = counts.get(key);
      if (kept && kept.generation === generation) return kept.value;
      const started = generation;
      const value = await count();
      // A write that committed while counting may or may not be in `value`: keep it only if none did.
      if (generation === started) counts.set(key, { generation: started, value });
      return value;
    },
  };
}
