// Turns index hits into results the popup and library can show: titles, sites, dates and snippets.
import type { Highlight } from '../core/highlight';
import type { Clip } from '../core/page-capture';
import { makeSnippet, type ItemRef, type SearchHit } from '../core/search';
import type { SearchResultView } from '../messaging/protocol';
import type { CrisscrossDb } from '../storage/db';

/** What a result view needs of a clip, short of its article text. */
interface ClipSummary {
  id: string;
  title: string;
  siteName: string;
  url: string;
  /** The excerpt, or the start of the article: the snippet source when the article text did not match. */
  summary: string;
}

type HighlightSummary = Pick<Highlight, 'id' | 'clipId' | 'text' | 'note'>;

/**
 * Summaries kept for this many recently shown items of each type. Consecutive keystrokes show mostly the
 * same items: reading them from IndexedDB again (whole clips with their HTML) took a third of a keystroke.
 */
const CACHED_ITEMS = 1_000;

function summarise(clip: Clip): ClipSummary {
  const { id, title, siteName, url } = clip;
  return { id, title, siteName, url, summary: clip.excerpt || clip.text.slice(0, 2_000) };
}

/** A map that forgets its least recently used entries beyond `capacity`. */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** Builds result views, keeping summaries of recently shown items; tell it about every write with forget(). */
export function createResultViews(db: CrisscrossDb) {
  const clipSummaries = new RecentlyUsed<ClipSummary>(CACHED_ITEMS);
  const highlightSummaries = new RecentlyUsed<HighlightSummary>(CACHED_ITEMS);

  async function highlightsOf(ids: string[]): Promise<Map<string, HighlightSummary>> {
    const found = new Map<string, HighlightSummary>();
    const missing = ids.filter((id) => {
      const cached = highlightSummaries.get(id);
      if (cached) found.set(id, cached);
      return !cached;
    });
    for (const highlight of await db.highlights.bulkGet(missing)) {
      if (!highlight) continue;
      const { id, clipId, text, note } = highlight;
      highlightSummaries.set(id, { id, clipId, text, note });
      found.set(id, { id, clipId, text, note });
    }
    return found;
  }

  /** Clip summaries by id; clips whose article text matched are read whole, for a snippet from that text. */
  async function clipsOf(ids: string[], needText: Set<string>): Promise<Map<string, ClipSummary | Clip>> {
    const found = new Map<string, ClipSummary | Clip>();
    const missing = ids.filter((id) => {
      const cached = needText.has(id) ? undefined : clipSummaries.get(id);
      if (cached) found.set(id, cached);
      return !cached;
    });
    for (const clip of await db.clips.bulkGet(missing)) {
      if (!clip) continue;
      clipSummaries.set(clip.id, summarise(clip));
      found.set(clip.id, needText.has(clip.id) ? clip : summarise(clip));
    }
    return found;
  }

  return {
    async views(hits: SearchHit[]): Promise<SearchResultView[]> {
      const highlights = await highlightsOf(hits.filter((hit) => hit.type === 'highlight').map((hit) => hit.id));
      const clipIds = [
        ...new Set(
          hits.map((hit) => (hit.type === 'clip' ? hit.id : highlights.get(hit.id)?.clipId)).filter((id): id is string => Boolean(id)),
        ),
      ];
      const needText = new Set(hits.filter((hit) => hit.type === 'clip' && hit.fields.includes('body')).map((hit) => hit.id));
      const clips = await clipsOf(clipIds, needText);

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
    },
    /** Drops what is kept of an item that was written or deleted (a clip's highlights show its title). */
    forget(ref: ItemRef): void {
      (ref.type === 'clip' ? clipSummaries : highlightSummaries).delete(ref.id);
    },
  };
}

export type ResultViews = ReturnType<typeof createResultViews>;

/** The text a snippet is cut from: where the hit matched, else the item's most telling text. */
function snippetSource(hit: SearchHit, clip: ClipSummary | Clip, highlight: HighlightSummary | undefined): string {
  if (highlight) return hit.fields.includes('note') && !hit.fields.includes('text') ? highlight.note : highlight.text;
  if ('text' in clip && hit.fields.includes('body')) return clip.text;
  return 'summary' in clip ? clip.summary : clip.excerpt || clip.text.slice(0, 2_000);
}
