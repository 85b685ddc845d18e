// A long export's or import's progress: a bar with an accessible name, what is happening in words, and Cancel.
import { useId } from 'preact/hooks';

export interface TransferState {
  text: string;
  /** Done so far, of `max`; null while it cannot be counted (the bar then shows activity only). */
  value: number | null;
  max: number;
}

export function TransferProgress({ label, state, onCancel }: { label: string; state: TransferState; onCancel?: () => void }) {
  const textId = useId();
  return (
    <div class="transfer-progress">
      <progress aria-label={label} aria-describedby={textId} max={Math.max(1, state.max)} value={state.value ?? undefined} />{' '}
      <span id={textId} class="muted">
        {state.text}
      </span>
      {onCancel && (
        <>
          {' '}
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
