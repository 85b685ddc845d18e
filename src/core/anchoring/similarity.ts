// Edit distances that compare a stored quote's context with the text around a candidate match.

/**
 * Fewest edits (insertions, deletions, substitutions) turning `pattern` into
 * some prefix of `text`: the pattern is pinned to the start of `text` but may
 * end anywhere. This is how a stored suffix is compared with the text after a
 * candidate: it must start right after the match, but a word inserted into
 * the context should cost one edit per character, not shift everything.
 * O(pattern × text); both are ~32–40 characters here.
 */
export function distanceToPrefixOf(pattern: string, text: string): number {
  const m = pattern.length;
  if (m === 0) return 0;
  let previous = new Uint32Array(m + 1);
  let current = new Uint32Array(m + 1);
  for (let i = 0; i <= m; i++) previous[i] = i;
  // Matching against the empty prefix of `text` means deleting the whole pattern.
  let best = m;
  for (let j = 1; j <= text.length; j++) {
    const code = text.charCodeAt(j - 1);
    current[0] = j;
    for (let i = 1; i <= m; i++) {
      const substitute = (previous[i - 1] ?? 0) + (pattern.charCodeAt(i - 1) === code ? 0 : 1);
      const remove = (previous[i] ?? 0) + 1;
      const insert = (current[i - 1] ?? 0) + 1;
      current[i] = Math.min(substitute, remove, insert);
    }
    best = Math.min(best, current[m] ?? m);
    [previous, current] = [current, previous];
  }
  return best;
}

function reversed(value: string): string {
  // Reversing UTF-16 code units is fine: both sides are reversed the same way.
  return value.split('').reverse().join('');
}

/**
 * Fewest edits turning `pattern` into some suffix of `text` (pinned to the end
 * of `text`): how a stored prefix is compared with the text before a candidate.
 */
export function distanceToSuffixOf(pattern: string, text: string): number {
  return distanceToPrefixOf(reversed(pattern), reversed(text));
}
