// The collections: each with its count, created, renamed (with its description) and deleted with undo.
import { useEffect, useState } from 'preact/hooks';
import { sendRequest } from '../../messaging/client';
import type { CollectionSummary } from '../../messaging/protocol';
import { UndoStatus, type StatusMessage } from '../../ui/UndoStatus';
import { routeHref } from '../use-route';

export function CollectionsPage() {
  const [collections, setCollections] = useState<CollectionSummary[] | null>(null);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const load = async () => {
    const result = await sendRequest('listCollections', {});
    setCollections(result.ok ? result.value : []);
  };
  useEffect(() => void load(), []);

  const remove = async (collection: CollectionSummary) => {
    const result = await sendRequest('deleteCollection', { id: collection.id });
    setStatus(result.ok ? { text: result.value.summary, undoId: result.value.undoId } : { text: result.error, error: true });
    await load();
  };

  return (
    <section class="collections" aria-labelledby="collections-heading">
      <h1 id="collections-heading" tabIndex={-1}>
        Collections
      </h1>
      <CollectionForm
        submitLabel="Create collection"
        onSubmit={async (name, description) => {
          const result = await sendRequest('createCollection', { name, description, items: [] });
          if (!result.ok) return result.error;
          setStatus({ text: `Created “${result.value.name}”.` });
          await load();
          return null;
        }}
      />
      <UndoStatus
        message={status}
        onUndone={(text) => {
          setStatus({ text });
          void load();
        }}
      />
      {collections === null ? (
        <p class="muted">Loading…</p>
      ) : collections.length === 0 ? (
        <p class="muted">No collections yet. Create one above, or add a page to a new collection from the popup.</p>
      ) : (
        <ul class="collection-list" aria-label="Collections">
          {collections.map((collection) => (
            <li key={collection.id}>
              {editing === collection.id ? (
                <CollectionForm
                  submitLabel="Save"
                  initial={collection}
                  onCancel={() => setEditing(null)}
                  onSubmit={async (name, description) => {
                    const result = await sendRequest('updateCollection', { id: collection.id, name, description });
                    if (!result.ok) return result.error;
                    setEditing(null);
                    setStatus({ text: `Saved “${result.value.name}”.` });
                    await load();
                    return null;
                  }}
                />
              ) : (
                <>
                  <a href={routeHref({ name: 'collection', id: collection.id })}>{collection.name}</a>{' '}
                  <span class="muted">
                    {collection.count} {collection.count === 1 ? 'item' : 'items'}
                  </span>
                  {collection.description && <p class="row-summary">{collection.description}</p>}
                  <span class="collection-actions">
                    <button type="button" class="link" aria-label={`Rename ${collection.name}`} onClick={() => setEditing(collection.id)}>
                      Rename
                    </button>
                    <button type="button" class="link" aria-label={`Delete ${collection.name}`} onClick={() => void remove(collection)}>
                      Delete
                    </button>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type FormProps = {
  submitLabel: string;
  initial?: { name: string; description: string };
  /** Resolves to an error message, or null when saved. */
  onSubmit: (name: string, description: string) => Promise<string | null>;
  onCancel?: () => void;
};

function CollectionForm({ submitLabel, initial, onSubmit, onCancel }: FormProps) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [error, setError] = useState('');
  return (
    <form
      class="collection-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const problem = await onSubmit(name, description);
        setError(problem ?? '');
        if (!problem && !initial) {
          setName('');
          setDescription('');
        }
      }}
    >
      <label>
        Name <input value={name} required maxLength={200} onInput={(event) => setName(event.currentTarget.value)} />
      </label>{' '}
      <label>
        Description <input value={description} maxLength={2000} onInput={(event) => setDescription(event.currentTarget.value)} />
      </label>{' '}
      <button type="submit" class="primary">
        {submitLabel}
      </button>
      {onCancel && (
        <button type="button" class="link" onClick={onCancel}>
          Cancel
        </button>
      )}
      {error && (
        <p role="alert" class="status-error">
          {error}
        </p>
      )}
    </form>
  );
}
