// The library list: every clip or highlight, sorted, searchable and filterable, or onboarding when empty.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { formatShortDate } from '../../core/format-date';
import { urlWithTextFragment } from '../../core/text-fragment';
import { sendRequest } from '../../messaging/client';
import type { LibraryItem, LibraryListQuery, LibrarySort, ListCursor, SearchFilterInput, SearchResultView } from '../../messaging/protocol';
import { SearchFilters } from '../../ui/SearchFilters';
import { SearchResults } from '../../ui/SearchResults';
import { setsAnyFilter } from '../../core/search/filters';
import { useSearch } from '../../ui/use-search';
import { routeHref } from '../use-route';
import { BulkActions } from './BulkActions';
import { ExportScoped } from './ExportScoped';
import { Onboarding } from './Onboarding';
import { useListSelection } from './list-selection';
import { PAGE_RETRY_MS, VirtualList, type LoadedPage } from './VirtualList';

const ROW_HEIGHT = 78;
// Rows per request: reading a clip's record (its article too) is most of a page's cost, so a page is a
// few screens, not hundreds of rows; the next page is asked from the last row's cursor, cheap at any depth.
const PAGE_SIZE = 40;
const SEARCH_LIMIT = 100;

export function LibraryList() {
  const [type, setType] = useState<'clip' | 'highlight'>('clip');
  const [sort, setSort] = useState<LibrarySort>('saved');
  const [hasNotes, setHasNotes] = useState(false);
  const [orphaned, setOrphaned] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<SearchFilterInput>({});
  const [active, setActive] = useState(0);
  // Clips made in other tabs while the library was open appear when the user comes back to it.
  const [freshness, setFreshness] = useState(0);
  // Filters alone narrow the list (sorted, every item); words typed make it a search, filtered the same way.
  const results = useSearch(query, query.trim() ? filters : {}, SEARCH_LIMIT);
  const filtered = setsAnyFilter(filters);
  const filterKey = filtered ? JSON.stringify(filters) : '';
  const listQuery: LibraryListQuery = { type, sort, hasNotes, orphaned, ...(filtered ? { filters } : {}) };
  /** Items chosen for bulk actions. */
  const selection = useListSelection(listQuery);
  /** Names the list shown: a count asked for another list (another type, say) arrives too late to be shown. */
  const listKey = `${type}:${sort}:${hasNotes}:${orphaned}:${filterKey}:${freshness}`;
  const shownList = useRef(listKey);
  shownList.current = listKey;

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setFreshness((value) => value + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const loadPage = useCallback(
    async (offset: number, limit: number, after?: ListCursor): Promise<LoadedPage<LibraryItem, ListCursor>> => {
      const request = { ...listQuery, offset, limit };
      let result = await sendRequest('listLibrary', after ? { ...request, after } : request);
      // Should the worker refuse a cursor (a key longer than requests may carry), the offset still finds the page.
      if (!result.ok && after) result = await sendRequest('listLibrary', request);
      // A failed read (the worker restarting, say) rejects, so the list asks again rather than showing the page empty.
      if (!result.ok) throw new Error(result.error);
      if (shownList.current === listKey) setTotal(result.value.total);
      return result.value;
    },
    [listKey],
  );

  useEffect(() => {
    setTotal(null);
    let retry: ReturnType<typeof setTimeout> | undefined;
    const count = () => void loadPage(0, 1).catch(() => (retry = setTimeout(count, PAGE_RETRY_MS)));
    count();
    return () => clearTimeout(retry);
  }, [loadPage]);

  const openResult = (result: SearchResultView) => {
    location.hash = routeHref({ name: 'reader', clipId: result.clipId });
  };
  const shown = results.kind === 'done' ? results.response.results : [];
  const onSearchKey = (event: KeyboardEvent) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && shown.length > 0) {
      event.preventDefault();
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length);
    } else if (event.key === 'Enter' && shown[active]) {
      openResult(shown[active]!);
    }
  };

  /** In the list: Shift+Space selects up to the focused row, Ctrl/Cmd+A selects the whole list. */
  const onListKey = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (event.key === ' ' && event.shiftKey && row) {
      event.preventDefault();
      void selection.selectRange(Number(row.dataset.index));
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      void selection.selectAll();
    }
  };

  if (total === 0 && type === 'clip' && !hasNotes && !filtered && results.kind === 'idle') return <Onboarding />;
  return (
    <section class="library" aria-labelledby="library-heading">
      <h1 id="library-heading" tabIndex={-1}>
        Library
      </h1>
      <div class="toolbar">
        <input
          type="search"
          role="searchbox"
          aria-label="Search"
          placeholder="Search clips, highlights and notes"
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onSearchKey}
        />
        <SearchFilters
          filters={filters}
          onChange={(next) => {
            setFilters(next);
            // A type chosen among the filters is the list's type too, so the list is not left empty.
            if (next.types?.length === 1) setType(next.types[0]!);
          }}
        />
      </div>
      {results.kind !== 'idle' ? (
        <>
          <SearchResults state={results} query={query} active={active} onOpen={openResult} onHover={setActive} limit={SEARCH_LIMIT} />
          <ExportScoped
            scope={{ kind: 'items', items: shown.map((result) => ({ type: result.type, id: result.id })), label: 'search' }}
            action="Export these results"
            count={shown.length}
          />
          {filters.tags?.length === 1 && (
            // Every item with the tag, not only the results shown.
            <ExportScoped scope={{ kind: 'tag', tag: filters.tags[0]! }} action={`Export everything tagged “${filters.tags[0]}”`} />
          )}
        </>
      ) : (
        <>
          <div class="list-controls">
            <div role="radiogroup" aria-label="Show" class="segmented">
              {(['clip', 'highlight'] as const).map((value) => (
                <button key={value} type="button" role="radio" aria-checked={type === value} onClick={() => setType(value)}>
                  {value === 'clip' ? 'Clips' : 'Highlights'}
                </button>
              ))}
            </div>
            {type === 'clip' ? (
              <label>
                Sort by{' '}
                <select value={sort} onChange={(event) => setSort(event.currentTarget.value as LibrarySort)}>
                  <option value="saved">Saved date</option>
                  <option value="published">Published date</option>
                  <option value="title">Title</option>
                  <option value="site">Site</option>
                </select>
              </label>
            ) : (
              <>
                <label>
                  <input type="checkbox" checked={hasNotes} onChange={(event) => setHasNotes(event.currentTarget.checked)} /> Only with
                  notes
                </label>
                <label>
                  <input type="checkbox" checked={orphaned} onChange={(event) => setOrphaned(event.currentTarget.checked)} /> Only not found
                  on their page
                </label>
              </>
            )}
            <span class="muted" role="status">
              {total === null ? 'Loading…' : countLabel(total, type, filtered)}
            </span>
          </div>
          <BulkActions
            selected={[...selection.selected.values()]}
            onChanged={() => setFreshness((value) => value + 1)}
            onClear={selection.clear}
          />
          {total !== null && total > 0 && (
            <button type="button" class="link select-all" onClick={() => void selection.selectAll()}>
              Select all {total.toLocaleString()} {type === 'clip' ? 'clips' : 'highlights'}
            </button>
          )}
          {total !== null && total > 0 && (
            <div class="list-frame" onKeyDown={(event) => onListKey(event)}>
              <VirtualList
                total={total}
                rowHeight={ROW_HEIGHT}
                pageSize={PAGE_SIZE}
                loadPage={loadPage}
                resetKey={listKey}
                label={type === 'clip' ? 'Clips' : 'Highlights'}
                onMove={(from, to, event) => event.shiftKey && void selection.selectRange(to, from)}
                renderRow={(item, index) => (
                  <Row
                    item={item}
                    selected={selection.isSelected(item)}
                    onToggle={(on) => selection.toggle(item, index, on)}
                    onRange={() => void selection.selectRange(index)}
                  />
                )}
              />
            </div>
          )}
          {total === 0 && (
            <p class="muted">
              {filtered
                ? `No ${type === 'clip' ? 'clips' : 'highlights'} match these filters. Change or clear them above.`
                : `No ${type === 'clip' ? 'clips' : 'highlights'} here yet.`}
            </p>
          )}
          {filters.tags?.length === 1 && (
            // Every item with the tag, clips and highlights alike.
            <ExportScoped scope={{ kind: 'tag', tag: filters.tags[0]! }} action={`Export everything tagged “${filters.tags[0]}”`} />
          )}
        </>
      )}
    </section>
  );
}

type RowProps = { item: LibraryItem; selected: boolean; onToggle: (on: boolean) => void; onRange: () => void };

/** A row: its checkbox toggles it (Shift: the range up to it); Ctrl/Cmd or Shift with a click elsewhere on it does the same. */
function Row({ item, selected, onToggle, onRange }: RowProps) {
  const label = item.type === 'highlight' ? `highlight “${item.summary.slice(0, 60)}”` : item.title;
  // The checkbox's own click is never cancelled: a cancelled click puts the box back after Preact has
  // drawn the new state. The state follows the box instead, and a range always includes the box.
  const onCheckboxClick = (event: MouseEvent) => {
    const box = event.currentTarget as HTMLInputElement;
    if (event.shiftKey) {
      box.checked = true;
      onRange();
    } else {
      onToggle(box.checked);
    }
  };
  const onRowClick = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    // Links keep their own meaning of Ctrl/Shift+click (a new tab or window).
    if (target.classList.contains('row-select') || target.closest('a') || !(event.shiftKey || event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
    if (event.shiftKey) onRange();
    else onToggle(!selected);
  };
  return (
    <article class={selected ? 'row selected' : 'row'} onClick={onRowClick}>
      <input type="checkbox" class="row-select" aria-label={`Select ${label}`} checked={selected} onClick={onCheckboxClick} />
      <a class="row-title" href={routeHref({ name: 'reader', clipId: item.clipId })}>
        {item.type === 'highlight' ? `“${item.summary.slice(0, 120)}${item.summary.length > 120 ? '…' : ''}”` : item.title}
      </a>
      <span class="row-meta">
        {item.type === 'highlight' ? `${item.title} · ` : ''}
        {item.siteName} · saved {formatShortDate(item.savedAt)}
        {item.publishedAt ? ` · published ${formatShortDate(item.publishedAt)}` : ''}
        {item.tags.length > 0 && ` · ${item.tags.join(', ')}`}
        {' · '}
        <a
          href={item.type === 'highlight' ? urlWithTextFragment(item.url, item.summary) : item.url}
          target="_blank"
          rel="noopener noreferrer"
        >
          open page
        </a>
      </span>
      <span class="row-summary">{item.type === 'highlight' ? item.note : item.summary}</span>
    </article>
  );
}

/** "1 clip", "3 highlights", "2 clips match the filters". */
function countLabel(total: number, type: 'clip' | 'highlight', filtered: boolean): string {
  const noun = `${type}${total === 1 ? '' : 's'}`;
  return `${total.toLocaleString()} ${noun}${filtered ? (total === 1 ? ' matches the filters' : ' match the filters') : ''}`;
}
