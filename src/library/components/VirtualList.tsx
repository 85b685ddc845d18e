// A list that renders only the rows in view, fetching pages as they scroll in: smooth at 100k items.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

const OVERSCAN = 8;

interface Props<T> {
  total: number;
  rowHeight: number;
  /** Fetches rows [offset, offset + limit); called once per page. */
  loadPage: (offset: number, limit: number) => Promise<T[]>;
  pageSize: number;
  renderRow: (item: T, index: number) => ComponentChildren;
  label: string;
  /** Changes when the list's content changes (sort, type): drops the loaded pages. */
  resetKey: string;
}

export function VirtualList<T>({ total, rowHeight, loadPage, pageSize, renderRow, label, resetKey }: Props<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: 30 });
  const [rows, setRows] = useState<Map<number, T>>(new Map());
  const requested = useRef(new Set<number>());

  useEffect(() => {
    requested.current.clear();
    setRows(new Map());
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
      void loadPage(page * pageSize, pageSize).then((items) =>
        setRows((previous) => {
          const next = new Map(previous);
          items.forEach((item, i) => next.set(page * pageSize + i, item));
          return next;
        }),
      );
    }
  }, [range, total, resetKey]);

  /** Arrow keys move between rows, as in any list; Tab leaves the list. */
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!current) return;
    event.preventDefault();
    const index = Number(current.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1);
    if (index < 0 || index >= total) return;
    const element = scroller.current!;
    element.scrollTop = Math.min(Math.max(element.scrollTop, (index + 1) * rowHeight - element.clientHeight), index * rowHeight);
    onScroll();
    requestAnimationFrame(() => element.querySelector<HTMLElement>(`[data-index="${index}"] a`)?.focus());
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
