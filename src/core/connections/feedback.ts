// The curator's verdicts on connections: dismissed pairs stay hidden, confirmed ones are marked.

/**
 * The key of an unordered pair of item keys: the same whichever item is the source. Item keys
 * ("c:…", "h:…") contain no newline, so it separates them unambiguously.
 */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\n${b}` : `${b}\n${a}`;
}

/** The two item keys of a pair key, in sorted order. */
export function pairItems(key: string): [string, string] {
  const cut = key.indexOf('\n');
  return [key.slice(0, cut), key.slice(cut + 1)];
}

/** What the curator said about pairs, as pair keys. The lead stores these; the engine only reads them. */
export interface ConnectionFeedback {
  dismissed?: ReadonlySet<string>;
  confirmed?: ReadonlySet<string>;
}

/**
 * Drops the items whose pair with `sourceId` was dismissed and marks the confirmed ones, keeping the
 * order. For lists made without the feedback (or before it changed); related() applies it itself.
 */
export function applyFeedback<T extends { id: string }>(
  sourceId: string,
  items: readonly T[],
  feedback: ConnectionFeedback,
): Array<T & { confirmed: boolean }> {
  const kept: Array<T & { confirmed: boolean }> = [];
  for (const item of items) {
    const key = pairKey(sourceId, item.id);
    if (feedback.dismissed?.has(key)) continue;
    kept.push({ ...item, confirmed: feedback.confirmed?.has(key) ?? false });
  }
  return kept;
}

/** A new set with the pair added: for the caller's stored list of dismissed or confirmed pairs. */
export function withPair(pairs: ReadonlySet<string>, a: string, b: string): Set<string> {
  return new Set(pairs).add(pairKey(a, b));
}

/** A new set without the pair (undoing a dismissal or confirmation). */
export function withoutPair(pairs: ReadonlySet<string>, a: string, b: string): Set<string> {
  const next = new Set(pairs);
  next.delete(pairKey(a, b));
  return next;
}

/** Pairs that mention an item, for forgetting them when the item is deleted. */
export function pairsOf(pairs: ReadonlySet<string>, id: string): string[] {
  return [...pairs].filter((key) => pairItems(key).includes(id));
}
