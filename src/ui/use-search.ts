// Search as you type (popup and library): a quick answer on every keystroke, article text once typing pauses, and
// answers to stale keystrokes dropped.
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendRequest } from '../messaging/client';
import type { SearchFilterInput, SearchResponse } from '../messaging/protocol';

/** Typing pause after which article text is searched too. */
export const FULL_TEXT_PAUSE_MS = 250;

export type SearchState =
  { kind: 'idle' } | { kind: 'searching' } | { kind: 'done'; response: SearchResponse } | { kind: 'failed'; error: string };

export function hasFilters(filters: SearchFilterInput): boolean {
  return Object.values(filters).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined));
}

/** Search state for a query and filters; `limit` results at most. */
export function useSearch(query: string, filters: SearchFilterInput, limit = 20): SearchState {
  const [state, setState] = useState<SearchState>({ kind: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const active = query.trim() !== '' || hasFilters(filters);
    const ticket = ++latest.current;
    if (!active) {
      setState({ kind: 'idle' });
      return;
    }
    const run = async (mode: 'quick' | 'full') => {
      const result = await sendRequest('search', { query, mode, filters, limit });
      if (ticket !== latest.current) return;
      setState(result.ok ? { kind: 'done', response: result.value } : { kind: 'failed', error: result.error });
    };
    setState((previous) => (previous.kind === 'done' ? previous : { kind: 'searching' }));
    void run('quick');
    const timer = setTimeout(() => void run('full'), FULL_TEXT_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query, JSON.stringify(filters), limit]);

  return state;
}
