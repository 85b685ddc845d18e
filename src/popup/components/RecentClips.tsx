// The most recent clips, each opening its page in a new tab.
import { formatShortDate } from '../../core/format-date';
import type { ClipSummary } from '../../core/page-capture';
import { openInNewTab } from '../target-tab';

export function RecentClips({ clips }: { clips: ClipSummary[] | null }) {
  return (
    <section class="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recent clips</h2>
      {clips === null ? (
        <p class="muted">Loading…</p>
      ) : clips.length === 0 ? (
        <p class="muted empty">Nothing saved yet. Clip a page you want to keep and it appears here.</p>
      ) : (
        <ul class="clip-list">
          {clips.map((clip) => (
            <li key={clip.id}>
              <a
                href={clip.url}
                onClick={(event) => {
                  event.preventDefault();
                  void openInNewTab(clip.url);
                }}
              >
                <span class="clip-title">{clip.title}</span>
                <span class="clip-meta">
                  {clip.siteName} · {formatShortDate(clip.updatedAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
