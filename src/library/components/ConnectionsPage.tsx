// The library's Connections page: the graph of topics and items, what bridges a chosen pair of
// topics, the strongest cross-topic connections of the whole library, and the tags behind the topics.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NO_TOPIC_FILTER, type TopicPairFilter } from '../../core/connections/topic-filter';
import { sendRequest } from '../../messaging/client';
import type { LibraryConnectionView, LibraryConnections } from '../../messaging/protocol';
import { ConnectionGraph } from './ConnectionGraph';
import { ConnectionsProgress } from './ConnectionsProgress';
import { StrongestConnections } from './StrongestConnections';
import { TagsPanel } from './TagsPanel';
import { TopicBridges } from './TopicBridges';

export function ConnectionsPage() {
  const [data, setData] = useState<LibraryConnections | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<TopicPairFilter>(NO_TOPIC_FILTER);
  // Bumped after a tag rename, so the bridges panel asks again.
  const [version, setVersion] = useState(0);

  const load = async () => {
    const result = await sendRequest('getLibraryConnections', {});
    if (result.ok) {
      setData(result.value);
      setError(null);
      // A topic renamed or merged away is no longer offered: drop it from the filter.
      const known = new Set(result.value.topics.map((topic) => topic.topic));
      setFilter((current) => ({ a: known.has(current.a) ? current.a : '', b: known.has(current.b) ? current.b : '' }));
    } else setError(result.error);
  };
  useEffect(() => {
    void load();
  }, []);

  const items = useMemo(() => new Map((data?.items ?? []).map((item) => [item.key, item])), [data]);

  const onFeedback = async (connection: LibraryConnectionView, status: 'confirmed' | 'dismissed') => {
    const result = await sendRequest('setConnectionFeedback', {
      source: connection.a,
      target: connection.b,
      status,
      note: '',
      terms: connection.terms,
    });
    if (result.ok) await load();
    else setError(result.error);
  };

  const onTagsChanged = async () => {
    await load();
    setVersion((v) => v + 1);
  };

  return (
    <div class="connections-page">
      <h1 tabIndex={-1}>Connections</h1>
      {error && (
        <p class="status-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <ConnectionsProgress />}
      {data && data.indexed === 0 && (
        <p class="muted">Nothing saved yet. Clip pages under different tags and their connections show here.</p>
      )}
      {data && data.indexed > 0 && (
        <>
          <p class="muted">
            {data.indexed} {data.indexed === 1 ? 'item' : 'items'} in {data.topics.length} {data.topics.length === 1 ? 'topic' : 'topics'},{' '}
            {data.connections.length} cross-topic {data.connections.length === 1 ? 'connection' : 'connections'}.
          </p>
          <TopicPairPicker topics={data.topics.map((topic) => topic.topic)} filter={filter} onChange={setFilter} />
          <ConnectionGraph data={data} items={items} filter={filter} />
          {filter.a && filter.b && filter.a !== filter.b ? (
            <TopicBridges key={`${filter.a}|${filter.b}|${version}`} a={filter.a} b={filter.b} onFeedback={onFeedback} />
          ) : (
            <TopicPairsSummary pairs={data.topicPairs} onChoose={setFilter} />
          )}
          <StrongestConnections connections={data.connections} items={items} filter={filter} onFeedback={onFeedback} />
        </>
      )}
      <TagsPanel onChanged={onTagsChanged} />
    </div>
  );
}

function TopicPairPicker({
  topics,
  filter,
  onChange,
}: {
  topics: string[];
  filter: TopicPairFilter;
  onChange: (filter: TopicPairFilter) => void;
}) {
  const select = (label: string, value: string, set: (topic: string) => void) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => set((event.target as HTMLSelectElement).value)}>
        <option value="">All topics</option>
        {topics.map((topic) => (
          <option key={topic} value={topic}>
            {topic}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="list-controls topic-pair" role="group" aria-label="Filter by topic pair">
      {select('First topic', filter.a, (a) => onChange({ ...filter, a }))}
      {select('Second topic', filter.b, (b) => onChange({ ...filter, b }))}
      {(filter.a || filter.b) && (
        <button type="button" class="link" onClick={() => onChange(NO_TOPIC_FILTER)}>
          Show all topics
        </button>
      )}
    </div>
  );
}

function TopicPairsSummary({ pairs, onChoose }: { pairs: LibraryConnections['topicPairs']; onChoose: (filter: TopicPairFilter) => void }) {
  if (pairs.length === 0) return null;
  return (
    <section aria-labelledby="topic-pairs-heading" class="topic-pairs">
      <h2 id="topic-pairs-heading">Bridges between topics</h2>
      <ul>
        {pairs.map((pair) => (
          <li key={`${pair.a}|${pair.b}`}>
            <button type="button" class="link" onClick={() => onChoose({ a: pair.a, b: pair.b })}>
              {pair.a} and {pair.b}
            </button>
            <span class="muted">
              {' '}
              {pair.shared > 0 && `${pair.shared} ${pair.shared === 1 ? 'item' : 'items'} in both · `}
              {pair.terms.length > 0 ? `shared: ${pair.terms.join(', ')}` : 'no distinctive words in common'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
