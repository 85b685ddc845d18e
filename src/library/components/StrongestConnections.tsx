// The strongest cross-topic connections of the whole library, as a table: both items with their
// topics, the words they share and how strong the link is; each can be confirmed or dismissed.
import { useState } from 'preact/hooks';
import { pairMatches, type TopicPairFilter } from '../../core/connections/topic-filter';
import type { ConnectedItemView, LibraryConnectionView } from '../../messaging/protocol';
import { ItemLink } from './ItemLink';

/** Rows shown before "Show more". */
const PAGE = 25;

export function StrongestConnections({
  connections,
  items,
  filter,
  onFeedback,
}: {
  connections: LibraryConnectionView[];
  items: ReadonlyMap<string, ConnectedItemView>;
  filter: TopicPairFilter;
  onFeedback: (connection: LibraryConnectionView, status: 'confirmed' | 'dismissed') => Promise<void>;
}) {
  const [shown, setShown] = useState(PAGE);
  const rows = connections.filter((pair) => {
    const a = items.get(pair.a);
    const b = items.get(pair.b);
    return a && b && pairMatches(a.topics, b.topics, filter);
  });

  return (
    <section aria-labelledby="strongest-heading" class="strongest">
      <h2 id="strongest-heading">Strongest connections</h2>
      {rows.length === 0 ? (
        <p class="muted">
          {connections.length === 0
            ? 'No cross-topic connections yet: they appear when items under different tags share distinctive words.'
            : 'No connections between these topics.'}
        </p>
      ) : (
        <table class="connection-table" aria-labelledby="strongest-heading">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Topic</th>
              <th scope="col">Connected item</th>
              <th scope="col">Topic</th>
              <th scope="col">Shared terms</th>
              <th scope="col">Strength</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((pair) => {
              const a = items.get(pair.a)!;
              const b = items.get(pair.b)!;
              const names = `${a.title} and ${b.title}`;
              return (
                <tr key={`${pair.a}|${pair.b}`}>
                  <td>
                    <ItemLink item={a} />
                  </td>
                  <td>{a.topics.join(', ')}</td>
                  <td>
                    <ItemLink item={b} />
                  </td>
                  <td>{b.topics.join(', ')}</td>
                  <td class="shared-terms">{pair.terms.join(', ')}</td>
                  <td>
                    <span class={`badge strength-${pair.strength}`}>{pair.strength}</span>
                    <span class="muted"> {pair.score.toFixed(2)}</span>
                  </td>
                  <td class="row-actions">
                    {pair.confirmed ? (
                      <span class="muted">Confirmed</span>
                    ) : (
                      <button
                        type="button"
                        class="link"
                        aria-label={`Confirm connection between ${names}`}
                        onClick={() => onFeedback(pair, 'confirmed')}
                      >
                        Confirm
                      </button>
                    )}
                    <button
                      type="button"
                      class="link danger"
                      aria-label={`Dismiss connection between ${names}`}
                      onClick={() => onFeedback(pair, 'dismissed')}
                    >
                      Dismiss
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show more ({rows.length - shown} left)
        </button>
      )}
    </section>
  );
}
