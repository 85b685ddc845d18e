// What the derived indexes (search, connections) are told after a write, so each stays current.
import type { ItemRef } from '../core/collection';
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';

export interface LibraryChanges {
  clipSaved(clip: Clip): void;
  highlightSaved(highlight: Highlight, clip: Clip | undefined): void;
  itemRemoved(ref: ItemRef): void;
  /** Collections holding these items changed: their collection names are indexed again. */
  collectionsChanged(refs: readonly ItemRef[]): Promise<void>;
}
