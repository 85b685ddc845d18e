// Connections for the current page: saved items from other topics that relate to it, strongest first,
// each explained by the words both share and a sentence from each side; then more on its own topic.
import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { ConnectionView, PassageView, TabConnections } from '../../messaging/protocol';
import { Marked } from '../../ui/SearchResults';
import { openInNewTab } from '../target-tab';

export function Connections({ tabId, refreshKey }: { tabId: number; refreshKey: number }) {
  const [data, setData] = useState<TabConnections | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const result = await sendRequest('getTabConnections', { tabId });
    if (result.ok) setData(result.value);
    else setError(result.error);
  };
  useEffect(() => {
    void load();
  }, [tabId, refreshKey]);

  const feedback = async (connection: ConnectionView, status: 'confirmed' | 'dismissed') => {
    if (!data?.sourceKey) return;
    const result = await sendRequest('setConnectionFeedback', {
      source: data.sourceKey,
      target: connection.key,
      status,
      note: '',
      terms: connection.terms,
    });
    if (result.ok) await load();
    else setError(result.error);
  };

  return (
    <section class="connections" aria-labelledby="connections-heading">
      <h2 id="connections-heading">Connections</h2>
      {error && <p class="status-note">{error}</p>}
      {!data && !error && <p class="muted">Looking for connections…</p>}
      {data && data.connections.length === 0 && (
        <p class="muted empty">
          No connections to other topics yet. They appear as you save pages under different tags
          {data.sourceTopics.length ? ` than ${data.sourceTopics.join(', ')}` : ''}.
        </p>
      )}
      {data && data.connections.length > 0 && (
        <ul class="connection-list" aria-label="Connections">
          {data.connections.map((connection) => (
            <ConnectionItem key={connection.key} connection={connection} canJudge={data.sourceKey !== null} onFeedback={feedback} />
          ))}
        </ul>
      )}
      {data && data.sameTopic.length > 0 && (
        <>
          <h3>More on this topic</h3>
          <ul class="connection-list" aria-label="More on this topic">
            {data.sameTopic.map((connection) => (
              <ConnectionItem key={connection.key} connection={connection} canJudge={false} onFeedback={feedback} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Passage({ label, passage }: { label: string; passage: PassageView | null }) {
  return (
    <div class="passage">
      <span class="passage-label">{label}</span>
      {passage ? (
        <Marked class="passage-text" text={passage.text} marks={passage.marks} />
      ) : (
        <span class="muted">No single sentence shares these words.</span>
      )}
    </div>
  );
}

function ConnectionItem({
  connection,
  canJudge,
  onFeedback,
}: {
  connection: ConnectionView;
  canJudge: boolean;
  onFeedback: (connection: ConnectionView, status: 'confirmed' | 'dismissed') => void;
}) {
  return (
    <li class={`connection strength-${connection.strength}`}>
      <a
        href={connection.url}
        class="clip-title"
        onClick={(event) => {
          event.preventDefault();
          void openInNewTab(connection.url);
        }}
      >
        {connection.title}
      </a>
      <span class="clip-meta">
        <span class="badge">{connection.strength}</span> {connection.topics.join(', ')}
        {connection.confirmed && ' · confirmed'}
      </span>
      <span class="shared-terms">Shared: {connection.terms.join(', ')}</span>
      <details>
        <summary>Why they connect</summary>
        <div class="passages">
          <Passage label="This page" passage={connection.sourcePassage} />
          <Passage label={connection.title} passage={connection.targetPassage} />
        </div>
      </details>
      {canJudge && !connection.confirmed && (
        <div class="item-actions">
          <button
            type="button"
            class="link"
            onClick={() => onFeedback(connection, 'confirmed')}
            aria-label={`Confirm connection to ${connection.title}`}
          >
            Confirm
          </button>
          <button
            type="button"
            class="link danger"
            onClick={() => onFeedback(connection, 'dismissed')}
            aria-label={`Dismiss connection to ${connection.title}`}
          >
            Dismiss
          </button>
        </div>
      )}
    </li>
  );
}
