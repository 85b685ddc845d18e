// The popup: the current page's state, the "Clip page" button, and the most recent clips.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ClipSummary } from '../core/page-capture';
import { sendRequest } from '../messaging/client';
import type { ClipOutcome, PageState } from '../messaging/protocol';
import { ClipStatus, type ClipStatusState } from './components/ClipStatus';
import { PageCard } from './components/PageCard';
import { PageHighlights } from './components/PageHighlights';
import { RecentClips } from './components/RecentClips';
import { resolveTargetTabId } from './target-tab';

const RECENT_LIMIT = 8;

export function App({ search }: { search: string }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageState | { kind: 'loading' } | { kind: 'error'; reason: string }>({ kind: 'loading' });
  const [recent, setRecent] = useState<ClipSummary[] | null>(null);
  const [status, setStatus] = useState<ClipStatusState>({ kind: 'idle' });
  const [refreshKey, setRefreshKey] = useState(0);

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
    // Wake the worker at once so its database is open by the time the user acts.
    void sendRequest('warmUp', {});
    resolveTargetTabId(search).then((id) => {
      setTabId(id);
      return refresh(id);
    });
  }, [search, refresh]);

  useEffect(() => {
    document.getElementById('app')?.setAttribute('aria-busy', String(page.kind === 'loading'));
  }, [page.kind]);

  const clip = async () => {
    if (tabId === null) return;
    setStatus({ kind: 'working' });
    const result = await sendRequest('clipTab', { tabId });
    setStatus(result.ok ? outcomeStatus(result.value) : { kind: 'failed', reason: result.error });
    await refresh(tabId);
  };

  return (
    <>
      <header class="bar">
        <h1 class="brand">
          <img src="icons/icon-32.png" alt="" width="20" height="20" /> Crisscross
        </h1>
      </header>
      <PageCard page={page} busy={status.kind === 'working'} onClip={clip} />
      <ClipStatus status={status} />
      {tabId !== null && page.kind === 'page' && <PageHighlights tabId={tabId} refreshKey={refreshKey} />}
      <RecentClips clips={recent} />
    </>
  );
}

function outcomeStatus(outcome: ClipOutcome): ClipStatusState {
  return { kind: outcome.status, title: outcome.clip.title, source: outcome.source, truncated: outcome.truncated };
}
