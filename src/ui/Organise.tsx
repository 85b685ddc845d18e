// Tags and collections of one clip or highlight: the popup's page card, its highlights, and the reader.
import { useEffect, useState } from 'preact/hooks';
import type { ItemRef } from '../core/collection';
import { sendRequest } from '../messaging/client';
import type { CollectionSummary } from '../messaging/protocol';
import { AddToCollection } from './AddToCollection';
import { TagEditor } from './TagEditor';
import { UndoStatus, type StatusMessage } from './UndoStatus';

export function Organise({ item, tags, label }: { item: ItemRef; tags: string[]; label: string }) {
  const [memberOf, setMemberOf] = useState<CollectionSummary[]>([]);
  const [status, setStatus] = useState<StatusMessage | null>(null);
  const loadMembership = async () => {
    const result = await sendRequest('listItemCollections', { item });
    if (result.ok) setMemberOf(result.value);
  };
  useEffect(() => void loadMembership(), [item.type, item.id]);

  return (
    <div class="organise">
      <TagEditor item={item} tags={tags} label={label} />
      <p class="muted in-collections">
        {memberOf.length ? `In ${memberOf.map((collection) => `“${collection.name}”`).join(', ')}` : 'In no collection yet'}
      </p>
      <AddToCollection
        items={[item]}
        onDone={(message) => {
          setStatus(message);
          void loadMembership();
        }}
      />
      <UndoStatus
        message={status}
        onUndone={(text) => {
          setStatus({ text });
          void loadMembership();
        }}
      />
    </div>
  );
}

/** The same behind "Tags and collections", loaded when opened (a page can list many highlights). */
export function OrganiseDisclosure(props: { item: ItemRef; tags: string[]; label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <details class="organise-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Tags and collections</summary>
      {open && <Organise {...props} />}
    </details>
  );
}
