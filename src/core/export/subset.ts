// A part of the library to export: one collection, one tag, or chosen items, with what they need to
// stay whole (a clip's highlights, a highlight's page) and the collections and links among them.
import type { Collection, ItemRef } from '../collection';
import { itemKey, type ExportBundle } from './library-data';

export type BundleScope =
  { kind: 'all' } | { kind: 'collection'; id: string } | { kind: 'tag'; tag: string } | { kind: 'items'; items: readonly ItemRef[] };

/** The items a scope names directly (before clips bring their highlights and highlights their pages). */
function chosenKeys(bundle: ExportBundle, scope: Exclude<BundleScope, { kind: 'all' }>): Set<string> {
  if (scope.kind === 'collection') return new Set(bundle.collections.find((c) => c.id === scope.id)?.items.map(itemKey) ?? []);
  if (scope.kind === 'items') return new Set(scope.items.map(itemKey));
  const tag = scope.tag.toLocaleLowerCase();
  const tagged = (tags: string[]) => tags.some((each) => each.toLocaleLowerCase() === tag);
  return new Set([
    ...bundle.clips.filter((clip) => tagged(clip.tags)).map((clip) => itemKey({ type: 'clip', id: clip.id })),
    ...bundle.highlights.filter((h) => tagged(h.tags)).map((h) => itemKey({ type: 'highlight', id: h.id })),
  ]);
}

/**
 * The part of a bundle a scope selects. A chosen clip brings its highlights; a chosen highlight brings
 * its page (imports need it). A collection export holds that collection; other exports hold every
 * collection cut down to the exported items (so Markdown still names them), empty ones left out.
 * Confirmed links travel when both of their ends do.
 */
export function selectBundle(bundle: ExportBundle, scope: BundleScope): ExportBundle {
  if (scope.kind === 'all') return bundle;
  const chosen = chosenKeys(bundle, scope);
  const clipIds = new Set(bundle.clips.filter((clip) => chosen.has(itemKey({ type: 'clip', id: clip.id }))).map((clip) => clip.id));
  const highlights = bundle.highlights.filter((h) => clipIds.has(h.clipId) || chosen.has(itemKey({ type: 'highlight', id: h.id })));
  for (const highlight of highlights) clipIds.add(highlight.clipId);
  const clips = bundle.clips.filter((clip) => clipIds.has(clip.id));
  const kept = new Set([
    ...clips.map((clip) => itemKey({ type: 'clip', id: clip.id })),
    ...highlights.map((h) => itemKey({ type: 'highlight', id: h.id })),
  ]);
  const trim = (collection: Collection): Collection => ({
    ...collection,
    items: collection.items.filter((item) => kept.has(itemKey(item))),
  });
  const collections =
    scope.kind === 'collection'
      ? bundle.collections.filter((c) => c.id === scope.id).map(trim)
      : bundle.collections.map(trim).filter((collection) => collection.items.length > 0);
  const selected: ExportBundle = { clips, highlights, collections };
  if (bundle.links) selected.links = bundle.links.filter((link) => linkInside(link, kept));
  return selected;
}

/** Link ends are connection keys: "c:<clip id>" or "h:<highlight id>". */
function linkInside(link: unknown, kept: Set<string>): boolean {
  const { a, b } = (link ?? {}) as { a?: unknown; b?: unknown };
  const key = (end: unknown) =>
    typeof end === 'string'
      ? end.startsWith('c:')
        ? `clip:${end.slice(2)}`
        : end.startsWith('h:')
          ? `highlight:${end.slice(2)}`
          : ''
      : '';
  return kept.has(key(a)) && kept.has(key(b));
}

/** A file name for an export of a part: the part's name after "crisscross-", e.g. "crisscross-talk-prep-markdown-2026-11-24.zip". */
export function scopedFileName(fileName: string, label: string): string {
  const slug = label
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug ? fileName.replace(/^crisscross-/, `crisscross-${slug}-`) : fileName;
}
