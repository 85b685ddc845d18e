// The error a caller catches to know a saved index snapshot is unusable and must be rebuilt.

/** Why a snapshot was refused: made by another index version, or damaged. */
export type SnapshotErrorReason = 'version-mismatch' | 'corrupt';

/**
 * Thrown when a snapshot cannot be restored. Either way the remedy is the same,
 * rebuilding the index from storage; `reason` is there for logging.
 */
export class SearchSnapshotError extends Error {
  override readonly name = 'SearchSnapshotError';
  readonly reason: SnapshotErrorReason;

  constructor(reason: SnapshotErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** Type guard for catch blocks. */
export function isSearchSnapshotError(error: unknown): error is SearchSnapshotError {
  return error instanceof SearchSnapshotError;
}
