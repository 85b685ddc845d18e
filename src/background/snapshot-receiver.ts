// The worker's end of snapshot saves from the search host: the host builds the snapshot and sends it in
// parts; the worker, the database's only writer, stores it once the last part is in.
import { createSnapshotAssembler, type SnapshotPart } from '../core/search/snapshot-transfer';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from '../storage/db';
import { clearSnapshot, writeSnapshot } from '../storage/search-store';

export function createSnapshotReceiver(db: CrisscrossDb) {
  const assembler = createSnapshotAssembler();
  return {
    async savePart(part: SnapshotPart): Promise<{ stored: boolean }> {
      let snapshot;
      try {
        snapshot = assembler.add(part);
      } catch (error) {
        // A worker started mid-transfer never saw its start: the host tries again after its next change.
        throw new RequestError((error as Error).message, 'invalid-request');
      }
      if (!snapshot) return { stored: false };
      await writeSnapshot(db, snapshot);
      return { stored: true };
    },
    async clear(): Promise<{ cleared: true }> {
      await clearSnapshot(db);
      return { cleared: true };
    },
  };
}
