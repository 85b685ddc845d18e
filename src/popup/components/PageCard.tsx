// The current page: whether it can be clipped, whether it is saved, and the button to clip it.
import { formatShortDate } from '../../core/format-date';
import type { PageState } from '../../messaging/protocol';
import { Organise } from '../../ui/Organise';

type Props = {
  page: PageState | { kind: 'loading' } | { kind: 'error'; reason: string };
  busy: boolean;
  onClip: () => void;
};

export function PageCard({ page, busy, onClip }: Props) {
  if (page.kind === 'loading')
    return (
      <section class="card" aria-label="This page">
        <p class="muted">Reading this tab…</p>
      </section>
    );
  if (page.kind === 'restricted' || page.kind === 'error') {
    return (
      <section class="card" aria-label="This page">
        <p class="notice" role="note">
          {page.reason}
        </p>
      </section>
    );
  }
  const saved = page.clip;
  return (
    <section class="card" aria-label="This page">
      <p class="page-title">{saved?.title ?? page.title}</p>
      <p class="muted" data-testid="page-saved-state">
        {saved ? `Saved ${formatShortDate(saved.updatedAt)}` : 'Not saved yet'}
      </p>
      <button type="button" class="primary" onClick={onClip} disabled={busy} aria-describedby="clip-hint">
        {busy ? 'Clipping…' : saved ? 'Clip page again' : 'Clip page'}
      </button>
      <p id="clip-hint" class="hint">
        Or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> on any page.
      </p>
      {saved && <Organise item={{ type: 'clip', id: saved.id }} tags={saved.tags} label="this page" />}
    </section>
  );
}
