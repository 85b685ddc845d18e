// Search as you type (popup and library): a quick answer on every keystroke, article text once typing pauses, and
// answers to stale keystrokes dropped.
import { useEffect, useRef, useState } from 'preact/hooks';
import { setsAnyFilter } from '../core/search/filters';
import { sendRequest } from '../messaging/client';
import type { SearchFilterInput, SearchResponse } from '../messaging/protocol';

/** Typing pause after which article text is searched too. */
export const FULL_TEXT_PAUSE_MS = 250;
/** A worker that just started may answer before its article text is loaded: ask again this often, this many times. */
const FULL_TEXT_RETRY_MS = 500;
const FULL_TEXT_RETRIES = 60;

export type SearchState =
  { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; response: SearchResponse } | { kind: 'failed'; error: string };

/** Search state for a query and filters; `limit` results at most. */
export function useSearch(query: string, filters: SearchFilterInput, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const active = query.trim() !== '' || setsAnyFilter(filters);
    const ticket = ++latest.current;
    if (!active) {
      setState({ kind: 'idle' });
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (mode: 'quick' | 'full', retries = FULL_TEXT_RETRIES) => {
      const result = await sendRequest('search', { query, mode, filters, limit });
      if (ticket !== latest.current) return;
      setState(result.ok ? { kind: 'done', response: result.value } : { kind: 'failed', error: result.error });
      if (mode === 'full' && result.ok && !result.value.fullText && retries > 0) {
        timer = setTimeout(() => void run('full', retries - 1), FULL_TEXT_RETRY_MS);
      }
    };
    setState((previous) => (previous.kind === 'done' ? previous : { kind: 'searching' }));
    void run('quick');
    timer = setTimeout(() => void run('full'), FULL_TEXT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, JSON.stringify(filters), limit]);

  return state;
}
