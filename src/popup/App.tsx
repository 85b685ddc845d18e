// The popup: search everything as you type; otherwise the current page (clip it, its highlights)
// and the most recent clips.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ClipSummary } from '../core/page-capture';
import { urlWithTextFragment } from '../core/text-fragment';
import { sendRequest } from '../messaging/client';
import { browser } from '../platform/browser';
import { applyTheme, loadSettings } from '../ui/settings';
import type { ClipOutcome, PageState, SearchFilterInput, SearchResultView } from '../messaging/protocol';
import { ClipStatus, type ClipStatusState } from './components/ClipStatus';
import { Connections } from './components/Connections';
import { PageCard } from './components/PageCard';
import { PageHighlights } from './components/PageHighlights';
import { RecentClips } from './components/RecentClips';
import { SearchFilters } from '../ui/SearchFilters';
import { SearchResults, resultId } from '../ui/SearchResults';
import { openInNewTab, resolveTargetTabId } from './target-tab';
import { useSearch } from '../ui/use-search';

const RECENT_LIMIT = 8;

export function App({ search }: { search: string }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageState | { kind: 'loading' } | { kind: 'error'; reason: string }>({ kind: 'loading' });
  const [recent, setRecent] = useState<ClipSummary[] | null>(null);
  const [status, setStatus] = useState<ClipStatusState>({ kind: 'idle' });
  const [refreshKey, setRefreshKey] = useState(0);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilterInput>({});
  const [active, setActive] = useState(0);
  const results = useSearch(query, filters);
  const shown = results.kind === 'done' ? results.response.results : [];

  const refresh = useCallback(async (id: number | null) => {
    const [state, clips] = await Promise.all([
      id === null ? null : sendRequest('getPageState', { tabId: id }),
      sendRequest('listRecentClips', { limit: RECENT_LIMIT }),
    ]);
    if (state === null) setPage({ kind: 'error', reason: 'There is no tab to clip here.' });
    else setPage(state.ok ? state.value : { kind: 'error', reason: state.error });
    setRecent(clips.ok ? clips.value : []);
    setRefreshKey((key) => key + 1);
  }, []);

  useEffect(() => {
    // Wake the worker at once so its database and search index are ready by the first keystroke.
    void sendRequest('warmUp', {});
    void loadSettings().then((settings) => applyTheme(settings.theme));
    resolveTargetTabId(search).then((id) => {
      setTabId(id);
      return refresh(id);
    });
  }, [search, refresh]);

  useEffect(() => {
    document.getElementById('app')?.setAttribute('aria-busy', String(page.kind === 'loading'));
  }, [page.kind]);

  useEffect(() => setActive(0), [results]);

  const clip = async () => {
    if (tabId === null) return;
    setStatus({ kind: 'working' });
    const result = await sendRequest('clipTab', { tabId });
    setStatus(result.ok ? outcomeStatus(result.value) : { kind: 'failed', reason: result.error });
    await refresh(tabId);
  };

  const open = (result: SearchResultView) => void openInNewTab(result.quote ? urlWithTextFragment(result.url, result.quote) : result.url);

  const onSearchKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (shown.length === 0) return;
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
    } else if (event.key === 'Enter' && shown[active]) {
      event.preventDefault();
      open(shown[active]!);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    }
  };

  const searching = results.kind !== 'idle';
  return (
    <>
      <header class="bar">
        <h1 class="brand">
          <img src="icons/icon-32.png" alt="" width="20" height="20" /> Crisscross
        </h1>
        <button type="button" class="link" onClick={() => void openInNewTab(browser.runtime.getURL('library.html'))}>
          Open library
        </button>
      </header>
      <div class="search">
        <input
          type="search"
          role="searchbox"
          aria-label="Search"
          placeholder="Search clips, highlights and notes"
          autofocus
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={onSearchKey}
          aria-controls={results.kind !== 'idle' ? 'search-results' : undefined}
          aria-activedescendant={shown.length > 0 ? resultId(active) : undefined}
        />
        <SearchFilters filters={filters} onChange={setFilters} />
      </div>
      {searching ? (
        <SearchResults state={results} query={query} active={active} onOpen={open} onHover={setActive} />
      ) : (
        <>
          <PageCard page={page} busy={status.kind === 'working'} onClip={clip} />
          <ClipStatus status={status} />
          {tabId !== null && page.kind === 'page' && <PageHighlights tabId={tabId} refreshKey={refreshKey} />}
          {tabId !== null && page.kind === 'page' && <Connections tabId={tabId} refreshKey={refreshKey} />}
          <RecentClips clips={recent} />
        </>
      )}
    </>
  );
}

function outcomeStatus(outcome: ClipOutcome): ClipStatusState {
  return { kind: outcome.status, title: outcome.clip.title, source: outcome.source, truncated: outcome.truncated };
}
