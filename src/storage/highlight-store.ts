// Saving, changing and reading highlights. A highlight always belongs to a saved clip.
import type { Highlight, HighlightChanges, HighlightDraft } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { RequestError } from '../messaging/result';
import { asStorageError } from './clip-store';
import type { CrisscrossDb } from './db';

interface Clock {
  now?: number;
  newId?: () => string;
}

/** Adds a highlight to a clip's page. */
export async function addHighlight(
  db: CrisscrossDb,
  clip: Clip,
  draft: HighlightDraft,
  { now = Date.now(), newId = () => crypto.randomUUID() }: Clock = {},
): Promise<Highlight> {
  const highlight: Highlight = {
    ...draft,
    id: newId(),
    clipId: clip.id,
    pageUrl: clip.canonicalUrl,
    pageTitle: clip.title,
    text: draft.selectors.quote.exact,
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
  try {
    await db.highlights.add(highlight);
  } catch (error) {
    throw asStorageError(error);
  }
  return highlight;
}

/** Applies the user's changes to a highlight; never loses the fields not changed. */
export async function updateHighlight(
  db: CrisscrossDb,
  id: string,
  changes: HighlightChanges,
  { now = Date.now() }: Clock = {},
): Promise<Highlight> {
  try {
    return await db.transaction('rw', db.highlights, async () => {
      const existing = await db.highlights.get(id);
      if (!existing) throw new RequestError('That highlight no longer exists.', 'not-found');
      const updated: Highlight = {
        ...existing,
        ...changes,
        text: changes.selectors ? changes.selectors.quote.exact : existing.text,
        updatedAt: Math.max(now, existing.updatedAt + 1),
      };
      await db.highlights.put(updated);
      return updated;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Deletes a highlight, leaving a tombstone in the same transaction for the search index's catch-up. */
export async function deleteHighlight(db: CrisscrossDb, id: string, { now = Date.now() }: Clock = {}): Promise<void> {
  await db.transaction('rw', db.highlights, db.tombstones, async () => {
    await db.highlights.delete(id);
    await db.tombstones.put({ key: `highlight:${id}`, type: 'highlight', id, deletedAt: now });
  });
}

/** A clip's highlights in page order (by their text position), so lists read like the page. */
export async function listClipHighlights(db: CrisscrossDb, clipId: string): Promise<Highlight[]> {
  const highlights = await db.highlights.where('clipId').equals(clipId).toArray();
  return highlights.sort((a, b) => a.selectors.position.start - b.selectors.position.start);
}

/** Records which of a page's highlights were found where the page reported its anchors (null: not found). */
export async function recordAnchoring(
  db: CrisscrossDb,
  clipId: string,
  anchors: Record<string, unknown>,
  { now = Date.now() }: Clock = {},
): Promise<void> {
  const ids = Object.keys(anchors);
  await db.transaction('rw', db.orphans, async () => {
    await db.orphans.bulkDelete(ids.filter((id) => anchors[id] !== null));
    await db.orphans.bulkPut(ids.filter((id) => anchors[id] === null).map((id) => ({ id, clipId, seenAt: now })));
  });
}
