// Inline tag editing for a clip or highlight: each tag removable, a new one typed with completion
// from the tags already in use (a native <datalist>, which keyboards and screen readers know).
import { useEffect, useId, useState } from 'preact/hooks';
import type { ItemRef } from '../core/collection';
import { parseTagInput } from '../core/tags/normalize';
import { sendRequest } from '../messaging/client';

/** Tags in use, fetched once per page and shared by every editor on it. */
let knownTags: Promise<string[]> | null = null;
const loadKnownTags = () => (knownTags ??= sendRequest('listFilterOptions', {}).then((result) => (result.ok ? result.value.tags : [])));

export function TagEditor({
  item,
  tags,
  label,
  onSaved,
}: {
  item: ItemRef;
  tags: string[];
  label: string;
  onSaved?: (tags: string[]) => void;
}) {
  const [current, setCurrent] = useState(tags);
  const [draft, setDraft] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  const [error, setError] = useState('');
  const listId = useId();
  useEffect(() => setCurrent(tags), [tags.join('\n')]);
  useEffect(() => void loadKnownTags().then(setOptions), []);

  const save = async (next: string[]) => {
    const result = await sendRequest('setTags', { item, tags: next });
    if (!result.ok) return setError(result.error);
    setError('');
    setCurrent(result.value.tags);
    knownTags = null;
    onSaved?.(result.value.tags);
  };
  const add = async () => {
    const added = parseTagInput(draft);
    if (!added.length) return;
    setDraft('');
    await save([...current, ...added]);
  };

  return (
    <div class="tag-editor">
      <ul class="tags" aria-label={`Tags of ${label}`}>
        {current.map((tag) => (
          <li key={tag}>
            {tag}{' '}
            <button
              type="button"
              class="tag-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => void save(current.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        class="tag-input"
        aria-label={`Add a tag to ${label}`}
        placeholder="Add tag"
        list={listId}
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        // Tags added elsewhere since this editor appeared are offered too.
        onFocus={() => void loadKnownTags().then(setOptions)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void add();
          }
        }}
      />
      <button type="button" class="link" onClick={() => void add()} aria-label={`Add tag to ${label}`}>
        Add tag
      </button>
      <datalist id={listId}>
        {options
          .filter((option) => !current.includes(option))
          .map((option) => (
            <option key={option} value={option} />
          ))}
      </datalist>
      {error && (
        <p role="alert" class="status-error">
          {error}
        </p>
      )}
    </div>
  );
}
