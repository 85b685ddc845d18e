// Saving and reading clips. A page has one clip: clipping it again updates that clip.
import type { Clip, ClipSummary, PageCapture } from '../core/page-capture';
import { summarizeClip } from '../core/page-capture';
import { RequestError } from '../messaging/result';
import type { CrisscrossDb } from './db';

export interface SaveOutcome {
  status: 'saved' | 'updated';
  clip: Clip;
}

/** The clip known by any of these addresses, if one exists. */
export async function findClipByUrls(db: CrisscrossDb, urls: string[]): Promise<Clip | undefined> {
  return db.clips.where('aliases').anyOf(urls).first();
}

/** The clip of a page at `url`, else of a page at an address that redirected to it. Its own address
 *  wins when an old address also belongs to another clip. */
export async function findClipOfPage(db: CrisscrossDb, url: string, redirectSources: string[]): Promise<Clip | undefined> {
  return (await findClipByUrls(db, [url])) ?? (redirectSources.length ? findClipByUrls(db, redirectSources) : undefined);
}

/**
 * Saves a capture as a new clip, or updates the clip of the same page (same canonical URL or any
 * address it was seen at). One transaction: the clip is written whole or not at all.
 */
export async function saveCapture(
  db: CrisscrossDb,
  capture: PageCapture,
  { now = Date.now(), newId = () => crypto.randomUUID() }: { now?: number; newId?: () => string } = {},
): Promise<SaveOutcome> {
  try {
    return await db.transaction('rw', db.clips, async () => {
      const existing = await findClipByUrls(db, [capture.canonicalUrl, ...capture.aliases]);
      if (!existing) {
        const clip: Clip = {
          ...capture,
          id: newId(),
          aliases: uniq([capture.canonicalUrl, capture.url, ...capture.aliases]),
          savedAt: now,
          updatedAt: now,
        };
        await db.clips.add(clip);
        return { status: 'saved' as const, clip };
      }
      const clip: Clip = {
        ...existing,
        ...capture,
        id: existing.id,
        // Keep the first canonical address as the identity: other addresses become aliases.
        canonicalUrl: existing.canonicalUrl,
        aliases: uniq([...existing.aliases, capture.canonicalUrl, capture.url, ...capture.aliases]),
        tags: uniq([...existing.tags, ...capture.tags]),
        savedAt: existing.savedAt,
        updatedAt: Math.max(now, existing.updatedAt + 1),
      };
      await db.clips.put(clip);
      return { status: 'updated' as const, clip };
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Adds addresses a clip's page was also seen at (redirect sources) to its aliases. The clip's dates
 *  stay: nothing the user saved changed. Returns the clip as stored. */
export async function addClipAliases(db: CrisscrossDb, clip: Clip, urls: string[]): Promise<Clip> {
  if (urls.every((url) => clip.aliases.includes(url))) return clip;
  try {
    return await db.transaction('rw', db.clips, async () => {
      const current = (await db.clips.get(clip.id)) ?? clip;
      const aliases = uniq([...current.aliases, ...urls]);
      await db.clips.update(clip.id, { aliases });
      return { ...current, aliases };
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** The most recently saved or updated clips, newest first. */
export async function listRecentClips(db: CrisscrossDb, limit: number): Promise<ClipSummary[]> {
  const clips = await db.clips.orderBy('updatedAt').reverse().limit(limit).toArray();
  return clips.map(summarizeClip);
}

/** A full disk becomes a message the user can act on; other errors pass through unchanged. */
export function asStorageError(error: unknown): unknown {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return new RequestError(
      'There is no storage space left, so this was not saved. Everything saved before is intact. Free some disk space and try again.',
      'storage-full',
    );
  }
  return error;
}

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}
