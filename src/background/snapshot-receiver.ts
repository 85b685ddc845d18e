// The worker's end of snapshot saves: the search host builds the snapshot and sends it in parts (UTF-8
// bytes); the worker, the database's only writer, stores each part's text as it arrives and commits the
// snapshot with the last, so neither side ever holds a whole tier as one string.
import type { SearchSnapshot } from '../core/search';
import { createPartSequencer, splitSnapshot, type SnapshotPart } from '../core/search/snapshot-transfer';
import { RequestError } from '../messaging/result';
import { MAX_SNAPSHOT_PART_BYTES } from '../messaging/schemas';
import type { CrisscrossDb } from '../storage/db';
import { clearSnapshot, commitSnapshot, writeSnapshotPart } from '../storage/search-store';

const utf8 = new TextDecoder();

export function createSnapshotReceiver(db: CrisscrossDb) {
  const sequencer = createPartSequencer();
  return {
    async savePart(part: SnapshotPart): Promise<{ stored: boolean }> {
      let placed;
      try {
        placed = sequencer.add(part);
      } catch (error) {
        // A worker started mid-transfer never saw its start: the host tries again after its next change.
        // The parts stored so far are deleted by the next snapshot's commit.
        throw new RequestError((error as Error).message, 'invalid-request');
      }
      const { transfer, version, watermark } = part;
      // Stored as text: a restore reads strings back from IndexedDB faster than it could decode bytes
      // (TextDecoder took about 17 ms per 2 MB part in Chromium here: 0.7 s for the full tier at 100k).
      const text = utf8.decode(part.bytes);
      await writeSnapshotPart(db, { tier: part.tier, transfer, index: placed.index, version, watermark, text });
      if (!placed.complete) return { stored: false };
      await commitSnapshot(db, { transfer, version, watermark, parts: placed.complete });
      return { stored: true };
    },
    async clear(): Promise<{ cleared: true }> {
      await clearSnapshot(db);
      return { cleared: true };
    },
  };
}

/** Saves a snapshot made in this context (the in-process search host) through the same parts as one sent by the search host. */
export async function writeSnapshotInParts(db: CrisscrossDb, snapshot: SearchSnapshot, partBytes = MAX_SNAPSHOT_PART_BYTES): Promise<void> {
  const receiver = createSnapshotReceiver(db);
  for await (const part of splitSnapshot(snapshot, crypto.randomUUID(), { maxBytes: partBytes })) await receiver.savePart(part);
}
