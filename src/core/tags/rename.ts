// Renaming and merging tags: pure rules, so the worker and its tests agree on what a rename does.
import { normalizeKey } from '../search/normalize';

/** Whether two tags are the same tag: tags compare as normalised keys ("Social  Media" = "social media"). */
export const sameTag = (a: string, b: string): boolean => normalizeKey(a) === normalizeKey(b);

/**
 * An item's tags after renaming `from` to `to`, or null when it has no `from` (nothing to write).
 * Every spelling of `from` becomes `to`; when the item already had `to` the two merge into one, in
 * the place of the first of them.
 */
export function renameTagIn(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.some((tag) => sameTag(tag, from))) return null;
  const result: string[] = [];
  for (const tag of tags) {
    const next = sameTag(tag, from) || sameTag(tag, to) ? to : tag;
    if (!result.some((kept) => sameTag(kept, next))) result.push(next);
  }
  return result;
}

/**
 * The spelling a rename writes: the target's spelling already in use (so merging into "Google" does
 * not relabel its items "google"), else the name as the user typed it, trimmed.
 */
export function renameTarget(to: string, inUse: readonly string[]): string {
  return inUse.find((tag) => sameTag(tag, to)) ?? to.trim().replace(/\s+/g, ' ');
}

/** Tags with their clip and highlight counts, spellings of one tag merged under its most used one, most used first. */
export function countTags(
  clipTags: ReadonlyArray<readonly string[]>,
  highlightTags: ReadonlyArray<readonly string[]>,
): Array<{ tag: string; clips: number; highlights: number }> {
  const byKey = new Map<string, { spellings: Map<string, number>; clips: number; highlights: number }>();
  const count = (lists: ReadonlyArray<readonly string[]>, field: 'clips' | 'highlights') => {
    for (const tags of lists) {
      const seen = new Set<string>();
      for (const tag of tags) {
        const key = normalizeKey(tag);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        let entry = byKey.get(key);
        if (!entry) byKey.set(key, (entry = { spellings: new Map(), clips: 0, highlights: 0 }));
        entry[field]++;
        entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
      }
    }
  };
  count(clipTags, 'clips');
  count(highlightTags, 'highlights');
  return [...byKey.values()]
    .map(({ spellings, clips, highlights }) => ({
      tag: [...spellings].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0],
      clips,
      highlights,
    }))
    .sort((x, y) => y.clips + y.highlights - (x.clips + x.highlights) || (x.tag < y.tag ? -1 : 1));
}
