// Filters for search: type, tag, site, collection and dates (the same as tag:, site:… typed in the box).
import { useRef, useState } from 'preact/hooks';
import { sendRequest } from '../messaging/client';
import type { SearchFilterInput } from '../messaging/protocol';

const DAY_MS = 86_400_000;

function dateValue(time: number | undefined, shift = 0): string {
  if (time === undefined) return '';
  const date = new Date(time - shift);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function parseDay(value: string): number | undefined {
  if (!value) return undefined;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year!, month! - 1, day!).getTime();
}

export function SearchFilters({ filters, onChange }: { filters: SearchFilterInput; onChange: (filters: SearchFilterInput) => void }) {
  const [options, setOptions] = useState<{ tags: string[]; sites: string[] }>({ tags: [], sites: [] });
  // Read when the filters are first opened, not with the page: listing every tag and site walks whole
  // indexes, which at 100,000 items holds up the database's other reads (the list's first rows) for seconds.
  const asked = useRef(false);
  const loadOptions = (event: Event) => {
    if (asked.current || !(event.currentTarget as HTMLDetailsElement).open) return;
    asked.current = true;
    void sendRequest('listFilterOptions', {}).then((result) => result.ok && setOptions(result.value));
  };
  const set = (changes: Partial<SearchFilterInput>) => onChange({ ...filters, ...changes });
  const list = (value: string) => (value.trim() ? [value.trim()] : undefined);

  return (
    <details class="filters" onToggle={loadOptions}>
      <summary>Filters</summary>
      <div class="filter-grid">
        <label>
          Type
          <select
            value={filters.types?.[0] ?? ''}
            onChange={(event) =>
              set({ types: event.currentTarget.value ? [event.currentTarget.value as 'clip' | 'highlight'] : undefined })
            }
          >
            <option value="">Clips and highlights</option>
            <option value="clip">Clips</option>
            <option value="highlight">Highlights</option>
          </select>
        </label>
        <label>
          Tag
          <input list="filter-tags" value={filters.tags?.[0] ?? ''} onChange={(event) => set({ tags: list(event.currentTarget.value) })} />
        </label>
        <label>
          Site
          <input
            list="filter-sites"
            value={filters.sites?.[0] ?? ''}
            onChange={(event) => set({ sites: list(event.currentTarget.value) })}
          />
        </label>
        <label>
          Collection
          <input value={filters.collections?.[0] ?? ''} onChange={(event) => set({ collections: list(event.currentTarget.value) })} />
        </label>
        <label>
          Saved from
          <input type="date" value={dateValue(filters.after)} onChange={(event) => set({ after: parseDay(event.currentTarget.value) })} />
        </label>
        <label>
          Saved until
          <input
            type="date"
            value={dateValue(filters.before, DAY_MS)}
            onChange={(event) => {
              const day = parseDay(event.currentTarget.value);
              // "Until" includes the whole day chosen.
              set({ before: day === undefined ? undefined : day + DAY_MS });
            }}
          />
        </label>
      </div>
      <datalist id="filter-tags">
        {options.tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <datalist id="filter-sites">
        {options.sites.map((site) => (
          <option key={site} value={site} />
        ))}
      </datalist>
      <p class="hint">
        Or type them: <code>tag:innovation</code> <code>site:example.org</code> <code>type:highlight</code> <code>after:2024-01</code>
      </p>
    </details>
  );
}
