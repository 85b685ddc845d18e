// Library-wide tag management: every tag with its counts, and renaming one on every clip and
// highlight. Renaming to a tag already in use merges the two.
import { useEffect, useState } from 'preact/hooks';
import { sameTag } from '../../core/tags/rename';
import { sendRequest } from '../../messaging/client';
import type { TagCount } from '../../messaging/protocol';

export function TagsPanel({ onChanged }: { onChanged: () => Promise<void> }) {
  const [tags, setTags] = useState<TagCount[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const result = await sendRequest('listTags', {});
    if (result.ok) setTags(result.value);
    else setStatus({ text: result.error, error: true });
  };
  useEffect(() => {
    void load();
  }, []);

  const existing = tags?.find((tag) => to.trim() && sameTag(tag.tag, to) && !sameTag(tag.tag, from));
  const action = existing ? 'Merge' : 'Rename';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!from || !to.trim()) return;
    setBusy(true);
    const result = await sendRequest('renameTag', { from, to: to.trim() });
    setBusy(false);
    if (!result.ok) return setStatus({ text: result.error, error: true });
    const { clips, highlights, merged } = result.value;
    const where = `${clips} ${clips === 1 ? 'clip' : 'clips'} and ${highlights} ${highlights === 1 ? 'highlight' : 'highlights'}`;
    setStatus({
      text: merged
        ? `Merged “${from}” into “${existing?.tag ?? to.trim()}” on ${where}.`
        : `Renamed “${from}” to “${to.trim()}” on ${where}.`,
      error: false,
    });
    setFrom('');
    setTo('');
    await load();
    await onChanged();
  };

  return (
    <section class="tags-panel" aria-labelledby="tags-heading">
      <h2 id="tags-heading">Tags</h2>
      {tags && tags.length === 0 && <p class="muted">No tags yet. Tags come from the pages you clip and the ones you add.</p>}
      {tags && tags.length > 0 && (
        <>
          <table class="tag-table" aria-labelledby="tags-heading">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">Clips</th>
                <th scope="col">Highlights</th>
              </tr>
            </thead>
            <tbody>
              {tags.map((tag) => (
                <tr key={tag.tag}>
                  <td>{tag.tag}</td>
                  <td>{tag.clips}</td>
                  <td>{tag.highlights}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <form class="rename-tag" onSubmit={submit}>
            <label>
              Tag to rename{' '}
              <select value={from} onChange={(event) => setFrom((event.target as HTMLSelectElement).value)}>
                <option value="">Choose a tag</option>
                {tags.map((tag) => (
                  <option key={tag.tag} value={tag.tag}>
                    {tag.tag}
                  </option>
                ))}
              </select>
            </label>
            <label>
              New name{' '}
              <input
                type="text"
                list="tag-names"
                value={to}
                maxLength={60}
                onInput={(event) => setTo((event.target as HTMLInputElement).value)}
              />
            </label>
            <datalist id="tag-names">
              {tags.map((tag) => (
                <option key={tag.tag} value={tag.tag} />
              ))}
            </datalist>
            <button type="submit" class="primary" disabled={busy || !from || !to.trim()}>
              {action}
            </button>
            {existing && <span class="muted">“{existing.tag}” exists: the two tags become one.</span>}
          </form>
        </>
      )}
      <p role="status" class={status?.error ? 'status-error' : 'status-ok'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
