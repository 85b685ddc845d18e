// "Add to collection": choose a collection, or name a new one, for one item or a selection.
import { useEffect, useState } from 'preact/hooks';
import type { ItemRef } from '../core/collection';
import { sendRequest } from '../messaging/client';
import type { CollectionSummary } from '../messaging/protocol';
import type { StatusMessage } from './UndoStatus';

const NEW = '__new__';

export function AddToCollection({ items, onDone }: { items: ItemRef[]; onDone: (message: StatusMessage) => void }) {
  const [collections, setCollections] = useState<CollectionSummary[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const result = await sendRequest('listCollections', {});
    const list = result.ok ? result.value : [];
    setCollections(list);
    setChosen((value) => value || (list[0]?.id ?? NEW));
  };
  useEffect(() => void load(), []);

  const add = async () => {
    setBusy(true);
    if (chosen === NEW) {
      const result = await sendRequest('createCollection', { name, description: '', items });
      if (result.ok) {
        setName('');
        setChosen(result.value.id);
        onDone({ text: `Added to the new collection “${result.value.name}”.` });
      } else onDone({ text: result.error, error: true });
    } else {
      const result = await sendRequest('addToCollection', { id: chosen, items });
      onDone(result.ok ? { text: result.value.summary, undoId: result.value.undoId } : { text: result.error, error: true });
    }
    setBusy(false);
    await load();
  };

  if (collections === null) return null;
  return (
    <form
      class="add-to-collection"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <label>
        Collection{' '}
        <select value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          {collections.map((collection) => (
            <option key={collection.id} value={collection.id}>
              {collection.name} ({collection.count})
            </option>
          ))}
          <option value={NEW}>New collection…</option>
        </select>
      </label>
      {chosen === NEW && (
        <label>
          New collection name <input value={name} required maxLength={200} onInput={(event) => setName(event.currentTarget.value)} />
        </label>
      )}
      <button type="submit" disabled={busy || items.length === 0}>
        Add to collection
      </button>
    </form>
  );
}
