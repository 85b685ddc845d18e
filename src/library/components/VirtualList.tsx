// A list that renders only the rows in view, fetching pages as they scroll in: smooth at 100k items.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

const OVERSCAN = 8;
/** How long after a page failed to load it is asked for again. */
export const PAGE_RETRY_MS = 1_000;

/** A page of rows, and where its last row sits (passed back as `after` for the page that follows). */
export interface LoadedPage<T, C> {
  items: T[];
  last: C | null;
}

interface Props<T, C> {
  total: number;
  rowHeight: number;
  /**
   * Fetches rows [offset, offset + limit); called once per page. `after` is the `last` of the page
   * before when it is loaded (scrolling on), so the next page can be read from there, not counted to.
   */
  loadPage: (offset: number, limit: number, after: C | undefined) => Promise<LoadedPage<T, C>>;
  pageSize: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  label: string;
  /** Changes when the list's content changes (sort, type): drops the loaded pages. */
  resetKey: string;
  /** After an arrow key moved focus from one row to another (Shift+arrow extends a selection). */
  onMove?: (from: number, to: number, event: KeyboardEvent) => void;
}

export function VirtualList<T, C>({ total, rowHeight, loadPage, pageSize, renderRow, label, resetKey, onMove }: Props<T, C>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 30 });
  const [loaded, setLoaded] = useState<{ key: string; rows: Map<number, T> }>(() => ({ key: resetKey, rows: new Map() }));
  // Rows loaded for another resetKey are never drawn: until the reset below runs (after this render), the
  // old list's rows would show under the new list's label, and a row focused then would vanish under it.
  const rows = loaded.key === resetKey ? loaded.rows : new Map<number, T>();
  /** Counts pages that failed to load: each failure asks for the pages in view again a moment later. */
  const [failures, setFailures] = useState(0);
  const requested = useRef(new Set<number>());
  /** The `last` of each page asked for, once it arrives (null: the page could not say). */
  const lasts = useRef(new Map<number, Promise<C | null>>());
  /** Counts resets, so a page that arrives after one is dropped, not mixed into the new list. */
  const generation = useRef(0);

  useEffect(() => {
    generation.current++;
    requested.current.clear();
    lasts.current.clear();
    setLoaded({ key: resetKey, rows: new Map() });
    scroller.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const start = Math.max(0, Math.floor(element.scrollTop / rowHeight) - OVERSCAN);
    const end = Math.min(total, Math.ceil((element.scrollTop + element.clientHeight) / rowHeight) + OVERSCAN);
    setRange((previous) => (previous.start === start && previous.end === end ? previous : { start, end }));
  };

  useEffect(onScroll, [total]);

  useEffect(() => {
    for (let page = Math.floor(range.start / pageSize); page * pageSize < Math.min(range.end, total); page++) {
      if (requested.current.has(page)) continue;
      requested.current.add(page);
      const asked = generation.current;
      // Scrolling on, the page before was asked for too: read on from its last row (one index seek) once
      // it arrives, rather than asking by offset, which far into a long list costs far more.
      const before = lasts.current.get(page - 1);
      const loaded = (before ?? Promise.resolve(null)).then((after) => loadPage(page * pageSize, pageSize, after ?? undefined));
      lasts.current.set(
        page,
        loaded.then(
          ({ last }) => last,
          () => null,
        ),
      );
      void loaded.then(
        ({ items }) => {
          if (asked !== generation.current) return;
          setLoaded((previous) => {
            const next = new Map(previous.rows);
            items.forEach((item, i) => next.set(page * pageSize + i, item));
            return { key: previous.key, rows: next };
          });
        },
        () => {
          // Not left "Loading…" for good: forgotten, so it is asked for again while in view.
          if (asked !== generation.current) return;
          requested.current.delete(page);
          lasts.current.delete(page);
          setTimeout(() => setFailures((count) => count + 1), PAGE_RETRY_MS);
        },
      );
    }
  }, [range, total, resetKey, failures]);

  /** Arrow keys move between rows, as in any list; Tab leaves the list. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    event.preventDefault();
    const from = Number(current.dataset.index);
    const index = from + (event.key === 'ArrowDown' ? 1 : -1);
    if (index < 0 || index >= total) return;
    const element = scroller.current!;
    element.scrollTop = Math.min(Math.max(element.scrollTop, (index + 1) * rowHeight - element.clientHeight), index * rowHeight);
    onScroll();
    requestAnimationFrame(() => element.querySelector<HTMLElement>(`[data-index="${index}"] a`)?.focus());
    onMove?.(from, index, event);
  };

  const visible = [];
  for (let index = range.start; index < range.end; index++) {
    const item = rows.get(index);
    visible.push(
      <li
        key={index}
        data-index={index}
        style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}
        class="vrow"
        aria-setsize={total}
        aria-posinset={index + 1}
      >
        {item === undefined ? <span class="muted">Loading…</span> : renderRow(item, index)}
      </li>,
    );
  }
  return (
    <div class="vscroll" ref={scroller} onScroll={onScroll} onKeyDown={onKeyDown}>
      <ul class="vlist" aria-label={label} style={{ height: `${total * rowHeight}px` }}>
        {visible}
      </ul>
    </div>
  );
}
