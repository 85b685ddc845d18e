// @vitest-environment happy-dom
// The library list rendered for real (Preact in happy-dom), with the background worker faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clip } from '../../src/core/page-capture';
import type { LibraryItem, LibrarySort, ListCursor, SearchResultView } from '../../src/messaging/protocol';
import { makeCapture } from '../fixtures/captures';
import { answer, requestsOf, resetPageBrowser } from './page-browser';
import { act } from 'preact/test-utils';
import { render } from 'preact';
import { byName, choose, click, mount, unmountAll } from './render';

vi.mock('../../src/platform/browser', async () => ({ browser: (await import('./page-browser')).pageBrowser }));

const { LibraryList } = await import('../../src/library/components/LibraryList');
const { App } = await import('../../src/library/App');

const clip = (id: string, title: string, siteName: string, savedAt: number, tags: string[] = []): LibraryItem => ({
  type: 'clip',
  id,
  clipId: id,
  title,
  siteName,
  url: `https://${siteName}/${id}`,
  savedAt,
  publishedAt: null,
  summary: `About ${title}`,
  note: '',
  tags,
});
const CLIPS = [
  clip('c1', 'Fast response is the new normal', 'dots.example', Date.UTC(2024, 0, 3), ['customer service']),
  clip('c2', 'Can mastery and innovation coexist?', 'mastery.example', Date.UTC(2024, 0, 2)),
  clip('c3', 'Useful and valuable', 'agile.example', Date.UTC(2024, 0, 1)),
];
const HIGHLIGHTS: LibraryItem[] = [
  {
    ...clip('h1', 'Fast response is the new normal', 'dots.example', Date.UTC(2024, 0, 4)),
    type: 'highlight',
    clipId: 'c1',
    summary: 'Customer Service is the new marketing',
    note: 'Service as marketing',
  },
  {
    ...clip('h2', 'Useful and valuable', 'agile.example', Date.UTC(2024, 0, 5)),
    type: 'highlight',
    clipId: 'c3',
    summary: 'Value is what the user says it is',
    note: '',
  },
];

const sorted = (items: LibraryItem[], sort: LibrarySort) =>
  [...items].sort((a, b) =>
    sort === 'title' ? a.title.localeCompare(b.title) : sort === 'site' ? a.siteName.localeCompare(b.siteName) : b.savedAt - a.savedAt,
  );

/** Answers listLibrary like the worker: the requested type, sorted, filtered and paged. */
function serveLibrary(clips = CLIPS, highlights = HIGHLIGHTS) {
  answer('listLibrary', ({ type, sort, hasNotes, filters, offset, limit }) => {
    const all = (type === 'clip' ? sorted(clips, sort) : highlights.filter((item) => !hasNotes || item.note)).filter((item) =>
      (filters?.tags ?? []).every((tag) => item.tags.includes(tag)),
    );
    return { items: all.slice(offset, offset + limit), total: all.length, last: null };
  });
  answer('listLibraryRefs', ({ type, sort, hasNotes, offset = 0, limit = Infinity }) => {
    const all = type === 'clip' ? sorted(clips, sort) : highlights.filter((item) => !hasNotes || item.note);
    return all.slice(offset, offset + limit).map((item) => ({ type: item.type, id: item.id }));
  });
  answer('listFilterOptions', () => ({ tags: ['customer service'], sites: ['dots.example'] }));
}

const rowTitles = (root: HTMLElement, list: string) =>
  [...byName(root, 'ul', list).querySelectorAll('.row-title')].map((link) => link.textContent);
const status = (root: HTMLElement) => root.querySelector('.list-controls [role="status"]')?.textContent;

beforeEach(() => {
  resetPageBrowser();
  location.hash = '#/';
});
afterEach(unmountAll);

describe('library list', () => {
  it('shows every clip with its total, site, date and tags, newest first', async () => {
    serveLibrary();
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(status(root)).toBe('3 clips'));
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toEqual(CLIPS.map((item) => item.title)));
    const first = root.querySelector('[data-index="0"]')!;
    expect(first.querySelector('.row-meta')?.textContent).toContain('dots.example');
    expect(first.querySelector('.row-meta')?.textContent).toContain('customer service');
    expect(first.querySelector<HTMLAnchorElement>('.row-title')?.getAttribute('href')).toBe('#/clip/c1');
    expect(byName<HTMLAnchorElement>(first, 'a', 'open page').href).toBe('https://dots.example/c1');
  });

  it('asks the worker for the new order when the sort changes, and shows it', async () => {
    serveLibrary();
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toHaveLength(3));
    await choose(root.querySelector<HTMLSelectElement>('.list-controls select')!, 'title');
    await vi.waitFor(() => expect(requestsOf('listLibrary').at(-1)).toMatchObject({ type: 'clip', sort: 'title', offset: 0 }));
    await vi.waitFor(() =>
      expect(rowTitles(root, 'Clips')).toEqual([
        'Can mastery and innovation coexist?',
        'Fast response is the new normal',
        'Useful and valuable',
      ]),
    );
    await choose(root.querySelector<HTMLSelectElement>('.list-controls select')!, 'site');
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')[0]).toBe('Useful and valuable'));
  });

  it('lists highlights with their quotes and notes, and only those with notes on request', async () => {
    serveLibrary();
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(status(root)).toBe('3 clips'));
    await click(byName(root, '[role="radio"]', 'Highlights'));
    await vi.waitFor(() => expect(status(root)).toBe('2 highlights'));
    expect(requestsOf('listLibrary').at(-1)).toMatchObject({ type: 'highlight', hasNotes: false });
    await vi.waitFor(() =>
      expect(rowTitles(root, 'Highlights')).toEqual(['“Customer Service is the new marketing”', '“Value is what the user says it is”']),
    );
    expect(root.querySelector('[data-index="0"] .row-summary')?.textContent).toBe('Service as marketing');

    const onlyNotes = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await click(onlyNotes);
    await vi.waitFor(() => expect(status(root)).toBe('1 highlight'));
    expect(requestsOf('listLibrary').at(-1)).toMatchObject({ type: 'highlight', hasNotes: true });
  });

  it('shows the count of the list in view, not a late one asked for the list before it', async () => {
    serveLibrary();
    // The clips' first count is held until the user has switched to highlights.
    let releaseClips = () => undefined as void;
    const clipsHeld = new Promise<void>((resolve) => (releaseClips = resolve));
    let heldOnce = false;
    answer('listLibrary', async ({ type, offset, limit }) => {
      const all = type === 'clip' ? CLIPS : HIGHLIGHTS;
      if (type === 'clip' && !heldOnce) {
        heldOnce = true;
        await clipsHeld;
      }
      return { items: all.slice(offset, offset + limit), total: all.length, last: null };
    });
    const root = await mount(<LibraryList />);
    await click(byName(root, '[role="radio"]', 'Highlights'));
    await vi.waitFor(() => expect(status(root)).toBe('2 highlights'));
    await act(async () => releaseClips());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status(root)).toBe('2 highlights');
    expect(rowTitles(root, 'Highlights')).toEqual(['“Customer Service is the new marketing”', '“Value is what the user says it is”']);
  });

  it('never draws the rows of the list before under the next one, even for the one render before they are dropped', async () => {
    const { VirtualList } = await import('../../src/library/components/VirtualList');
    const root = document.createElement('div');
    document.body.append(root);
    const list = (key: string, titles: string[]) => (
      <VirtualList<string, null>
        total={titles.length}
        rowHeight={40}
        pageSize={10}
        label="Items"
        resetKey={key}
        loadPage={async (offset, limit) => ({ items: titles.slice(offset, offset + limit), last: null })}
        renderRow={(title) => <a class="row-title">{title}</a>}
      />
    );
    await act(() => render(list('clips', ['A clip', 'Another clip']), root));
    await vi.waitFor(() => expect(rowTitles(root, 'Items')).toEqual(['A clip', 'Another clip']));
    // Rendered outside act: the DOM as drawn before the list's effects run.
    render(list('highlights', ['A highlight']), root);
    expect(rowTitles(root, 'Items')).toEqual([]);
    await vi.waitFor(() => expect(rowTitles(root, 'Items')).toEqual(['A highlight']));
    await act(() => render(null, root));
    root.remove();
  });

  it('shows onboarding when nothing is saved yet', async () => {
    serveLibrary([], []);
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(root.querySelector('h1')?.textContent).toBe('Your library is empty'));
  });

  it('searches as the user types and opens a result in the reader with Enter', async () => {
    serveLibrary();
    const found: SearchResultView = {
      type: 'clip',
      id: 'c2',
      clipId: 'c2',
      title: 'Can mastery and innovation coexist?',
      titleMarks: [[4, 11]],
      siteName: 'mastery.example',
      url: 'https://mastery.example/c2',
      savedAt: Date.UTC(2024, 0, 2),
      snippet: { text: 'About mastery', marks: [[6, 13]] },
      quote: null,
    };
    answer('search', ({ query }) => ({ results: query.includes('mastery') ? [found] : [], fullText: false, indexing: false, invalid: [] }));
    const root = await mount(<LibraryList />);
    const search = byName<HTMLInputElement>(root, 'input', 'Search');
    await choose(search, 'mastery');
    await vi.waitFor(() =>
      expect([...root.querySelectorAll('[role="listbox"] [role="option"]')].map((option) => option.textContent)).toEqual([
        expect.stringContaining('Can mastery and innovation coexist?'),
      ]),
    );
    // The results take the list's place.
    expect(root.querySelector('ul[aria-label="Clips"]')).toBeNull();
    expect(requestsOf('search')[0]).toMatchObject({ query: 'mastery', mode: 'quick' });
    await click(search);
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(location.hash).toBe('#/clip/c2');
  });
});

describe('filters without words', () => {
  it('narrow the sorted list itself (every item, not the top search results), and words then search within them', async () => {
    serveLibrary();
    answer('search', () => ({ results: [], fullText: false, indexing: false, invalid: [] }));
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(status(root)).toBe('3 clips'));
    await choose(byName<HTMLInputElement>(root, 'label', /^Tag/).querySelector('input')!, 'customer service');
    await vi.waitFor(() => expect(status(root)).toBe('1 clip matches the filters'));
    expect(requestsOf('listLibrary').at(-1)).toMatchObject({ type: 'clip', filters: { tags: ['customer service'] } });
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toEqual(['Fast response is the new normal']));
    expect(requestsOf('search')).toHaveLength(0);
    expect(byName(root, 'button', 'Export everything tagged “customer service”')).toBeTruthy();

    await choose(byName<HTMLInputElement>(root, 'input', 'Search'), 'speed');
    await vi.waitFor(() => expect(requestsOf('search')[0]).toMatchObject({ query: 'speed', filters: { tags: ['customer service'] } }));
  });

  it('offer the known tags and sites once opened, without asking for them as the list loads', async () => {
    serveLibrary();
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(status(root)).toBe('3 clips'));
    expect(requestsOf('listFilterOptions')).toHaveLength(0);
    const details = root.querySelector<HTMLDetailsElement>('details.filters')!;
    await act(async () => {
      details.open = true;
      details.dispatchEvent(new Event('toggle'));
    });
    await vi.waitFor(() =>
      expect([...root.querySelectorAll('#filter-tags option')].map((o) => o.getAttribute('value'))).toEqual(['customer service']),
    );
    expect([...root.querySelectorAll('#filter-sites option')].map((o) => o.getAttribute('value'))).toEqual(['dots.example']);
    expect(requestsOf('listFilterOptions')).toHaveLength(1);
  });

  it('say so when nothing matches, and a type filter shows that type', async () => {
    serveLibrary();
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(status(root)).toBe('3 clips'));
    await choose(byName<HTMLInputElement>(root, 'label', /^Tag/).querySelector('input')!, 'nothing like it');
    await vi.waitFor(() => expect(root.textContent).toContain('No clips match these filters.'));
    await choose(byName<HTMLSelectElement>(root, 'label', /^Type/).querySelector('select')!, 'highlight');
    await vi.waitFor(() =>
      expect(requestsOf('listLibrary').at(-1)).toMatchObject({ type: 'highlight', filters: { types: ['highlight'] } }),
    );
  });
});

describe('opening an item', () => {
  it('goes from the list to the reader route, which loads that clip', async () => {
    serveLibrary();
    answer('getClip', ({ id }) => {
      const item = CLIPS.find((candidate) => candidate.id === id)!;
      const clip: Clip = {
        ...makeCapture({ url: item.url, canonicalUrl: item.url, title: item.title, siteName: item.siteName }),
        id: item.id,
        aliases: [item.url],
        savedAt: item.savedAt,
        updatedAt: item.savedAt,
      };
      return { clip, highlights: [] };
    });
    const root = await mount(<App />);
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toHaveLength(3));
    await click(byName(root, '.row-title', 'Can mastery and innovation coexist?'));
    await vi.waitFor(() => expect(location.hash).toBe('#/clip/c2'));
    await vi.waitFor(() => expect(root.querySelector('#reader-title')?.textContent).toBe('Can mastery and innovation coexist?'));
    expect(requestsOf('getClip')).toEqual([{ id: 'c2' }]);
    expect(document.title).toBe('Reader · Crisscross');
  });
});

describe('selecting rows for bulk actions', () => {
  // happy-dom lays nothing out, so the list renders its first 8 rows (the overscan): the library fits.
  const MANY = Array.from({ length: 8 }, (_, n) =>
    clip(`m${String(n).padStart(2, '0')}`, `Item ${String(n).padStart(2, '0')}`, 'many.example', Date.UTC(2024, 0, 30 - n)),
  );
  const selectedCount = (root: HTMLElement) => root.querySelector('.bulk-actions strong')?.textContent;
  const checked = (root: HTMLElement) =>
    [...root.querySelectorAll<HTMLInputElement>('.row-select')].filter((box) => box.checked).map((box) => box.getAttribute('aria-label'));
  const rowAt = (root: HTMLElement, index: number) => root.querySelector<HTMLElement>(`[data-index="${index}"]`)!;
  const press = (target: Element, key: string, modifiers: KeyboardEventInit = {}) =>
    act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers })));
  const clickWith = (target: Element, modifiers: MouseEventInit) =>
    act(() => void target.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...modifiers })));

  async function mountMany() {
    serveLibrary(MANY, []);
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toHaveLength(8));
    return root;
  }

  it('selects a range with Shift+click, toggles one with Ctrl/Cmd+click, and clears', async () => {
    const root = await mountMany();
    await click(rowAt(root, 2).querySelector('.row-select')!);
    expect(selectedCount(root)).toBe('1 selected');
    await clickWith(rowAt(root, 6).querySelector('.row-select')!, { shiftKey: true });
    await vi.waitFor(() => expect(selectedCount(root)).toBe('5 selected'));
    expect(checked(root)).toEqual(['Item 02', 'Item 03', 'Item 04', 'Item 05', 'Item 06'].map((title) => `Select ${title}`));
    expect(requestsOf('listLibraryRefs').at(-1)).toMatchObject({ type: 'clip', sort: 'saved', offset: 2, limit: 5 });

    // A new Shift+click replaces the range from the same anchor (here: upwards).
    await clickWith(rowAt(root, 0).querySelector('.row-summary')!, { shiftKey: true });
    await vi.waitFor(() => expect(checked(root)).toEqual(['Select Item 00', 'Select Item 01', 'Select Item 02']));

    await clickWith(rowAt(root, 1).querySelector('.row-summary')!, { ctrlKey: true });
    expect(checked(root)).toEqual(['Select Item 00', 'Select Item 02']);
    await clickWith(rowAt(root, 7).querySelector('.row-summary')!, { metaKey: true });
    expect(selectedCount(root)).toBe('3 selected');
    // The worker is sent items as { type, id }, however they were selected.
    answer('bulkAddTag', ({ items }) => ({ undoId: 'u1', summary: `Tagged ${items.length} items.` }));
    await choose(root.querySelector<HTMLInputElement>('.bulk-tag input')!, 'keep');
    await act(() => void byName(root, 'button', 'Add tag to selected').click());
    await vi.waitFor(() => expect(requestsOf('bulkAddTag')).toHaveLength(1));
    const sent = [...requestsOf('bulkAddTag')[0]!.items].sort((a, b) => a.id.localeCompare(b.id));
    expect(sent).toEqual(['m00', 'm02', 'm07'].map((id) => ({ type: 'clip', id })));
    // A plain click on a row does not change the selection.
    await click(rowAt(root, 5).querySelector('.row-summary')!);
    expect(selectedCount(root)).toBe('3 selected');

    await click(byName(root, 'button', 'Clear selection'));
    expect(checked(root)).toEqual([]);
    expect(selectedCount(root)).toMatch(/^Select items/);
  });

  it('selects from the keyboard: Space, Shift+arrows, Shift+Space, Ctrl+A, and bulk-tags the selection', async () => {
    const root = await mountMany();
    const box = rowAt(root, 1).querySelector<HTMLInputElement>('.row-select')!;
    box.focus();
    await click(box); // Space on a checkbox is a click
    expect(selectedCount(root)).toBe('1 selected');

    await press(rowAt(root, 1).querySelector('.row-title')!, 'ArrowDown', { shiftKey: true });
    await press(rowAt(root, 2).querySelector('.row-title')!, 'ArrowDown', { shiftKey: true });
    await vi.waitFor(() => expect(checked(root)).toEqual(['Select Item 01', 'Select Item 02', 'Select Item 03']));

    await press(rowAt(root, 5).querySelector('.row-title')!, ' ', { shiftKey: true });
    await vi.waitFor(() => expect(selectedCount(root)).toBe('5 selected'));

    await press(rowAt(root, 5).querySelector('.row-title')!, 'a', { ctrlKey: true });
    await vi.waitFor(() => expect(selectedCount(root)).toBe('8 selected'));
    expect(requestsOf('listLibraryRefs').at(-1)).toEqual({ type: 'clip', sort: 'saved', hasNotes: false, orphaned: false });

    answer('bulkAddTag', ({ items }) => ({ undoId: 'u1', summary: `Tagged ${items.length} items.` }));
    await choose(root.querySelector<HTMLInputElement>('.bulk-tag input')!, 'keep');
    await act(() => void byName(root, 'button', 'Add tag to selected').click());
    await vi.waitFor(() => expect(requestsOf('bulkAddTag')).toHaveLength(1));
    expect(requestsOf('bulkAddTag')[0]!.items).toEqual(MANY.map((item) => ({ type: 'clip', id: item.id })));
  });

  it('offers to select every item of the list, loaded or not', async () => {
    const root = await mountMany();
    await click(byName(root, 'button', 'Select all 8 clips'));
    await vi.waitFor(() => expect(selectedCount(root)).toBe('8 selected'));
  });
});

describe('scrolling on', () => {
  it('reads the next page on from the last row of the page before, even while that page is still on its way', async () => {
    const many = Array.from({ length: 130 }, (_, i) => clip(`c${i}`, `Clip ${i}`, 'dots.example', Date.UTC(2024, 0, 1) + i));
    // Pages arrive late, each with its last row as the cursor.
    answer('listLibrary', async ({ offset, limit, after }) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const start = after ? Number(after[1].slice(1)) + 1 : offset;
      const items = many.slice(start, start + limit);
      return { items, total: many.length, last: items.length ? ([items.at(-1)!.savedAt, items.at(-1)!.id] as ListCursor) : null };
    });
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')[0]).toBe('Clip 0'));
    // Down to rows 72-88, at once: pages 1 and 2 are asked for together, page 2 before page 1 has arrived.
    const scroller = root.querySelector<HTMLElement>('.vscroll')!;
    await act(async () => {
      scroller.scrollTop = 80 * 78;
      scroller.dispatchEvent(new Event('scroll'));
    });
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toContain('Clip 85'));
    const pages = requestsOf('listLibrary').filter((request) => request.limit === 40);
    expect(pages.map((request) => [request.offset, request.after?.[1] ?? null])).toEqual([
      [0, null],
      [40, 'c39'],
      [80, 'c79'],
    ]);
  });
});

describe('a page that fails to load', () => {
  it('is asked for again, so its rows appear instead of loading for good', async () => {
    let failing = 2;
    answer('listLibrary', ({ offset, limit }) => {
      // The first page's first read fails, as when the worker is restarting; the total's read succeeds.
      if (limit === 40 && failing-- > 0) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { items: CLIPS.slice(offset, offset + limit), total: CLIPS.length, last: null };
    });
    const root = await mount(<LibraryList />);
    await vi.waitFor(() => expect(rowTitles(root, 'Clips')).toEqual(CLIPS.map((item) => item.title)), { timeout: 5_000 });
    expect(requestsOf('listLibrary').filter((request) => request.limit === 40).length).toBe(3);
  });
});
