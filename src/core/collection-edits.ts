// Pure edits of collections: names checked, items kept unique and in the user's order.
import type { Collection, ItemRef } from './collection';

export const MAX_COLLECTION_NAME_CHARS = 200;
export const MAX_COLLECTION_DESCRIPTION_CHARS = 2_000;

export const sameItem = (a: ItemRef, b: ItemRef): boolean => a.type === b.type && a.id === b.id;

/** A trimmed name, or an error message a person can act on. */
export function checkCollectionName(
  name: string,
  others: readonly Pick<Collection, 'id' | 'name'>[],
  selfId?: string,
): { ok: true; name: string } | { ok: false; error: string } {
  const trimmed = name.replace(/\s+/g, ' ').trim();
  if (!trimmed) return { ok: false, error: 'A collection needs a name.' };
  if (trimmed.length > MAX_COLLECTION_NAME_CHARS)
    return { ok: false, error: `A collection name has at most ${MAX_COLLECTION_NAME_CHARS} characters.` };
  // Names are how people (and the "collection:" search filter) tell collections apart.
  const key = trimmed.toLocaleLowerCase();
  if (others.some((other) => other.id !== selfId && other.name.toLocaleLowerCase() === key))
    return { ok: false, error: `There is already a collection named “${trimmed}”.` };
  return { ok: true, name: trimmed };
}

export function newCollection(name: string, description: string, { id, now }: { id: string; now: number }): Collection {
  return { id, name, description: description.trim(), items: [], createdAt: now, updatedAt: now };
}

/** Appends the items not already in the collection, in the order given. */
export function addItems(collection: Collection, refs: readonly ItemRef[], now: number): Collection {
  const items = [...collection.items];
  for (const ref of refs) if (!items.some((item) => sameItem(item, ref))) items.push({ type: ref.type, id: ref.id });
  return { ...collection, items, updatedAt: now };
}

export function removeItems(collection: Collection, refs: readonly ItemRef[], now: number): Collection {
  const items = collection.items.filter((item) => !refs.some((ref) => sameItem(item, ref)));
  return { ...collection, items, updatedAt: now };
}

/** Moves an item to a new position (clamped to the list); an item not in the collection changes nothing. */
export function moveItem(collection: Collection, ref: ItemRef, to: number, now: number): Collection {
  const from = collection.items.findIndex((item) => sameItem(item, ref));
  if (from < 0) return collection;
  const items = [...collection.items];
  const [moved] = items.splice(from, 1);
  items.splice(Math.max(0, Math.min(items.length, to)), 0, moved!);
  return { ...collection, items, updatedAt: now };
}
