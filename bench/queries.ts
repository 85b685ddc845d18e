// What the benchmark types: realistic queries (one with a typo), typed one character at a time.

/** Typed into the search box character by character; each is also searched in full once complete. */
export const TYPED_QUERIES = [
  'government policy',
  'the church',
  'custmer',
  'music',
  'science fiction',
  'president kennedy',
  'atomic energy',
];

/** The first search after a cold worker start. */
export const COLD_QUERY = 'government';

/** Every keystroke's query: "g", "go", "gov", … "government policy", then the next query's. */
export function keystrokes(queries: readonly string[] = TYPED_QUERIES): string[] {
  return queries.flatMap((query) => Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1)));
}

/** Passes over the keystrokes when timing ours (cheap, and p95 over more samples is steadier). */
export const TYPING_PASSES = 3;

/** The keystrokes typed into a popup opened on a stopped worker, right after its warmUp is answered. */
export const FIRST_QUERY_AFTER_OPEN = 'government policy';

/** A query nothing matches (not even fuzzily): times a search without result views. */
export const NO_MATCH = 'qzxjvw';
