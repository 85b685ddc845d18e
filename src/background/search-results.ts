// Turns index hits into results the popup and library can show: titles, sites, dates and snippets.
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { makeSnippet, type SearchHit } from '../core/search';
import type { SearchResultView } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';

/** The text a snippet is cut from: where the hit matched, else the item's most telling text. */
function snippetSource(hit: SearchHit, clip: Clip | undefined, highlight: Highlight | undefined): string {
  if (highlight) return hit.fields.includes('note') && !hit.fields.includes('text') ? highlight.note : highlight.text;
  if (!clip) return '';
  if (hit.fields.includes('body')) return clip.text;
  return clip.excerpt || clip.text.slice(0, 2_000);
}

export async function resultViews(db: CrisscrossDb, hits: SearchHit[]): Promise<SearchResultView[]> {
  const highlightIds = hits.filter((hit) => hit.type === 'highlight').map((hit) => hit.id);
  const highlights = new Map((await db.highlights.bulkGet(highlightIds)).filter((h): h is Highlight => Boolean(h)).map((h) => [h.id, h]));
  const clipIds = [
    ...new Set(
      hits.map((hit) => (hit.type === 'clip' ? hit.id : highlights.get(hit.id)?.clipId)).filter((id): id is string => Boolean(id)),
    ),
  ];
  const clips = new Map((await db.clips.bulkGet(clipIds)).filter((c): c is Clip => Boolean(c)).map((c) => [c.id, c]));

  const views: SearchResultView[] = [];
  for (const hit of hits) {
    const highlight = hit.type === 'highlight' ? highlights.get(hit.id) : undefined;
    const clip = clips.get(highlight ? highlight.clipId : hit.id);
    // An item deleted since the index answered is simply not shown.
    if (!clip || (hit.type === 'highlight' && !highlight)) continue;
    const terms = hit.terms.length ? hit.terms : hit.queryTerms;
    // A snippet as long as the title is the whole title, with its matches marked.
    const title = makeSnippet(clip.title, terms, clip.title.length + 2);
    views.push({
      type: hit.type,
      id: hit.id,
      clipId: clip.id,
      title: clip.title,
      titleMarks: title.text === clip.title ? title.marks : [],
      siteName: clip.siteName,
      url: clip.url,
      savedAt: hit.savedAt,
      snippet: makeSnippet(snippetSource(hit, clip, highlight), terms),
      quote: highlight?.text ?? null,
    });
  }
  return views;
}
