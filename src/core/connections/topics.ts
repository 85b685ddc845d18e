// An item's topics: its tags and collections, or else its site; highlights add their page's topics.
import { siteKeys } from '../search/filters';
import { normalizeKey } from '../search/normalize';

/** What topics are read from: a clip, a highlight or an unsaved page, with the names of its collections. */
export interface TopicSource {
  tags?: readonly string[] | null;
  /** Names of the collections the item is in. */
  collections?: readonly string[] | null;
  siteName?: string | null;
  url?: string | null;
}

/**
 * The site an item is from, as a topic key: its site name when it declares one, else its host
 * ("Connecting the Dots", "dots.example"). Empty when neither is known.
 */
export function siteTopic(source: Pick<TopicSource, 'siteName' | 'url'>): string {
  const name = source.siteName ? normalizeKey(source.siteName) : '';
  if (name) return name;
  return siteKeys(source.url, null)[0] ?? '';
}

/** The labels (tags and collection names) of an item as normalised, de-duplicated topic keys. */
function labelTopics(source: TopicSource): string[] {
  const keys = new Set<string>();
  for (const label of [...(source.tags ?? []), ...(source.collections ?? [])]) {
    const key = normalizeKey(label);
    if (key) keys.add(key);
  }
  return [...keys];
}

/**
 * The topics of an item, as normalised keys ("#Social  Media" -> "social media").
 *
 * A clip's topics are its tags and its collections' names; with none, its site is its one topic, so
 * untagged reading still falls into groups. A highlight passes its clip as `page`: it has the page's
 * topics (site fallback included) plus its own tags and collections, so a highlight is never
 * "connected" to the page it was made on. Two items are connected only when these sets are disjoint.
 */
export function topicsOf(item: TopicSource, page?: TopicSource): string[] {
  const own = labelTopics(item);
  if (page) {
    const merged = new Set([...topicsOf(page), ...own]);
    return [...merged];
  }
  if (own.length > 0) return own;
  const site = siteTopic(item);
  return site ? [site] : [];
}

/** Whether two topic lists (normalised keys) have a topic in common. */
export function sharesTopic(a: readonly string[], b: readonly string[]): boolean {
  return a.some((topic) => b.includes(topic));
}
