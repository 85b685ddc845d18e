// The status line after a change: what was done, and an "Undo" button while it can be undone.
import { useState } from 'preact/hooks';
import { sendRequest } from '../messaging/client';

export interface StatusMessage {
  text: string;
  error?: boolean;
  /** Present when the change can be undone. */
  undoId?: string;
}

export function UndoStatus({ message, onUndone }: { message: StatusMessage | null; onUndone: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const undo = async (undoId: string) => {
    setBusy(true);
    const result = await sendRequest('undo', { undoId });
    setBusy(false);
    onUndone(result.ok ? `${result.value.summary}` : `Could not undo: ${result.error}`);
  };
  // Only there once something happened: a page (the popup) has its own main status line too.
  if (!message) return null;
  return (
    <div class="undo-status" role="status" aria-live="polite">
      <span class={message.error ? 'status-error' : ''}>{message.text}</span>
      {message.undoId && (
        <button type="button" class="link" disabled={busy} onClick={() => void undo(message.undoId!)}>
          Undo
        </button>
      )}
    </div>
  );
}
