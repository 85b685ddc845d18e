// Actions on the items selected in the library list: tag, add to a collection, export, delete, each
// reported in a status line with "Undo".
import { useState } from 'preact/hooks';
import type { ItemRef } from '../../core/collection';
import { sendRequest } from '../../messaging/client';
import { AddToCollection } from '../../ui/AddToCollection';
import { UndoStatus, type StatusMessage } from '../../ui/UndoStatus';
import { ExportScoped } from './ExportScoped';

type Props = {
  selected: ItemRef[];
  /** The list changed (or was put back): reload it. */
  onChanged: () => void;
  onClear: () => void;
};

export function BulkActions({ selected, onChanged, onClear }: Props) {
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const count = selected.length;

  const report = (message: StatusMessage) => {
    setStatus(message);
    onChanged();
  };
  const addTag = async () => {
    const result = await sendRequest('bulkAddTag', { items: selected, tag });
    if (result.ok) setTag('');
    report(result.ok ? { text: result.value.summary, undoId: result.value.undoId } : { text: result.error, error: true });
  };
  const remove = async () => {
    const result = await sendRequest('bulkDelete', { items: selected });
    if (result.ok) onClear();
    report(result.ok ? { text: result.value.summary, undoId: result.value.undoId } : { text: result.error, error: true });
  };

  return (
    <section class="bulk-actions" aria-label="Selected items">
      <p>
        <strong>
          {count === 0
            ? 'Select items with their checkboxes (Shift for a range, Ctrl+A for all) to act on several at once.'
            : `${count} selected`}
        </strong>{' '}
        {count > 0 && (
          <button type="button" class="link" onClick={onClear}>
            Clear selection
          </button>
        )}
      </p>
      {count > 0 && (
        <div class="bulk-controls">
          <form
            class="bulk-tag"
            onSubmit={(event) => {
              event.preventDefault();
              void addTag();
            }}
          >
            <label>
              Tag <input value={tag} list="filter-tags" required maxLength={60} onInput={(event) => setTag(event.currentTarget.value)} />
            </label>{' '}
            <button type="submit">Add tag to selected</button>
          </form>
          <AddToCollection items={selected} onDone={report} />
          <ExportScoped scope={{ kind: 'items', items: selected, label: 'selection' }} action="Export selected" count={count} />
          <button type="button" class="danger" onClick={() => void remove()}>
            Delete selected
          </button>
        </div>
      )}
      <UndoStatus message={status} onUndone={(text) => report({ text })} />
    </section>
  );
}
