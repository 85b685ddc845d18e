// The library list's filters (tags, collections, sites, dates, type): the ids of the clips or highlights
// that pass, found through indexes and keys only, so filtering a 100,000-item library reads no article
// text. The rules are the search filters' own (core/search/filters.ts), so the list and a search with
// the same filters agree: every tag and every collection named, any of the sites, savedAt in the range.
import { normalizeSite } from '../core/search/filters';
import { normalizeKey } from '../core/search/normalize';
import type { SearchFilterInput } from '../messaging/protocol';
import type { CrisscrossDb } from './db';

type ItemType = 'clip' | 'highlight';

const intersect = (a: Set<string>, b: Iterable<string>): Set<string> => {
  const kept = new Set<string>();
  for (const id of b) if (a.has(id)) kept.add(id);
  return kept;
};

/** The ids of the items of `type` that pass every filter. */
export async function idsPassing(db: CrisscrossDb, type: ItemType, filters: SearchFilterInput): Promise<Set<string>> {
  if (filters.types?.length && !filters.types.includes(type)) return new Set();
  const table = type === 'clip' ? db.clips : db.highlights;
  const sets: Iterable<string>[] = [];

  for (const tag of filters.tags ?? []) {
    const key = normalizeKey(tag);
    // Stored tags keep the case the user typed: the index's distinct values are few, so they are compared folded.
    const values = ((await table.orderBy('tags').uniqueKeys()) as string[]).filter((value) => normalizeKey(value) === key);
    sets.push((await table.where('tags').anyOf(values).primaryKeys()) as string[]);
  }

  if (filters.collections?.length) {
    const collections = await db.collections.toArray();
    for (const name of filters.collections) {
      const key = normalizeKey(name);
      sets.push(
        collections
          .filter((collection) => normalizeKey(collection.name) === key)
          .flatMap((collection) => collection.items.filter((item) => item.type === type).map((item) => item.id)),
      );
    }
  }

  if (filters.sites?.length) {
    const clipIds = await clipsOnSites(db, filters.sites.map(normalizeSite).filter(Boolean));
    sets.push(
      type === 'clip'
        ? clipIds
        : ((await db.highlights
            .where('clipId')
            .anyOf([...clipIds])
            .primaryKeys()) as string[]),
    );
  }

  if (filters.after !== undefined || filters.before !== undefined) {
    const index = type === 'clip' ? 'savedAt' : 'createdAt';
    sets.push(
      (await table
        .where(index)
        .between(filters.after ?? -Infinity, filters.before ?? Infinity, true, false)
        .primaryKeys()) as string[],
    );
  }

  if (sets.length === 0) return new Set((await table.toCollection().primaryKeys()) as string[]);
  return sets.slice(1).reduce<Set<string>>((kept, ids) => intersect(kept, ids), new Set(sets[0]));
}

/**
 * Clips whose site name or address is one of `sites` ("example.org" includes blog.example.org), from
 * the siteName and canonicalUrl indexes (a clip's canonical address is the one it is known by).
 */
async function clipsOnSites(db: CrisscrossDb, sites: string[]): Promise<Set<string>> {
  const matches = (key: string) => sites.some((site) => key === site || key.endsWith(`.${site}`));
  const found = new Set<string>();
  await db.clips.orderBy('siteName').eachKey((name, cursor) => {
    if (typeof name === 'string' && matches(normalizeKey(name))) found.add(cursor.primaryKey as string);
  });
  await db.clips.orderBy('canonicalUrl').eachKey((url, cursor) => {
    if (typeof url === 'string' && matches(normalizeSite(url))) found.add(cursor.primaryKey as string);
  });
  return found;
}
