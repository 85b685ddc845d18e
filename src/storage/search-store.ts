// What the search index reads from storage: its snapshot (saved in parts), the changes since it, and everything for a rebuild.
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { SearchSnapshotError } from '../core/search/errors';
import type { CrisscrossDb, Tombstone } from './db';

export type SnapshotTier = 'quick' | 'full';

/** A saved tier: its manifest, and its parts read one at a time. */
export interface StoredTier {
  version: number;
  watermark: number;
  /** The transfer that saved it: a quick and a full tier of the same transfer are one snapshot. */
  transfer: string | undefined;
  parts: number;
  /** Part `i`'s text, read on its own; a missing part throws SearchSnapshotError. */
  read(i: number): Promise<string>;
}

const partKey = (tier: SnapshotTier, transfer: string, index: number) => `${tier}:${transfer}:${index}`;

/** The manifest of a saved tier, or undefined when there is none. */
export async function readSnapshotTier(db: CrisscrossDb, tier: SnapshotTier): Promise<StoredTier | undefined> {
  const row = await db.searchSnapshot.get(tier);
  if (!row) return undefined;
  const { version, watermark, transfer, parts, json } = row;
  // A tier saved whole, before snapshots were saved in parts: its one part.
  if (parts === undefined || transfer === undefined) return { version, watermark, transfer, parts: 1, read: async () => json };
  return {
    version,
    watermark,
    transfer,
    parts,
    async read(i) {
      const part = await db.searchSnapshot.get(partKey(tier, transfer, i));
      if (!part) throw new SearchSnapshotError('corrupt', `Search snapshot's ${tier} tier is missing part ${i}`);
      return part.json;
    },
  };
}

/** A saved tier's text as one string: for the quick tier, parsed whole anyway. */
export async function readTierText(tier: StoredTier): Promise<string> {
  const texts: string[] = [];
  for (let i = 0; i < tier.parts; i++) texts.push(await tier.read(i));
  return texts.join('');
}

/** Stores one part of a snapshot being saved; readers see it only once its transfer is committed. */
export async function writeSnapshotPart(
  db: CrisscrossDb,
  part: { tier: SnapshotTier; transfer: string; index: number; version: number; watermark: number; text: string },
): Promise<void> {
  const { tier, transfer, index, version, watermark, text } = part;
  await db.searchSnapshot.put({ tier: partKey(tier, transfer, index), version, watermark, json: text });
}

/**
 * Makes a transfer's stored parts the snapshot: both tiers' manifests in one transaction, so a quick tier
 * never pairs with another snapshot's full tier, and the parts of every other transfer (older snapshots,
 * transfers abandoned half-way) deleted in it.
 */
export async function commitSnapshot(
  db: CrisscrossDb,
  snapshot: { transfer: string; version: number; watermark: number; parts: Record<SnapshotTier, number> },
): Promise<void> {
  const { transfer, version, watermark, parts } = snapshot;
  const ours = (key: string) =>
    key === 'quick' || key === 'full' || key.startsWith(`quick:${transfer}:`) || key.startsWith(`full:${transfer}:`);
  await db.transaction('rw', db.searchSnapshot, async () => {
    const keys = await db.searchSnapshot.toCollection().primaryKeys();
    await db.searchSnapshot.bulkDelete(keys.filter((key) => !ours(key)));
    await db.searchSnapshot.bulkPut([
      { tier: 'quick', version, watermark, json: '', transfer, parts: parts.quick },
      { tier: 'full', version, watermark, json: '', transfer, parts: parts.full },
    ]);
  });
}

export async function clearSnapshot(db: CrisscrossDb): Promise<void> {
  await db.searchSnapshot.clear();
}

export interface StoredChanges {
  clips: Clip[];
  highlights: Highlight[];
  tombstones: Tombstone[];
  /** The newest time seen among the changes (the next watermark). */
  newest: number;
}

/**
 * Everything written or deleted at or after `since`. Inclusive, because several writes can share a
 * millisecond: applying a change twice is harmless, missing one is not.
 */
export async function readChangesSince(db: CrisscrossDb, since: number): Promise<StoredChanges> {
  const [clips, highlights, tombstones] = await db.transaction('r', db.clips, db.highlights, db.tombstones, () =>
    Promise.all([
      db.clips.where('updatedAt').aboveOrEqual(since).toArray(),
      db.highlights.where('updatedAt').aboveOrEqual(since).toArray(),
      db.tombstones.where('deletedAt').aboveOrEqual(since).toArray(),
    ]),
  );
  // A loop, not Math.max(...): a rebuild-sized change list would overflow the argument stack.
  let newest = since;
  for (const time of [...clips.map((c) => c.updatedAt), ...highlights.map((h) => h.updatedAt), ...tombstones.map((t) => t.deletedAt)]) {
    if (time > newest) newest = time;
  }
  return { clips, highlights, tombstones, newest };
}

/** What a highlight's search entry takes from its page (the clip it was made on). */
export type HighlightPage = Pick<Clip, 'title' | 'url' | 'siteName'>;

/** Walks every clip in batches, in id order, yielding between batches. */
export async function* allClipsInBatches(db: CrisscrossDb, batchSize = 500): AsyncGenerator<Clip[]> {
  let lastClip = '';
  for (;;) {
    const clips = await db.clips.where('id').above(lastClip).limit(batchSize).toArray();
    if (clips.length === 0) break;
    lastClip = clips[clips.length - 1]!.id;
    yield clips;
  }
}

/**
 * Walks every clip, then every highlight, in batches (for a rebuild), yielding between batches.
 * Highlights come with their pages, remembered as the clips went by: reading the clips again for
 * them would bring every highlighted article's HTML and text back into memory, at a pace that made
 * the end of a rebuild its peak.
 */
export async function* allItemsInBatches(
  db: CrisscrossDb,
  batchSize: number,
): AsyncGenerator<{ clips: Clip[]; highlights: Highlight[]; pages: ReadonlyMap<string, HighlightPage> }> {
  const highlighted = new Set(await db.highlights.orderBy('clipId').uniqueKeys());
  const pages = new Map<string, HighlightPage>();
  for await (const clips of allClipsInBatches(db, batchSize)) {
    for (const { id, title, url, siteName } of clips) if (highlighted.has(id)) pages.set(id, { title, url, siteName });
    yield { clips, highlights: [], pages };
  }
  let lastHighlight = '';
  for (;;) {
    const highlights = await db.highlights.where('id').above(lastHighlight).limit(batchSize).toArray();
    if (highlights.length === 0) break;
    lastHighlight = highlights[highlights.length - 1]!.id;
    yield { clips: [], highlights, pages };
  }
}
