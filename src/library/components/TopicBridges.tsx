// What bridges two topics: the items filed under both, the words distinctive in both at once, and
// the strongest pairs of items running from one topic to the other.
import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { LibraryConnectionView, TopicBridgeView } from '../../messaging/protocol';
import { ItemLink } from './ItemLink';

export function TopicBridges({
  a,
  b,
  onFeedback,
}: {
  a: string;
  b: string;
  onFeedback: (connection: LibraryConnectionView, status: 'confirmed' | 'dismissed') => Promise<void>;
}) {
  const [bridge, setBridge] = useState<TopicBridgeView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const result = await sendRequest('getTopicBridges', { a, b });
    if (result.ok) setBridge(result.value);
    else setError(result.error);
  };
  useEffect(() => {
    void load();
  }, [a, b]);

  const judge = async (pair: LibraryConnectionView, status: 'confirmed' | 'dismissed') => {
    await onFeedback(pair, status);
    await load();
  };

  const items = new Map((bridge?.items ?? []).map((item) => [item.key, item]));
  return (
    <section class="bridges" aria-labelledby="bridges-heading">
      <h2 id="bridges-heading">
        Bridges between {a} and {b}
      </h2>
      {error && <p class="status-error">{error}</p>}
      {!bridge && !error && <p class="muted">Looking…</p>}
      {bridge && (
        <div class="bridge-columns">
          <div>
            <h3 id="bridge-items-heading">In both topics</h3>
            {bridge.shared.length === 0 ? (
              <p class="muted">No item is filed under both.</p>
            ) : (
              <ul aria-labelledby="bridge-items-heading">
                {bridge.shared.map((item) => (
                  <li key={item.key}>
                    <ItemLink item={item} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 id="bridge-terms-heading">Words distinctive in both</h3>
            {bridge.terms.length === 0 ? (
              <p class="muted">None yet.</p>
            ) : (
              <ul class="bridge-terms-list" aria-labelledby="bridge-terms-heading">
                {bridge.terms.map((term) => (
                  <li key={term.label}>{term.label}</li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <h3 id="bridge-pairs-heading">Strongest pairs across</h3>
            {bridge.pairs.length === 0 ? (
              <p class="muted">No pair of items links them yet.</p>
            ) : (
              <ul aria-labelledby="bridge-pairs-heading">
                {bridge.pairs.map((pair) => {
                  const from = items.get(pair.a);
                  const to = items.get(pair.b);
                  if (!from || !to) return null;
                  return (
                    <li key={`${pair.a}|${pair.b}`}>
                      <ItemLink item={from} /> ↔ <ItemLink item={to} />
                      <span class="muted">
                        {' '}
                        {pair.strength} · {pair.terms.join(', ')}
                      </span>{' '}
                      {!pair.confirmed && (
                        <button
                          type="button"
                          class="link"
                          aria-label={`Confirm connection between ${from.title} and ${to.title}`}
                          onClick={() => judge(pair, 'confirmed')}
                        >
                          Confirm
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
