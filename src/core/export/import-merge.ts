// How an incoming item merges into one the library has: it fills gaps and adds tags, and never replaces what the user wrote.
import type { Collection, ItemRef } from '../collection';
import { MAX_TAGS } from '../extract/limits';
import { MAX_NOTE_CHARS, type Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import { IMPORT_LIMITS } from './crisscross-schema';

/** An item during planning, with what the import does to it. */
export interface Slot<T> {
  item: T;
  origin: 'existing' | 'new';
  /** Changes made to the item by this import (for an existing item, a non-empty list means it is merged). */
  changes: string[];
  /** Things deliberately not changed, e.g. "kept your title". */
  kept: string[];
  /** Whether some incoming item matched this one (existing items without a match are not reported). */
  matched: boolean;
  order: number;
}

/** Text shortened for a report line, whitespace collapsed, never cutting a character in half. */
export function shorten(text: string, max = 80): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * Appends the values `into` lacks, up to `limit` entries in all (the importer's own limits, so a
 * merged item can always be exported and imported again); returns what was added and what did not fit.
 */
function union(into: string[], values: readonly string[], limit: number): { added: string[]; overflow: number } {
  const fresh = [...new Set(values)].filter((value) => !into.includes(value));
  const added = fresh.slice(0, Math.max(0, limit - into.length));
  into.push(...added);
  return { added, overflow: fresh.length - added.length };
}

/** Adds the incoming tags and says so, or says which did not fit. */
function unionTags(slot: Slot<{ tags: string[] }>, tags: readonly string[]): void {
  const { added, overflow } = union(slot.item.tags, tags, MAX_TAGS);
  if (added.length) slot.changes.push(`added tags ${added.join(', ')}`);
  if (overflow) slot.kept.push(`left out ${overflow} tag${overflow === 1 ? '' : 's'} beyond the limit of ${MAX_TAGS}`);
}

/** Fills what the library's clip lacks from the incoming one; never replaces what the user has. */
export function mergeClip(slot: Slot<Clip>, incoming: Clip): void {
  const clip = slot.item;
  const addresses = union(clip.aliases, [incoming.canonicalUrl, incoming.url, ...incoming.aliases], IMPORT_LIMITS.aliases).added;
  if (addresses.length) slot.changes.push(`added ${addresses.length === 1 ? 'address' : 'addresses'} ${addresses.join(', ')}`);
  unionTags(slot, incoming.tags);

  const titleIsBare = !clip.title || clip.title === clip.url;
  if (titleIsBare && incoming.title && incoming.title !== incoming.url && incoming.title !== clip.title) {
    clip.title = incoming.title;
    slot.changes.push('added the title');
  } else if (incoming.title && incoming.title !== clip.title && incoming.title !== incoming.url) {
    slot.kept.push(`kept your title (the file has “${shorten(incoming.title, 60)}”)`);
  }
  if (!clip.text && incoming.text) {
    // Text, HTML, word count, source and truncation describe one capture: they move together.
    Object.assign(clip, {
      text: incoming.text,
      html: incoming.html,
      wordCount: incoming.wordCount,
      source: incoming.source,
      truncated: incoming.truncated,
    });
    slot.changes.push('added the page text');
  } else if (incoming.text && incoming.text !== clip.text) {
    slot.kept.push('kept your page text (the file’s differs)');
  }
  for (const field of ['author', 'publishedAt', 'language'] as const) {
    if (!clip[field] && incoming[field]) {
      clip[field] = incoming[field];
      slot.changes.push(`added ${field === 'publishedAt' ? 'the publication date' : `the ${field}`}`);
    }
  }
  for (const field of ['siteName', 'excerpt'] as const) {
    if (!clip[field] && incoming[field]) {
      clip[field] = incoming[field];
      slot.changes.push(`added the ${field === 'siteName' ? 'site name' : 'excerpt'}`);
    }
  }
  if (slot.origin === 'new') clip.savedAt = Math.min(clip.savedAt, incoming.savedAt);
}

/** Adds the incoming note and tags to a highlight the library has; the user's own note is never replaced. */
export function mergeHighlight(slot: Slot<Highlight>, incoming: Highlight): void {
  const highlight = slot.item;
  unionTags(slot, incoming.tags);
  const note = incoming.note.trim();
  if (note && !highlight.note.includes(note)) {
    if (!highlight.note.trim()) {
      highlight.note = incoming.note;
      slot.changes.push('added the note');
    } else if (highlight.note.length + 2 + incoming.note.length <= MAX_NOTE_CHARS) {
      highlight.note = `${highlight.note}\n\n${incoming.note}`;
      slot.changes.push('added the file’s note after yours');
    } else {
      slot.kept.push('kept your note (the file’s different note does not fit after it)');
    }
  }
  if (incoming.color !== highlight.color) slot.kept.push(`kept your colour (${highlight.color}; the file has ${incoming.color})`);
}

/** Adds the incoming items a collection lacks at its end (the user's order first) and fills an empty description. */
export function mergeCollection(slot: Slot<Collection>, items: readonly ItemRef[], description: string): void {
  const collection = slot.item;
  const have = new Set(collection.items.map((item) => `${item.type}:${item.id}`));
  const added = items
    .filter((item) => !have.has(`${item.type}:${item.id}`))
    .slice(0, IMPORT_LIMITS.collectionItems - collection.items.length);
  if (added.length) {
    collection.items.push(...added);
    slot.changes.push(`added ${added.length} item${added.length === 1 ? '' : 's'}`);
  }
  if (!collection.description && description) {
    collection.description = description;
    slot.changes.push('added the description');
  } else if (description && description !== collection.description) {
    slot.kept.push('kept your description');
  }
}
