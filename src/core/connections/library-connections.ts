// The strongest cross-topic connections of the whole library: each item's best few, every pair once.
import type { ConnectionIndex } from './connection-index';
import { pairKey } from './feedback';
import type { Connection, SharedTerm } from './types';
import { minScoreFor, type Strength } from './weights';

/** Cross-topic connections kept per item before pairs are merged: enough for the graph and the list. */
export const CONNECTIONS_PER_ITEM = 3;

/** One cross-topic pair of the library; `a` sorts before `b`, so a pair has one form. */
export interface LibraryConnection {
  a: string;
  b: string;
  score: number;
  strength: Strength;
  terms: SharedTerm[];
  confirmed: boolean;
}

export interface LibraryConnectionOptions {
  perItem?: number;
  /** Lowest score listed (default MIN_SCORE, as related()). */
  minScore?: number;
  dismissed?: ReadonlySet<string>;
  confirmed?: ReadonlySet<string>;
}

/**
 * Collects library-wide connections a slice of items at a time, so a caller in a busy worker can
 * yield between slices. Scores are cosines of both items' own vectors, hence symmetric: a pair found
 * from either side is the same pair, kept once.
 */
export class LibraryConnectionCollector {
  private readonly pairs = new PairMerger();

  constructor(
    private readonly index: ConnectionIndex,
    private readonly options: LibraryConnectionOptions = {},
  ) {}

  /** Adds the best cross-topic connections of each item in `ids`. */
  collect(ids: readonly string[]): void {
    const { perItem = CONNECTIONS_PER_ITEM, minScore, dismissed, confirmed } = this.options;
    for (const id of ids) {
      const found = this.index.related(id, {
        limit: perItem,
        ...(minScore === undefined ? {} : { minScore }),
        ...(dismissed ? { dismissed } : {}),
        ...(confirmed ? { confirmed } : {}),
      }).connections;
      this.pairs.merge(id, found);
    }
  }

  /** The pairs collected so far, strongest first (ties in key order, so the list is stable). */
  strongest(limit = Number.POSITIVE_INFINITY): LibraryConnection[] {
    return this.pairs.strongest(limit);
  }
}

/** Items' connections merged into pairs: a pair found from both sides is kept once, with the higher score. */
class PairMerger {
  private readonly pairs = new Map<string, LibraryConnection>();

  merge(id: string, found: readonly Connection[]): void {
    for (const connection of found) {
      const key = pairKey(id, connection.id);
      const known = this.pairs.get(key);
      if (known && known.score >= connection.score) continue;
      const [a, b] = id < connection.id ? [id, connection.id] : [connection.id, id];
      this.pairs.set(key, {
        a,
        b,
        score: connection.score,
        strength: connection.strength,
        terms: connection.terms,
        confirmed: connection.confirmed,
      });
    }
  }

  strongest(limit: number): LibraryConnection[] {
    return [...this.pairs.values()]
      .sort((x, y) => y.score - x.score || (x.a + x.b < y.a + y.b ? -1 : x.a + x.b > y.a + y.b ? 1 : 0))
      .slice(0, limit);
  }
}

/** All of it at once, for tests and tools that need not yield. */
export function libraryConnections(
  index: ConnectionIndex,
  options: LibraryConnectionOptions & { limit?: number } = {},
): LibraryConnection[] {
  const collector = new LibraryConnectionCollector(index, options);
  collector.collect(index.ids());
  return collector.strongest(options.limit);
}

/** What a tracker saves: each item's best connections, and the settings they were found with. */
export interface LibraryConnectionsSnapshot {
  perItem: number;
  minScore: number;
  lists: Array<[string, Connection[]]>;
}

/**
 * The library-wide list kept current as items change, instead of recomputed whole: each item's best
 * cross-topic connections (as related() lists them), and who lists whom. When items change, only
 * lists that can differ are found again: the changed items', those that listed a changed item, and
 * those a changed item now scores high enough to enter. The result equals a full recompute
 * (libraryConnections) as long as the index's weighting epoch and minimum score stay the same, since
 * scores of unchanged pairs do not move within an epoch; when either moves, `current` turns false
 * and the caller starts again with collect().
 */
export class LibraryConnectionTracker {
  private readonly lists = new Map<string, Connection[]>();
  /** Item -> the items whose lists name it. */
  private readonly listedBy = new Map<string, Set<string>>();
  private readonly perItem: number;
  private epoch: number;
  private minScore: number;

  constructor(
    private readonly index: ConnectionIndex,
    private options: LibraryConnectionOptions = {},
  ) {
    this.perItem = options.perItem ?? CONNECTIONS_PER_ITEM;
    this.epoch = index.weightsEpoch;
    this.minScore = this.currentMinScore();
  }

  /** Whether the lists can still be kept current item by item (same weighting and minimum score as when found). */
  get current(): boolean {
    return this.epoch === this.index.weightsEpoch && this.minScore === this.currentMinScore();
  }

  /** Finds the lists of `ids` afresh (all items, a slice at a time, for a start from scratch). */
  collect(ids: readonly string[]): void {
    for (const id of ids) this.relist(id);
  }

  /** New feedback: the pairs whose status changed are passed as changed items by the caller. */
  setFeedback(feedback: Pick<LibraryConnectionOptions, 'dismissed' | 'confirmed'>): void {
    this.options = { ...this.options, ...feedback };
  }

  /**
   * Brings the lists current after these items were added, updated or removed in the index (or a
   * pair of them got feedback). Returns how many lists were found again.
   */
  changed(ids: Iterable<string>): number {
    const again = new Set<string>();
    for (const id of ids) {
      for (const other of this.listedBy.get(id) ?? []) again.add(other);
      if (!this.index.has(id)) {
        this.drop(id);
        continue;
      }
      again.add(id);
      for (const { id: other, score } of this.index.connectionScores(id, this.relatedOptions())) {
        const list = this.lists.get(other);
        // Scores from the other side are summed in another order: a hair of rounding may differ.
        if (!list || list.length < this.perItem || score >= list[list.length - 1]!.score - 1e-9) again.add(other);
      }
    }
    for (const id of again) if (this.index.has(id)) this.relist(id);
    return again.size;
  }

  /** Every pair listed, strongest first, as libraryConnections() gives them. */
  strongest(limit = Number.POSITIVE_INFINITY): LibraryConnection[] {
    // The pairs are merged in the index's order, as the collector does, so equal scores resolve alike.
    const collector = new PairMerger();
    for (const id of this.index.ids()) collector.merge(id, this.lists.get(id) ?? []);
    return collector.strongest(limit);
  }

  toJSON(): LibraryConnectionsSnapshot {
    return { perItem: this.perItem, minScore: this.minScore, lists: [...this.lists] };
  }

  /** Lists saved with the index they were found on; null when saved with other settings. */
  static fromJSON(
    index: ConnectionIndex,
    snapshot: LibraryConnectionsSnapshot,
    options: LibraryConnectionOptions = {},
  ): LibraryConnectionTracker | null {
    const tracker = new LibraryConnectionTracker(index, options);
    if (snapshot.perItem !== tracker.perItem || snapshot.minScore !== tracker.minScore) return null;
    for (const [id, list] of snapshot.lists) if (index.has(id)) tracker.setList(id, list);
    return tracker;
  }

  private currentMinScore(): number {
    return this.options.minScore ?? minScoreFor(this.index.size);
  }

  private relatedOptions() {
    const { minScore, dismissed, confirmed } = this.options;
    return {
      ...(minScore === undefined ? {} : { minScore }),
      ...(dismissed ? { dismissed } : {}),
      ...(confirmed ? { confirmed } : {}),
    };
  }

  private relist(id: string): void {
    this.setList(id, this.index.related(id, { limit: this.perItem, ...this.relatedOptions() }).connections);
  }

  private setList(id: string, list: Connection[]): void {
    this.drop(id);
    this.lists.set(id, list);
    for (const connection of list) {
      let sources = this.listedBy.get(connection.id);
      if (!sources) this.listedBy.set(connection.id, (sources = new Set()));
      sources.add(id);
    }
  }

  /** Forgets an item's own list (who lists it is kept: those lists are found again). */
  private drop(id: string): void {
    for (const connection of this.lists.get(id) ?? []) {
      const sources = this.listedBy.get(connection.id);
      sources?.delete(id);
      if (sources?.size === 0) this.listedBy.delete(connection.id);
    }
    this.lists.delete(id);
  }
}
