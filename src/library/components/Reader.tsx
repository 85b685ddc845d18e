// The reader: a clip's article from its stored, sanitized HTML (sanitized again here, no scripts, no
// remote requests unless images are allowed), its highlights drawn in place, and its details beside it.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { anchorSelectors } from '../../core/anchoring/anchor';
import { createSanitizer } from '../../core/extract/sanitize';
import { formatShortDate } from '../../core/format-date';
import type { Highlight } from '../../core/highlight';
import type { Clip } from '../../core/page-capture';
import { createPainter } from '../../ui/highlight-painter';
import { Organise, OrganiseDisclosure } from '../../ui/Organise';
import { sendRequest } from '../../messaging/client';

type State = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'ready'; clip: Clip; highlights: Highlight[] };

export function Reader({ clipId, loadImages }: { clipId: string; loadImages: boolean }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [found, setFound] = useState<Map<string, Range>>(new Map());
  const article = useRef<HTMLDivElement>(null);
  const sanitize = useMemo(() => createSanitizer(window, { images: loadImages }), [loadImages]);

  useEffect(() => {
    setState({ kind: 'loading' });
    void sendRequest('getClip', { id: clipId }).then((result) =>
      setState(result.ok ? { kind: 'ready', ...result.value } : { kind: 'failed', error: result.error }),
    );
  }, [clipId]);

  const html = state.kind === 'ready' ? sanitize(state.clip.html) : '';

  useEffect(() => {
    if (state.kind !== 'ready' || !article.current) return;
    // The reader's markup is not the page's, so highlights are found by their quote (exact, then fuzzy).
    const ranges = new Map<string, Range>();
    for (const highlight of state.highlights) {
      const anchor = anchorSelectors(article.current, { quote: highlight.selectors.quote });
      if (anchor) ranges.set(highlight.id, anchor.range);
    }
    createPainter(document).paint(
      state.highlights.filter((h) => ranges.has(h.id)).map((h) => ({ id: h.id, range: ranges.get(h.id)!, color: h.color })),
    );
    setFound(ranges);
  }, [html, state]);

  if (state.kind === 'loading') return <p class="muted">Loading…</p>;
  if (state.kind === 'failed') {
    return (
      <p class="status-error" role="alert">
        {state.error} <a href="#/">Back to the library</a>
      </p>
    );
  }
  const { clip, highlights } = state;
  return (
    <div class="reader">
      <article class="reader-main" aria-labelledby="reader-title">
        <h1 id="reader-title" tabIndex={-1}>
          {clip.title}
        </h1>
        <p class="muted">
          {[
            clip.author,
            clip.siteName,
            clip.publishedAt && `published ${formatShortDate(clip.publishedAt)}`,
            `saved ${formatShortDate(clip.savedAt)}`,
          ]
            .filter(Boolean)
            .join(' · ')}{' '}
          ·{' '}
          <a href={clip.url} target="_blank" rel="noopener noreferrer">
            open the page
          </a>
        </p>
        {/* Sanitized twice (when clipped, and here) and shown under the page's strict CSP. */}
        <div class="reader-article" ref={article} dangerouslySetInnerHTML={{ __html: html }} />
      </article>
      <aside class="reader-side" aria-label="About this clip">
        <h2>Tags and collections</h2>
        <Organise item={{ type: 'clip', id: clip.id }} tags={clip.tags} label="this clip" />
        <h2>Highlights ({highlights.length})</h2>
        {highlights.length === 0 ? (
          <p class="muted">No highlights yet. Highlight passages on the page itself.</p>
        ) : (
          <ul class="reader-highlights" aria-label="Highlights">
            {highlights.map((highlight) => (
              <li key={highlight.id} class={`highlight color-${highlight.color}`}>
                <button
                  type="button"
                  class="link"
                  disabled={!found.has(highlight.id)}
                  onClick={() =>
                    found.get(highlight.id)?.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' })
                  }
                >
                  “{highlight.text.slice(0, 160)}
                  {highlight.text.length > 160 ? '…' : ''}”
                </button>
                {highlight.note && <p class="note">{highlight.note}</p>}
                {!found.has(highlight.id) && <p class="muted">Not found in the saved text.</p>}
                <OrganiseDisclosure
                  item={{ type: 'highlight', id: highlight.id }}
                  tags={highlight.tags}
                  label={`highlight ${highlight.text.slice(0, 40)}`}
                />
              </li>
            ))}
          </ul>
        )}
      </aside>
    </div>
  );
}
