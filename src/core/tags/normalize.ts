// Tags as people type them: trimmed, "#" dropped, one of each whatever the case, in the order given.
/** Tags on one item, and the longest tag: labels to find it by, not prose. */
export const MAX_TAG_CHARS = 60;
export const MAX_TAGS_PER_ITEM = 50;

export function normalizeTag(tag: string): string {
  return tag.replace(/^#+/, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TAG_CHARS).trim();
}

/** Cleans a list of tags: empty ones dropped, the first spelling of a duplicate kept. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    const key = tag.toLocaleLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out.slice(0, MAX_TAGS_PER_ITEM);
}

/** Splits what was typed in a tag box ("a, b, c") into tags. */
export const parseTagInput = (text: string): string[] => normalizeTags(text.split(','));
