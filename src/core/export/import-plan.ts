// Plans an import against the library: what is new, what merges into items you have (without overwriting them), what is skipped, and a report of each.
import type { Collection, ItemRef } from '../collection';
import type { Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import { normalizeUrl } from '../url';
import { mergeClip, mergeCollection, mergeHighlight, shorten, type Slot } from './import-merge';
import {
  emptyCounts,
  summarize,
  type ImportReport,
  type PlanAction,
  type PlanCounts,
  type PlanItemType,
  type PlanLine,
} from './import-report';
import { planLinks, type LinkRecord } from './import-links';
import type { ExportBundle } from './library-data';

/** What the caller writes, all or nothing, in one transaction. */
export interface ImportPlan {
  /** New items, with ids that are free in the library and references already pointing at final ids. */
  toAdd: ExportBundle;
  /** Items already in the library, as their complete new versions (to `put` over the old ones). */
  toMerge: ExportBundle;
  skipped: PlanLine[];
  report: ImportReport;
}

export interface PlanOptions {
  /** Makes ids for incoming items whose id is taken by a different item; `crypto.randomUUID` by default. */
  newId?: () => string;
  /** The `updatedAt` of merged items; `Date.now()` by default. */
  now?: number;
}

const addressKey = (url: string) => normalizeUrl(url) ?? url;
const addressesOf = (clip: Clip) => [...new Set([clip.canonicalUrl, clip.url, ...clip.aliases].map(addressKey))];
const quoteKey = (clipId: string, h: Highlight) =>
  JSON.stringify([clipId, h.selectors.quote.exact, h.selectors.quote.prefix, h.selectors.quote.suffix]);
const nameKey = (name: string) => name.normalize('NFC').trim().toLowerCase();
const refKey = (ref: ItemRef) => `${ref.type}:${ref.id}`;

/**
 * Decides what importing `incoming` into the library `existing` does, without writing anything.
 *
 * - Clips are the same page when any of their addresses (canonical, url, aliases; normalised) meet.
 *   A match gains the file's new addresses and tags, and fields it lacks (title, text, author…);
 *   what the user has is kept, and each kept difference is reported.
 * - Highlights are the same when on the same page with the same quote, prefix and suffix. A match
 *   gains new tags, and the file's note (after the user's, if both have one and they differ).
 * - Collections are the same when their names match (ignoring case); a match gains the new items
 *   at its end, in the file's order.
 * - Incoming ids already used by another item get new ids, and every reference (a highlight's
 *   clip, a collection's items) is rewritten to the final ids. A highlight whose page is neither in
 *   the file nor in the library is skipped, as are collection items that point nowhere.
 * - Confirmed links get their ends rewritten to the final ids; a pair the library has (confirmed or
 *   dismissed: `existing.links` should hold both) is skipped, as is a link to an item that is nowhere.
 *
 * `existing` must hold complete records (with text), since merged records are written back whole.
 */
export function planImport(existing: ExportBundle, incoming: ExportBundle, options: PlanOptions = {}): ImportPlan {
  const newId = options.newId ?? (() => crypto.randomUUID());
  const now = options.now ?? Date.now();
  // Report lines follow the file: an item's place is when the import first meets it.
  let order = 0;
  const slot = <T>(item: T, origin: Slot<T>['origin']): Slot<T> => ({
    item,
    origin,
    changes: [],
    kept: [],
    matched: false,
    order: order++,
  });
  const meet = <T>(s: Slot<T>) => {
    if (!s.matched) s.order = order++;
    s.matched = true;
  };
  // Items skipped before they got a slot (a highlight without its page, the links).
  const lost: { line: PlanLine; order: number }[] = [];
  const freshId = (used: Set<string>, id: string) => {
    let next = id;
    while (used.has(next)) next = newId();
    used.add(next);
    return next;
  };

  // Clips
  const clipSlots: Slot<Clip>[] = [];
  const clipByAddress = new Map<string, Slot<Clip>>();
  const clipIds = new Set<string>();
  const clipMap = new Map<string, string>();
  const indexClip = (s: Slot<Clip>) => {
    for (const address of addressesOf(s.item)) if (!clipByAddress.has(address)) clipByAddress.set(address, s);
  };
  for (const clip of existing.clips) {
    const s = slot(structuredClone(clip), 'existing');
    clipSlots.push(s);
    clipIds.add(clip.id);
    indexClip(s);
  }
  for (const clip of incoming.clips) {
    const match = addressesOf(clip)
      .map((address) => clipByAddress.get(address))
      .find(Boolean);
    if (match) {
      meet(match);
      mergeClip(match, clip);
      indexClip(match);
      clipMap.set(clip.id, match.item.id);
      continue;
    }
    const copy = structuredClone(clip);
    copy.id = freshId(clipIds, clip.id);
    copy.aliases = [...new Set([copy.canonicalUrl, copy.url, ...copy.aliases])];
    const s = slot(copy, 'new');
    clipSlots.push(s);
    indexClip(s);
    clipMap.set(clip.id, copy.id);
  }

  // Highlights
  const highlightSlots: Slot<Highlight>[] = [];
  const highlightByQuote = new Map<string, Slot<Highlight>>();
  const highlightIds = new Set<string>();
  const highlightMap = new Map<string, string>();
  for (const highlight of existing.highlights) {
    const s = slot(structuredClone(highlight), 'existing');
    highlightSlots.push(s);
    highlightIds.add(highlight.id);
    highlightByQuote.set(quoteKey(highlight.clipId, highlight), s);
  }
  for (const highlight of incoming.highlights) {
    const clipId = clipMap.get(highlight.clipId) ?? clipByAddress.get(addressKey(highlight.pageUrl))?.item.id;
    if (!clipId) {
      const details = [`its page (${highlight.pageUrl}) is neither in the file nor in your library`];
      lost.push({
        line: { action: 'skipped', type: 'highlight', id: highlight.id, title: `“${shorten(highlight.text)}”`, details },
        order: order++,
      });
      continue;
    }
    const key = quoteKey(clipId, highlight);
    const match = highlightByQuote.get(key);
    if (match) {
      meet(match);
      mergeHighlight(match, highlight);
      highlightMap.set(highlight.id, match.item.id);
      continue;
    }
    const copy = structuredClone(highlight);
    copy.id = freshId(highlightIds, highlight.id);
    copy.clipId = clipId;
    const s = slot(copy, 'new');
    highlightSlots.push(s);
    highlightByQuote.set(key, s);
    highlightMap.set(highlight.id, copy.id);
  }

  // Collections
  const collectionSlots: Slot<Collection>[] = [];
  const collectionByName = new Map<string, Slot<Collection>>();
  const collectionIds = new Set<string>();
  for (const collection of existing.collections) {
    const s = slot(structuredClone(collection), 'existing');
    collectionSlots.push(s);
    collectionIds.add(collection.id);
    if (!collectionByName.has(nameKey(collection.name))) collectionByName.set(nameKey(collection.name), s);
  }
  const existingClipIds = new Set(existing.clips.map((c) => c.id));
  const existingHighlightIds = new Set(existing.highlights.map((h) => h.id));
  for (const collection of incoming.collections) {
    let dropped = 0;
    const items: ItemRef[] = [];
    const seen = new Set<string>();
    for (const ref of collection.items) {
      // A reference to an item not in the file may still name one the library has (a partial export of it).
      const id =
        ref.type === 'clip'
          ? (clipMap.get(ref.id) ?? (existingClipIds.has(ref.id) ? ref.id : undefined))
          : (highlightMap.get(ref.id) ?? (existingHighlightIds.has(ref.id) ? ref.id : undefined));
      if (id === undefined) dropped++;
      else if (!seen.has(refKey({ type: ref.type, id }))) {
        seen.add(refKey({ type: ref.type, id }));
        items.push({ type: ref.type, id });
      }
    }
    const droppedNote = dropped
      ? [`left out ${dropped} item${dropped === 1 ? '' : 's'} that are neither in the file nor in your library`]
      : [];
    const match = collectionByName.get(nameKey(collection.name));
    if (match) {
      meet(match);
      mergeCollection(match, items, collection.description);
      match.kept.push(...droppedNote);
      continue;
    }
    const copy: Collection = { ...structuredClone(collection), id: freshId(collectionIds, collection.id), items };
    const s = slot(copy, 'new');
    s.kept.push(...droppedNote);
    collectionSlots.push(s);
    collectionByName.set(nameKey(copy.name), s);
  }

  const existingPairs = new Set(
    (existing.links ?? []).map((link) => (link as Partial<LinkRecord>).pair).filter((pair): pair is string => typeof pair === 'string'),
  );
  const links = planLinks(existingPairs, incoming.links ?? [], {
    clip: (id) => clipMap.get(id) ?? (existingClipIds.has(id) ? id : undefined),
    highlight: (id) => highlightMap.get(id) ?? (existingHighlightIds.has(id) ? id : undefined),
  });
  for (const line of links.skipped) lost.push({ line, order: order++ });

  // The plan and its report
  const toAdd: ExportBundle = { clips: [], highlights: [], collections: [], ...(links.add.length ? { links: links.add } : {}) };
  const toMerge: ExportBundle = { clips: [], highlights: [], collections: [] };
  const lines: { line: PlanLine; order: number }[] = [...lost];
  const counts: Record<PlanAction, PlanCounts> = { added: emptyCounts(), merged: emptyCounts(), skipped: emptyCounts() };
  const settle = <T extends { id: string; updatedAt: number }>(
    slots: Slot<T>[],
    type: Exclude<PlanItemType, 'link'>,
    titleOf: (item: T) => string,
    add: T[],
    merge: T[],
  ) => {
    for (const s of slots) {
      if (s.origin === 'existing' && !s.matched) continue;
      let action: PlanAction;
      if (s.origin === 'new') {
        action = 'added';
        add.push(s.item);
      } else if (s.changes.length) {
        action = 'merged';
        s.item.updatedAt = Math.max(now, s.item.updatedAt + 1);
        merge.push(s.item);
      } else {
        action = 'skipped';
      }
      const details =
        action === 'skipped'
          ? ['already in your library', ...s.kept]
          : action === 'added' && s.changes.length
            ? ['combined with another copy in the file', ...s.changes, ...s.kept]
            : [...s.changes, ...s.kept];
      counts[action][type]++;
      lines.push({ line: { action, type, id: s.item.id, title: titleOf(s.item), details }, order: s.order });
    }
  };
  settle(clipSlots, 'clip', (c) => c.title || c.url, toAdd.clips, toMerge.clips);
  settle(highlightSlots, 'highlight', (h) => `“${shorten(h.text)}”`, toAdd.highlights, toMerge.highlights);
  settle(collectionSlots, 'collection', (c) => c.name, toAdd.collections, toMerge.collections);
  for (const { line } of lost) counts.skipped[line.type]++;
  counts.added.link = links.add.length;
  lines.sort((a, b) => a.order - b.order);
  const ordered = lines.map((entry) => entry.line);
  return {
    toAdd,
    toMerge,
    skipped: ordered.filter((line) => line.action === 'skipped'),
    report: { counts, lines: ordered, summary: summarize(counts) },
  };
}
