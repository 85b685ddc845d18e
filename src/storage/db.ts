// The extension's IndexedDB database (Dexie). Only the background worker opens it.
// Schema versions are only ever appended: each new version states its tables and, if needed, an upgrade.
import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { Clip } from '../core/page-capture';

export const DB_NAME = 'crisscross';

export class CrisscrossDb extends Dexie {
  clips!: EntityTable<Clip, 'id'>;

  constructor(name: string = DB_NAME, options?: DexieOptions) {
    super(name, options);
    // Version 1: clips, found by id, by any of their addresses, by date and by site.
    this.version(1).stores({
      clips: 'id, &canonicalUrl, *aliases, savedAt, updatedAt, siteName, *tags',
    });
  }
}
