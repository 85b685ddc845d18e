// Search results: title, site, date, type and a snippet with the matched words marked.
import { formatShortDate } from '../core/format-date';
import type { SearchResultView } from '../messaging/protocol';
import type { SearchState } from './use-search';

/** The id of a result's element, for aria-activedescendant. */
export const resultId = (index: number) => `search-result-${index}`;

/** Text with its matched words in <mark>, built as text nodes (never as HTML). */
export function Marked({ text, marks, class: className }: { text: string; marks: [number, number][]; class: string }) {
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <span class={className}>{parts}</span>;
}

type Props = {
  state: SearchState;
  query: string;
  active: number;
  onOpen: (result: SearchResultView) => void;
  onHover: (index: number) => void;
  limit?: number;
};

export function SearchResults({ state, query, active, onOpen, onHover, limit = 20 }: Props) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'failed') {
    return (
      <p class="status-error" role="alert">
        Search failed: {state.error}
      </p>
    );
  }
  const response = state.kind === 'done' ? state.response : null;
  const results = response?.results ?? [];
  return (
    <section class="results" aria-label="Search results">
      <p class="muted results-state" role="status">
        {!response
          ? 'Searching…'
          : results.length === 0
            ? `Nothing matches “${query.trim()}”. Try fewer or shorter words, or clear the filters.`
            : `${results.length === limit ? `Top ${limit}` : results.length} result${results.length === 1 ? '' : 's'}${response.fullText ? '' : ' (titles, notes and highlights; article text follows)'}`}
        {response?.indexing && ' Your library is still being indexed, so some items may be missing.'}
      </p>
      {response && response.invalid.length > 0 && <p class="status-note">Not understood: {response.invalid.join(', ')}</p>}
      {results.length > 0 && (
        <ul class="result-list" role="listbox" id="search-results" aria-label="Results">
          {results.map((result, index) => (
            <li
              key={`${result.type}:${result.id}`}
              id={resultId(index)}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'active' : ''}
              onClick={() => onOpen(result)}
              onMouseMove={() => onHover(index)}
            >
              <Marked class="clip-title" text={result.title} marks={result.titleMarks} />
              <span class="clip-meta">
                <span class={`badge badge-${result.type}`}>{result.type === 'clip' ? 'Clip' : 'Highlight'}</span> {result.siteName} ·{' '}
                {formatShortDate(result.savedAt)}
              </span>
              {result.snippet.text && <Marked class="snippet" text={result.snippet.text} marks={result.snippet.marks} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
