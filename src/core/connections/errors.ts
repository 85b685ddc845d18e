// The error a caller catches to know a saved connection index is unusable and must be rebuilt.

/** Why a snapshot was refused: made by another version of the engine, or damaged. */
export type ConnectionSnapshotErrorReason = 'version-mismatch' | 'corrupt';

/** Thrown by ConnectionIndex.fromJSON. Either way the remedy is rebuilding from storage. */
export class ConnectionSnapshotError extends Error {
  override readonly name = 'ConnectionSnapshotError';
  readonly reason: ConnectionSnapshotErrorReason;

  constructor(reason: ConnectionSnapshotErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}
