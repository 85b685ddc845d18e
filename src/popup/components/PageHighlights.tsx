// The current page's highlights and notes, with the ones not found on the page marked as orphans.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Highlight } from '../../core/highlight';
import { sendRequest } from '../../messaging/client';
import type { TabHighlights } from '../../messaging/protocol';
import { OrganiseDisclosure } from '../../ui/Organise';

const excerpt = (text: string, max = 140) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export function PageHighlights({ tabId, refreshKey }: { tabId: number; refreshKey: number }) {
  const [data, setData] = useState<TabHighlights | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const load = useCallback(async () => {
    const result = await sendRequest('getTabHighlights', { tabId });
    setData(result.ok ? result.value : { highlights: [], anchors: null });
  }, [tabId]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  if (!data) return null;

  const act = async (action: Promise<{ ok: boolean; error?: string }>, done: string) => {
    const result = await action;
    setMessage(result.ok ? { text: done, error: false } : { text: result.error ?? 'That did not work.', error: true });
    await load();
  };

  const orphans = data.anchors ? data.highlights.filter((highlight) => data.anchors![highlight.id] === null).length : 0;
  return (
    <section class="highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">
        Highlights on this page{data.highlights.length > 0 && ` (${data.highlights.length})`}
        {orphans > 0 && <span class="orphan-count"> · {orphans} not found</span>}
      </h2>
      {message && (
        <p class={message.error ? 'status-error' : 'status-note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {data.highlights.length === 0 ? (
        <p class="muted empty">
          Select text on the page, then choose “Highlight” (or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>; <kbd>Alt</kbd>+
          <kbd>Shift</kbd>+<kbd>N</kbd> moves to the highlight toolbar).
        </p>
      ) : (
        <ul class="highlight-list" aria-label="Highlights">
          {data.highlights.map((highlight) => (
            <HighlightItem
              key={highlight.id}
              highlight={highlight}
              orphan={data.anchors ? data.anchors[highlight.id] === null : false}
              onDelete={() => act(sendRequest('deleteHighlight', { id: highlight.id }), 'Highlight deleted.')}
              onReattach={() =>
                act(sendRequest('reattachHighlight', { tabId, id: highlight.id }), 'Highlight re-attached to your selection.')
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function HighlightItem({
  highlight,
  orphan,
  onDelete,
  onReattach,
}: {
  highlight: Highlight;
  orphan: boolean;
  onDelete: () => void;
  onReattach: () => void;
}) {
  return (
    <li class={`highlight color-${highlight.color}${orphan ? ' orphan' : ''}`}>
      <blockquote>{excerpt(highlight.text)}</blockquote>
      {highlight.note && <p class="note">{highlight.note}</p>}
      {highlight.tags.length > 0 && (
        <ul class="tag-list" aria-label="Tags">
          {highlight.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      {orphan && <p class="orphan-state">Not found on this page. Select the passage and re-attach it, or delete it.</p>}
      <OrganiseDisclosure
        item={{ type: 'highlight', id: highlight.id }}
        tags={highlight.tags}
        label={`highlight ${excerpt(highlight.text, 40)}`}
      />
      <div class="item-actions">
        {orphan && (
          <button type="button" class="link" onClick={onReattach} aria-label={`Re-attach to selection: ${excerpt(highlight.text, 40)}`}>
            Re-attach to selection
          </button>
        )}
        <button type="button" class="link danger" onClick={onDelete} aria-label={`Delete highlight: ${excerpt(highlight.text, 40)}`}>
          Delete
        </button>
      </div>
    </li>
  );
}
