// Which quick-tier document is a full-tier document's twin (the same item), kept between searches. A search
// of both tiers adds every full-tier match to its twin's quick-tier score: found through the item's key,
// that is two Map lookups per match (80,000 for a common word at 100,000 items); remembered, one array read.
import type { TierMatches } from './tier-scorer';

export class TwinIds {
  /** By full-tier short id: the twin's quick-tier short id + 1, -1 for none, 0 for not looked up. */
  private twins = new Int32Array(0);
  private stale = false;

  /** Either tier's documents changed (ids are given to added and replaced documents): forget what is known. */
  changed(): void {
    this.stale = true;
  }

  /** The quick-tier twin of a full-tier match, or undefined if the item has left the quick tier. */
  twinOf(full: TierMatches, id: number, quick: TierMatches): number | undefined {
    if (this.stale) {
      this.twins.fill(0);
      this.stale = false;
    }
    if (id >= this.twins.length) {
      const grown = new Int32Array(Math.ceil((id + 1) * 1.25) + 64);
      grown.set(this.twins);
      this.twins = grown;
    }
    const known = this.twins[id]!;
    if (known !== 0) return known > 0 ? known - 1 : undefined;
    const key = full.keyOf(id);
    const twin = key === undefined ? undefined : quick.idOf(key);
    this.twins[id] = twin === undefined ? -1 : twin + 1;
    return twin;
  }
}
