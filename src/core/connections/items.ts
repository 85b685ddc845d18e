// Turns stored clips and highlights into connection items, keyed like the search index keys them.
import type { Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import { docKey, refFromKey } from '../search/documents';
import type { ItemRef } from '../search/types';
import { topicsOf } from './topics';
import type { ConnectionItem } from './types';

/** The index key of a saved item: "c:<id>" for a clip, "h:<id>" for a highlight (ids of the two may repeat). */
export function itemKey(ref: ItemRef): string {
  return docKey(ref.type, ref.id);
}

/** The saved item an index key names. */
export function itemRef(key: string): ItemRef {
  return refFromKey(key);
}

/**
 * A clip as a connection item; `collections` are the names of the collections it is in. Its
 * highlights' passages and notes count toward its terms: what the curator marked and wrote is what
 * the clip is about to them. They go first, so an article cut at MAX_ANALYZED_CHARS keeps them.
 */
export function clipConnectionItem(
  clip: Pick<Clip, 'id' | 'title' | 'text' | 'tags' | 'siteName' | 'url'>,
  collections: readonly string[] = [],
  highlights: ReadonlyArray<Pick<Highlight, 'text' | 'note'>> = [],
): ConnectionItem {
  const id = itemKey({ type: 'clip', id: clip.id });
  const marked = highlights.flatMap((highlight) => (highlight.note ? [highlight.text, highlight.note] : [highlight.text]));
  return {
    id,
    page: id,
    title: clip.title,
    text: marked.length > 0 ? `${marked.join('\n\n')}\n\n${clip.text}` : clip.text,
    topics: topicsOf({ ...clip, collections }),
  };
}

/**
 * A highlight as a connection item: its passage and note are its text (the page title would make
 * every highlight of a page look alike). It inherits its clip's topics, so pass the clip and the
 * clip's collections when known.
 */
export function highlightConnectionItem(
  highlight: Pick<Highlight, 'id' | 'clipId' | 'text' | 'note' | 'tags' | 'pageUrl'>,
  clip?: { tags?: readonly string[] | null; siteName?: string | null; url?: string | null; collections?: readonly string[] | null },
  collections: readonly string[] = [],
): ConnectionItem {
  const own = { tags: highlight.tags, collections, url: highlight.pageUrl };
  return {
    id: itemKey({ type: 'highlight', id: highlight.id }),
    page: itemKey({ type: 'clip', id: highlight.clipId }),
    title: '',
    text: highlight.note ? `${highlight.text}\n\n${highlight.note}` : highlight.text,
    topics: topicsOf(own, clip ?? { url: highlight.pageUrl }),
  };
}
