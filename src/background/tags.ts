// Library-wide tag requests: tags in use with their counts, and renaming a tag on every clip and
// highlight (a rename to a tag in use merges the two), keeping search and connections current.
import { countTags, renameTagIn, renameTarget, sameTag } from '../core/tags/rename';
import { RequestError } from '../messaging/result';
import type { TagCount } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';
import type { LibraryChanges } from './library-changes';

export function createTagHandlers(db: CrisscrossDb, changes: LibraryChanges) {
  /** Every spelling in use of a tag (the tag indexes keep spellings apart). */
  async function spellingsOf(tag: string): Promise<string[]> {
    const [clipTags, highlightTags] = await Promise.all([
      db.clips.orderBy('tags').uniqueKeys(),
      db.highlights.orderBy('tags').uniqueKeys(),
    ]);
    return [...new Set([...clipTags, ...highlightTags].map(String))].filter((known) => sameTag(known, tag));
  }

  return {
    async listTags(): Promise<TagCount[]> {
      const [clips, highlights] = await Promise.all([
        db.clips.where('tags').notEqual('').toArray(),
        db.highlights.where('tags').notEqual('').toArray(),
      ]);
      // A multi-entry query lists an item once per matching tag: count each item once.
      const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((item) => [item.id, item])).values()];
      return countTags(
        unique(clips).map((clip) => clip.tags),
        unique(highlights).map((highlight) => highlight.tags),
      );
    },

    async renameTag({ from, to }: { from: string; to: string }) {
      const fromSpellings = await spellingsOf(from);
      if (fromSpellings.length === 0) throw new RequestError(`No item has the tag “${from}”.`, 'not-found');
      // Same tag in another spelling ("google" to "Google"): a respelling, not a merge.
      const respelling = sameTag(from, to);
      const toSpellings = respelling ? [] : await spellingsOf(to);
      const target = respelling ? to.trim().replace(/\s+/g, ' ') : renameTarget(to, toSpellings);
      const now = Date.now();
      const { clips, highlights } = await db.transaction('rw', db.clips, db.highlights, async () => {
        const clips = await db.clips.where('tags').anyOf(fromSpellings).toArray();
        const highlights = await db.highlights.where('tags').anyOf(fromSpellings).toArray();
        const changedClips = [...new Map(clips.map((clip) => [clip.id, clip])).values()].flatMap((clip) => {
          const tags = renameTagIn(clip.tags, from, target);
          return tags ? [{ ...clip, tags, updatedAt: now }] : [];
        });
        const changedHighlights = [...new Map(highlights.map((h) => [h.id, h])).values()].flatMap((highlight) => {
          const tags = renameTagIn(highlight.tags, from, target);
          return tags ? [{ ...highlight, tags, updatedAt: now }] : [];
        });
        await db.clips.bulkPut(changedClips);
        await db.highlights.bulkPut(changedHighlights);
        return { clips: changedClips, highlights: changedHighlights };
      });
      // After the write is committed: the indexes follow what is stored.
      for (const clip of clips) changes.clipSaved(clip);
      const pages = new Map(
        (await db.clips.bulkGet([...new Set(highlights.map((h) => h.clipId))])).flatMap((clip) => (clip ? [[clip.id, clip]] : [])),
      );
      for (const highlight of highlights) changes.highlightSaved(highlight, pages.get(highlight.clipId));
      return { clips: clips.length, highlights: highlights.length, merged: toSpellings.length > 0 };
    },
  };
}
