// Dates as people read them in lists: "today", "yesterday", or a short date.

const DAY_MS = 86_400_000;

/** A short, readable date for a timestamp, relative to `now` for the last two days. */
export function formatShortDate(time: number | string, now = Date.now(), locale?: string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return '';
  const startOfToday = new Date(now);
  startOfToday.setHours(0, 0, 0, 0);
  if (date.getTime() >= startOfToday.getTime()) return 'today';
  if (date.getTime() >= startOfToday.getTime() - DAY_MS) return 'yesterday';
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString(
    locale,
    sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' },
  );
}
