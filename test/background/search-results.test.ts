import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResultViews } from '../../src/background/search-results';
import type { SearchHit } from '../../src/core/search';
import { CrisscrossDb } from '../../src/storage/db';
import { saveCapture } from '../../src/storage/clip-store';
import { addHighlight } from '../../src/storage/highlight-store';
import { makeCapture } from '../fixtures/captures';
import { makeSelectors } from '../fixtures/selectors';

let db: CrisscrossDb;
beforeEach(() => {
  db = new CrisscrossDb(`views-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const hit = (type: 'clip' | 'highlight', id: string, fields: string[], terms: string[]): SearchHit => ({
  id,
  type,
  score: 1,
  savedAt: 1,
  terms,
  queryTerms: terms,
  fields,
});

async function saved() {
  const capture = makeCapture({
    title: 'Customer service at speed',
    excerpt: 'Why fast answers matter.',
    text: `${'Filler sentence about nothing. '.repeat(100)}The marmalade clause is deep in the article.`,
  });
  const { clip } = await saveCapture(db, capture, { newId: () => 'c1' });
  const highlight = await addHighlight(
    db,
    clip,
    { selectors: makeSelectors('Why fast answers matter.'), note: 'my note', color: 'yellow' },
    { newId: () => 'h1' },
  );
  return { capture, clip, highlight };
}

describe('result views', () => {
  it('shows title, site, address and a snippet for clips and highlights', async () => {
    await saved();
    const views = createResultViews(db);
    const [clipView, highlightView] = await views.views([
      hit('clip', 'c1', ['title'], ['customer']),
      hit('highlight', 'h1', ['note'], ['note']),
    ]);
    expect(clipView).toMatchObject({ type: 'clip', clipId: 'c1', title: 'Customer service at speed', siteName: 'Connecting the Dots' });
    expect(clipView!.titleMarks).toEqual([[0, 8]]);
    expect(clipView!.snippet.text).toBe('Why fast answers matter.');
    expect(highlightView).toMatchObject({
      type: 'highlight',
      clipId: 'c1',
      quote: 'Why fast answers matter.',
      snippet: { text: 'my note' },
    });
  });

  it('cuts the snippet from the article text when the article text matched', async () => {
    await saved();
    const views = createResultViews(db);
    // Shown once from its summary, then found in its article text: the snippet comes from the text.
    await views.views([hit('clip', 'c1', ['title'], ['customer'])]);
    const [view] = await views.views([hit('clip', 'c1', ['body'], ['marmalade'])]);
    expect(view!.snippet.text).toContain('marmalade clause');
  });

  it('keeps recently shown items, and shows an item as it is now once told it changed', async () => {
    const { capture } = await saved();
    const views = createResultViews(db);
    const show = async () =>
      (await views.views([hit('clip', 'c1', ['title'], ['customer']), hit('highlight', 'h1', ['text'], ['fast'])])).map((v) => v.title);
    expect(await show()).toEqual(['Customer service at speed', 'Customer service at speed']);
    await saveCapture(db, { ...capture, title: 'Customer care, renamed' });
    // Not told yet: the kept summary is shown (no IndexedDB read).
    expect(await show()).toEqual(['Customer service at speed', 'Customer service at speed']);
    views.forget({ type: 'clip', id: 'c1' });
    expect(await show()).toEqual(['Customer care, renamed', 'Customer care, renamed']);
    // A deleted item is not shown.
    await db.highlights.delete('h1');
    views.forget({ type: 'highlight', id: 'h1' });
    expect((await views.views([hit('highlight', 'h1', ['text'], ['fast'])])).length).toBe(0);
  });
});
