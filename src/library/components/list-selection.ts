// The library list's selection for bulk actions: one item toggled at a time, a range from the row last
// toggled (Shift), or every item of the list. Ranges and "all" are resolved by the worker from the
// list's own order, so rows that were never scrolled into view are selected too.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ItemRef } from '../../core/collection';
import { sendRequest } from '../../messaging/client';
import type { LibraryListQuery } from '../../messaging/protocol';

const keyOf = (ref: ItemRef) => `${ref.type}:${ref.id}`;

/** Where a range starts, and the selection as it was then: a range replaces the range before it, as in a file manager. */
interface Anchor {
  index: number;
  base: Map<string, ItemRef>;
}

export function useListSelection(query: LibraryListQuery) {
  const [selected, setSelectedState] = useState<Map<string, ItemRef>>(new Map());
  const current = useRef(selected);
  const anchor = useRef<Anchor | null>(null);
  const setSelected = (next: Map<string, ItemRef>) => {
    current.current = next;
    setSelectedState(next);
  };
  // Row numbers mean nothing in another order or list.
  const listKey = `${query.type}:${query.sort}:${query.hasNotes}:${Boolean(query.orphaned)}`;
  useEffect(() => {
    anchor.current = null;
  }, [listKey]);

  const toggle = (ref: ItemRef, index: number, on = !current.current.has(keyOf(ref))) => {
    const next = new Map(current.current);
    // A row's item carries its whole view: only its type and id go into the selection (and to the worker).
    if (on) next.set(keyOf(ref), { type: ref.type, id: ref.id });
    else next.delete(keyOf(ref));
    setSelected(next);
    anchor.current = { index, base: next };
  };

  /** Selects the rows from the anchor (or `from`, when there is none yet) to `index`. */
  const selectRange = async (index: number, from = index) => {
    anchor.current ??= { index: from, base: current.current };
    const { base, index: start } = anchor.current;
    const [low, high] = start <= index ? [start, index] : [index, start];
    const result = await sendRequest('listLibraryRefs', { ...query, offset: low, limit: high - low + 1 });
    if (!result.ok || anchor.current?.base !== base) return;
    const next = new Map(base);
    for (const ref of result.value) next.set(keyOf(ref), ref);
    setSelected(next);
  };

  const selectAll = async () => {
    const result = await sendRequest('listLibraryRefs', query);
    if (!result.ok) return;
    const next = new Map(result.value.map((ref) => [keyOf(ref), ref]));
    setSelected(next);
    anchor.current = null;
  };

  const clear = () => {
    setSelected(new Map());
    anchor.current = null;
  };

  return { selected, isSelected: (ref: ItemRef) => selected.has(keyOf(ref)), toggle, selectRange, selectAll, clear };
}
