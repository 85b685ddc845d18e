// The extension's IndexedDB database (Dexie). Only the background worker opens it.
// Schema versions are only ever appended: each new version states its tables and, if needed, an upgrade.
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { Collection } from '../core/collection';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { CLIP_ROWS, clipListRow, clipRowsMiddleware, type ClipRow } from './clip-rows';
import { createWriteGeneration, type WriteGeneration } from './write-generation';
import { listKeysMiddleware, NOTED_KEY, PUBLISHED_KEY, withClipListKeys, withHighlightListKeys, withoutListKeys } from './list-keys';

export const DB_NAME = 'crisscross';

/** Each schema version, oldest first. Never edit a published entry: append a new one. */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string>; upgrade?: (tx: Transaction) => Promise<unknown> }[] = [
  // 1: clips, found by id, by any of their addresses, by date and by site.
  { version: 1, stores: { clips: 'id, &canonicalUrl, *aliases, savedAt, updatedAt, siteName, *tags' } },
  // 2: highlights, each on one clip's page.
  { version: 2, stores: { highlights: 'id, clipId, updatedAt, *tags' } },
  // 3: the search index's snapshot (one row per tier) and tombstones of deleted items, so a
  //    restarted worker catches its index up with deletions as well as writes.
  { version: 3, stores: { searchSnapshot: 'tier', tombstones: 'key, deletedAt' } },
  // 4: the library page sorts clips by title and published date.
  {
    version: 4,
    stores: {
      clips: 'id, &canonicalUrl, *aliases, savedAt, updatedAt, siteName, *tags, title, publishedAt',
      highlights: 'id, clipId, updatedAt, createdAt, *tags',
    },
  },
  // 5: collections (named, ordered sets of clips and highlights; imports carry them).
  { version: 5, stores: { collections: 'id, name, updatedAt' } },
  // 6: connections the user confirmed or dismissed (by unordered item pair), and the connection
  //    index's snapshot.
  { version: 6, stores: { links: 'pair, status, createdAt', connectionSnapshot: 'id' } },
  // 7: what an undoable change (a deleted collection, a bulk action) replaced, so "Undo" can put it
  //    back even after the worker restarted; and the highlights not found on their page the last
  //    time it was asked (kept apart from the highlight, which exports carry as it is).
  { version: 7, stores: { undo: 'id, createdAt', orphans: 'id, clipId' } },
  // 8: the library list pages by sort key and id (so a page starts right after the last row shown, and
  //    ties never repeat or skip a row), undated clips included, and highlights with notes by index
  //    (see list-keys.ts).
  {
    version: 8,
    stores: {
      clips: `id, &canonicalUrl, *aliases, savedAt, updatedAt, siteName, *tags, title, publishedAt, [savedAt+id], [title+id], [siteName+id], [${PUBLISHED_KEY}+id]`,
      highlights: `id, clipId, updatedAt, createdAt, *tags, [createdAt+id], [${NOTED_KEY}+id]`,
    },
    upgrade: (tx) =>
      Promise.all([
        tx
          .table('clips')
          .toCollection()
          .modify((clip: Clip, ref: { value: unknown }) => void (ref.value = withClipListKeys(clip))),
        tx
          .table('highlights')
          .toCollection()
          .modify((highlight: Highlight, ref: { value: unknown }) => void (ref.value = withHighlightListKeys(highlight))),
      ]),
  },
  // 9: a small row per clip that the library list pages on (see clip-rows.ts), so a page of clips does
  //    not read whole articles; the clips' list indexes move to it.
  {
    version: 9,
    stores: {
      clips: 'id, &canonicalUrl, *aliases, savedAt, updatedAt, siteName, *tags, title, publishedAt',
      [CLIP_ROWS]: 'id, [savedAt+id], [title+id], [siteName+id], [published+id]',
    },
    upgrade: (tx) => fillClipRows(tx),
  },
];

/** The first version with the library list's keys, and the first with clip rows: older ones are opened only by the upgrade tests. */
const LIST_KEYS_VERSION = 8;
const CLIP_ROWS_VERSION = 9;

/** Writes every clip's row, a batch of clips at a time (by id), so a large library is never read whole. */
async function fillClipRows(tx: Transaction, batchSize = 500): Promise<void> {
  let after: string | null = null;
  for (;;) {
    const clips: Clip[] = await (after === null ? tx.table('clips').orderBy(':id') : tx.table('clips').where(':id').above(after))
      .limit(batchSize)
      .toArray();
    if (clips.length === 0) return;
    await tx.table(CLIP_ROWS).bulkPut(clips.map(clipListRow));
    after = clips.at(-1)!.id;
  }
}

/** A connection the user confirmed (kept, exported) or dismissed (never shown again). */
export interface Link {
  /** Unordered pair of item keys ("c:<id>"), see pairKey. */
  pair: string;
  a: string;
  b: string;
  status: 'confirmed' | 'dismissed';
  note: string;
  /** The shared terms that explained it when confirmed. */
  terms: string[];
  createdAt: number;
}

/** The records an undoable change replaced or removed, and what it created. */
export interface UndoEntry {
  id: string;
  createdAt: number;
  /** Records as they were before the change, put back by undo. */
  clips: Clip[];
  highlights: Highlight[];
  collections: Collection[];
  /** Collections the change created, deleted by undo. */
  createdCollections: string[];
}

/** A highlight that could not be anchored the last time its page reported (its id is the highlight's). */
export interface Orphan {
  id: string;
  clipId: string;
  seenAt: number;
}

/**
 * A row of the persisted search index (search-store.ts): a tier's manifest (key 'quick' or 'full',
 * naming its transfer and part count), one part of a tier (key `${tier}:${transfer}:${index}`, its text
 * in json), or a tier saved whole before snapshots were saved in parts (no `parts`).
 */
export interface SearchSnapshotRow {
  tier: string;
  version: number;
  watermark: number;
  json: string;
  transfer?: string;
  parts?: number;
}

/** A deleted item, kept so the search index can drop it after a restart. */
export interface Tombstone {
  /** "clip:<id>" or "highlight:<id>". */
  key: string;
  type: 'clip' | 'highlight';
  id: string;
  deletedAt: number;
}

export class CrisscrossDb extends Dexie {
  clips!: EntityTable<Clip, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;
  searchSnapshot!: EntityTable<SearchSnapshotRow, 'tier'>;
  tombstones!: EntityTable<Tombstone, 'key'>;
  collections!: EntityTable<Collection, 'id'>;
  links!: EntityTable<Link, 'pair'>;
  /**
   * The connection index (json), the collection names its clips were indexed with, and the
   * library-wide connections found on it (library, JSON), saved together so they always match.
   */
  connectionSnapshot!: EntityTable<
    { id: 'index'; watermark: number; json: string; collections?: Array<[string, string]>; library?: string },
    'id'
  >;
  undo!: EntityTable<UndoEntry, 'id'>;
  orphans!: EntityTable<Orphan, 'id'>;
  /** Only the library list reads these (library-store.ts); the middleware keeps them equal to clips. */
  clipRows!: EntityTable<ClipRow, 'id'>;
  /** List sizes and id lists read from the library, kept until a library write commits. */
  readonly writes: WriteGeneration = createWriteGeneration();

  constructor(name: string = DB_NAME, options?: DexieOptions & { upToVersion?: number }) {
    super(name, options);
    // upToVersion opens an older schema: only the upgrade tests use it.
    const last = options?.upToVersion ?? Infinity;
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      if (version > last) continue;
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    this.use(this.writes.middleware);
    if (last >= CLIP_ROWS_VERSION) this.use(clipRowsMiddleware);
    if (last >= LIST_KEYS_VERSION) {
      this.use(listKeysMiddleware(last >= CLIP_ROWS_VERSION ? ['highlights'] : ['clips', 'highlights']));
      this.clips.hook('reading', withoutListKeys);
      this.highlights.hook('reading', withoutListKeys);
    }
  }
}
