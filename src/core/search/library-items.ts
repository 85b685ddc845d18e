// Turns stored clips and highlights into the items the search index holds.
import type { Highlight } from '../highlight';
import type { Clip } from '../page-capture';
import type { SearchClip, SearchHighlight } from './types';

export function clipItem(clip: Clip, collections: readonly string[] = []): SearchClip {
  const { id, title, url, siteName, author, excerpt, text, tags, savedAt } = clip;
  return { type: 'clip', id, title, url, siteName, author, excerpt, text, tags, collections, savedAt };
}

/** A highlight carries its page's title, address and site so "site:" and page words find it. */
export function highlightItem(
  highlight: Highlight,
  clip: Pick<Clip, 'title' | 'url' | 'siteName'> | undefined,
  collections: readonly string[] = [],
): SearchHighlight {
  const { id, clipId, text, note, tags, createdAt } = highlight;
  return {
    type: 'highlight',
    id,
    clipId,
    text,
    note,
    tags,
    collections,
    title: clip?.title ?? highlight.pageTitle,
    url: clip?.url ?? highlight.pageUrl,
    siteName: clip?.siteName ?? null,
    savedAt: createdAt,
  };
}
