// The strongest cross-topic connections of the whole library: each item's best few, every pair once.
import type { ConnectionIndex } from './connection-index';
import { pairKey } from './feedback';
import type { SharedTerm } from './types';
import type { Strength } from './weights';

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
  private readonly pairs = new Map<string, LibraryConnection>();

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
  }

  /** The pairs collected so far, strongest first (ties in key order, so the list is stable). */
  strongest(limit = Number.POSITIVE_INFINITY): LibraryConnection[] {
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
