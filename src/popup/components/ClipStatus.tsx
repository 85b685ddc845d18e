// The outcome of the last clip, announced to screen readers as it changes.
import type { ClipOutcome } from '../../messaging/protocol';

export type ClipStatusState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'saved' | 'updated'; title: string; source: ClipOutcome['source']; truncated: ClipOutcome['truncated'] }
  | { kind: 'failed'; reason: string };

const SOURCE_NOTES: Record<ClipOutcome['source'], string | null> = {
  article: null,
  body: 'No article was found on this page, so its readable text was saved.',
  selection: 'No article was found on this page, so your selection was saved.',
};

export function ClipStatus({ status }: { status: ClipStatusState }) {
  if (status.kind === 'failed') {
    return (
      <p class="status status-error" role="alert">
        Not clipped. {status.reason}
      </p>
    );
  }
  return (
    <div class="status" role="status" aria-live="polite">
      {status.kind === 'working' && <p>Clipping…</p>}
      {(status.kind === 'saved' || status.kind === 'updated') && (
        <>
          <p class="status-ok">
            {status.kind === 'saved' ? 'Saved' : 'Updated'} “{status.title}”.
          </p>
          {SOURCE_NOTES[status.source] && <p class="status-note">{SOURCE_NOTES[status.source]}</p>}
          {status.truncated && (
            <p class="status-note">
              This page is very large: the first {status.truncated.keptChars.toLocaleString()} of{' '}
              {status.truncated.totalChars.toLocaleString()} characters were saved.
            </p>
          )}
        </>
      )}
    </div>
  );
}
