// One collection: its items in the user's order, each movable (buttons, so the keyboard works) and
// removable with undo, and the collection exported in any format.
import { useEffect, useState } from 'preact/hooks';
import type { ItemRef } from '../../core/collection';
import { sendRequest } from '../../messaging/client';
import type { CollectionSummary, LibraryItem } from '../../messaging/protocol';
import { UndoStatus, type StatusMessage } from '../../ui/UndoStatus';
import { routeHref } from '../use-route';
import { ExportScoped } from './ExportScoped';

const itemLabel = (item: LibraryItem) => (item.type === 'highlight' ? `“${item.summary.slice(0, 80)}”` : item.title);

export function CollectionView({ id }: { id: string }) {
  const [state, setState] = useState<{ collection: CollectionSummary; items: LibraryItem[] } | { error: string } | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  /** The button to focus again after the list re-renders (a moved item's button moves with it). */
  const [refocus, setRefocus] = useState<string | null>(null);

  const load = async () => {
    const result = await sendRequest('getCollection', { id });
    setState(result.ok ? result.value : { error: result.error });
  };
  useEffect(() => void load(), [id]);
  useEffect(() => {
    if (!refocus) return;
    const button = document.querySelector<HTMLButtonElement>(`[data-focus-key="${CSS.escape(refocus)}"]`);
    // At the top or bottom its own button is disabled: the item's other move button takes focus.
    (button?.disabled ? button.parentElement?.querySelector<HTMLButtonElement>('button:not([disabled])') : button)?.focus();
  }, [state]);

  if (state === null) return <p class="muted">Loading…</p>;
  if ('error' in state)
    return (
      <section>
        <h1 tabIndex={-1}>Collection</h1>
        <p role="alert">{state.error}</p>
        <a href={routeHref({ name: 'collections' })}>All collections</a>
      </section>
    );
  const { collection, items } = state;
  const refOf = (item: LibraryItem): ItemRef => ({ type: item.type, id: item.id });

  const move = async (item: LibraryItem, to: number, focusKey: string) => {
    await sendRequest('moveInCollection', { id, item: refOf(item), to });
    setRefocus(focusKey);
    setStatus({ text: `Moved ${itemLabel(item)} to position ${to + 1}.` });
    await load();
  };
  const remove = async (item: LibraryItem) => {
    const result = await sendRequest('removeFromCollection', { id, items: [refOf(item)] });
    setStatus(result.ok ? { text: result.value.summary, undoId: result.value.undoId } : { text: result.error, error: true });
    setRefocus(null);
    await load();
  };

  return (
    <section class="collection-view" aria-labelledby="collection-heading">
      <p>
        <a href={routeHref({ name: 'collections' })}>← All collections</a>
      </p>
      <h1 id="collection-heading" tabIndex={-1}>
        {collection.name}
      </h1>
      {collection.description && <p>{collection.description}</p>}
      <ExportScoped scope={{ kind: 'collection', id }} action="Export collection" count={items.length} />
      <UndoStatus
        message={status}
        onUndone={(text) => {
          setStatus({ text });
          void load();
        }}
      />
      {items.length === 0 ? (
        <p class="muted">This collection is empty. Add clips and highlights from the library list or the popup.</p>
      ) : (
        <ol class="collection-items" aria-label={`Items of ${collection.name}`}>
          {items.map((item, index) => {
            const key = `${item.type}:${item.id}`;
            const label = itemLabel(item);
            return (
              <li key={key} class="row">
                <a class="row-title" href={routeHref({ name: 'reader', clipId: item.clipId })}>
                  {label}
                </a>
                <span class="row-meta">
                  {item.type === 'highlight' ? `Highlight on ${item.title}` : 'Clip'} · {item.siteName}
                </span>
                <span class="collection-actions">
                  <button
                    type="button"
                    class="link"
                    data-focus-key={`${key}:up`}
                    aria-label={`Move up: ${label}`}
                    disabled={index === 0}
                    onClick={() => void move(item, index - 1, `${key}:up`)}
                  >
                    Move up
                  </button>
                  <button
                    type="button"
                    class="link"
                    data-focus-key={`${key}:down`}
                    aria-label={`Move down: ${label}`}
                    disabled={index === items.length - 1}
                    onClick={() => void move(item, index + 1, `${key}:down`)}
                  >
                    Move down
                  </button>
                  <button type="button" class="link" aria-label={`Remove from collection: ${label}`} onClick={() => void remove(item)}>
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
