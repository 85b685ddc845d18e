// The connection index: cross-topic vs same-topic, boilerplate, comparable scores, feedback, changes, unsaved pages.
import { describe, expect, it } from 'vitest';
import {
  MIN_SCORE,
  MODERATE_SCORE,
  SMALL_LIBRARY_MIN_SCORE,
  minScoreFor,
  STRONG_SCORE,
  pairKey,
  strengthOf,
  type ConnectionItem,
} from '../../../src/core/connections';
import { BOKASHI, BREAD, EMERGENCY, INDEX_FUNDS, LIBRARY, PACKING, ROAST, ROSES, SOURDOUGH, TRAINS, ids, indexOf, item } from './helpers';

describe('related', () => {
  it('lists a related item sharing no topic as a connection and one sharing a topic as more on this topic', () => {
    const { connections, sameTopic } = indexOf().related(SOURDOUGH.id);
    expect(ids(connections)[0]).toBe(BOKASHI.id);
    expect(connections[0]!.sharedTopics).toEqual([]);
    expect(ids(sameTopic)).toContain(BREAD.id);
    expect(sameTopic.find((entry) => entry.id === BREAD.id)!.sharedTopics).toEqual(['cooking']);
    // Neither list holds the other's items.
    expect(ids(connections)).not.toContain(BREAD.id);
    expect(ids(sameTopic)).not.toContain(BOKASHI.id);
  });

  it('names the shared terms that carry the score, and their contributions add up to it', () => {
    const [first] = indexOf().related(SOURDOUGH.id).connections;
    const labels = first!.terms.map((term) => term.label);
    expect(labels).toEqual(expect.arrayContaining(['lactobacillus', 'fermentation', 'microbes']));
    const all = indexOf().explain(SOURDOUGH, BOKASHI, { terms: 100 }).terms;
    expect(all.reduce((sum, term) => sum + term.contribution, 0)).toBeCloseTo(first!.score, 10);
  });

  it('keeps scores comparable: a related pair is moderate or strong, unrelated pairs stay under the minimum', () => {
    const index = indexOf();
    expect(index.pairScore(SOURDOUGH.id, BOKASHI.id)).toBeGreaterThanOrEqual(MODERATE_SCORE);
    for (const [a, b] of [
      [INDEX_FUNDS, PACKING],
      [ROSES, EMERGENCY],
      [TRAINS, ROAST],
      [SOURDOUGH, INDEX_FUNDS],
    ] as const) {
      expect(index.pairScore(a.id, b.id)).toBeLessThan(MIN_SCORE);
      expect(index.pairScore(b.id, a.id)).toBeLessThan(MIN_SCORE);
    }
    // Every score is a cosine: within [0, 1], and symmetric.
    for (const a of LIBRARY) {
      for (const b of LIBRARY) {
        if (a === b) continue;
        const score = index.pairScore(a.id, b.id);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(score).toBeCloseTo(index.pairScore(b.id, a.id), 10);
      }
    }
  });

  it('labels strength from fixed thresholds, and a link on a single shared word weak whatever its score', () => {
    expect([strengthOf(0.5), strengthOf(STRONG_SCORE), strengthOf(MODERATE_SCORE), strengthOf(MIN_SCORE)]).toEqual([
      'strong',
      'strong',
      'moderate',
      'weak',
    ]);
    const index = indexOf([
      ...LIBRARY,
      item('zanzibar-1', ['travel'], '', 'Zanzibar at dawn.'),
      item('zanzibar-2', ['history'], '', 'Zanzibar in 1890.'),
    ]);
    const [link] = index.related('c:zanzibar-1').connections;
    expect(link).toMatchObject({ id: 'c:zanzibar-2', strength: 'weak' });
    expect(link!.score).toBeGreaterThan(STRONG_SCORE);
    expect(link!.terms.map((term) => term.label)).toEqual(['zanzibar']);
  });

  it('gives stop words and a sentence repeated on every item no weight', () => {
    const footer = 'Posted by Ana on the Crisscross blog. Share this post with your friends and subscribe to the newsletter.';
    const withFooter = LIBRARY.map((entry) => ({ ...entry, text: `${entry.text}\n\n${footer}` }));
    const index = indexOf(withFooter);
    const boilerplate = new Set(['posted', 'ana', 'crisscross', 'blog', 'share', 'post', 'friend', 'subscribe', 'newsletter']);
    for (const source of withFooter) {
      const { connections, sameTopic } = index.related(source.id, { minScore: 0, limit: 20 });
      for (const connection of [...connections, ...sameTopic]) {
        const words = connection.terms.flatMap((term) => term.term.split(' '));
        expect(words.filter((word) => boilerplate.has(word))).toEqual([]);
      }
    }
    // The footer connects nothing: unrelated items stay apart, the real connection stays first.
    expect(index.pairScore(INDEX_FUNDS.id, PACKING.id)).toBeLessThan(MIN_SCORE);
    expect(ids(index.related(SOURDOUGH.id).connections)[0]).toBe(BOKASHI.id);
    // Two texts sharing nothing but stop words are not related at all.
    const stop = indexOf([
      ...LIBRARY,
      item('stop-a', ['a'], '', 'It was the one that they would have had, and which we should do.'),
      item('stop-b', ['b'], '', 'They would have done it if we had been there, and so should you.'),
    ]);
    expect(stop.pairScore('c:stop-a', 'c:stop-b')).toBe(0);
  });

  it('never offers items of the source page (a clip and its highlights)', () => {
    const highlight: ConnectionItem = {
      id: 'h:1',
      page: SOURDOUGH.id,
      title: '',
      text: 'Lactobacillus bacteria and wild yeast drive the fermentation.',
      topics: ['cooking', 'microbes'],
    };
    const index = indexOf([...LIBRARY, highlight]);
    const fromClip = index.related(SOURDOUGH.id, { minScore: 0, limit: 20 });
    expect([...ids(fromClip.connections), ...ids(fromClip.sameTopic)]).not.toContain('h:1');
    const fromHighlight = index.related('h:1', { minScore: 0, limit: 20 });
    expect([...ids(fromHighlight.connections), ...ids(fromHighlight.sameTopic)]).not.toContain(SOURDOUGH.id);
    expect(ids(fromHighlight.connections)).toContain(BOKASHI.id);
  });

  it('respects the limit and the minimum score, strongest first', () => {
    const index = indexOf();
    const { sameTopic } = index.related(BREAD.id, { limit: 1, minScore: 0 });
    expect(sameTopic).toHaveLength(1);
    const all = index.related(BREAD.id, { limit: 20, minScore: 0 });
    const scores = [...all.connections.map((entry) => entry.score)];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const shown = index.related(BREAD.id, { limit: 20 });
    for (const entry of [...shown.connections, ...shown.sameTopic]) expect(entry.score).toBeGreaterThanOrEqual(minScoreFor(index.size));
  });

  it('shows a small library more, a large one only scores at or above MIN_SCORE', () => {
    expect(minScoreFor(10)).toBe(SMALL_LIBRARY_MIN_SCORE);
    expect(minScoreFor(100)).toBeGreaterThan(SMALL_LIBRARY_MIN_SCORE);
    expect(minScoreFor(100)).toBeLessThan(MIN_SCORE);
    expect(minScoreFor(300)).toBe(MIN_SCORE);
    expect(minScoreFor(100_000)).toBe(MIN_SCORE);
  });

  it('returns nothing for an unknown source', () => {
    expect(indexOf().related('c:nope')).toEqual({ connections: [], sameTopic: [] });
  });
});

describe('feedback', () => {
  it('leaves dismissed pairs out, whichever side is the source', () => {
    const index = indexOf();
    const dismissed = new Set([pairKey(BOKASHI.id, SOURDOUGH.id)]);
    expect(ids(index.related(SOURDOUGH.id, { dismissed, minScore: 0, limit: 20 }).connections)).not.toContain(BOKASHI.id);
    expect(ids(index.related(BOKASHI.id, { dismissed, minScore: 0, limit: 20 }).connections)).not.toContain(SOURDOUGH.id);
    expect(ids(index.related(SOURDOUGH.id).connections)).toContain(BOKASHI.id);
  });

  it('marks confirmed pairs, and lists them even under the minimum score', () => {
    const index = indexOf();
    const confirmed = new Set([pairKey(SOURDOUGH.id, BOKASHI.id), pairKey(SOURDOUGH.id, ROAST.id)]);
    const { connections, sameTopic } = index.related(SOURDOUGH.id, { confirmed });
    expect(connections.find((entry) => entry.id === BOKASHI.id)?.confirmed).toBe(true);
    const roast = sameTopic.find((entry) => entry.id === ROAST.id);
    expect(roast?.confirmed).toBe(true);
    expect(roast!.score).toBeLessThan(MIN_SCORE);
    expect(sameTopic.filter((entry) => entry.id !== ROAST.id).every((entry) => !entry.confirmed)).toBe(true);
  });
});

describe('changes', () => {
  it('never returns a removed item, and forgets its postings', () => {
    const index = indexOf();
    const before = index.health().postings;
    expect(index.remove(BOKASHI.id)).toBe(true);
    expect(index.remove(BOKASHI.id)).toBe(false);
    expect(index.has(BOKASHI.id)).toBe(false);
    expect(index.size).toBe(LIBRARY.length - 1);
    expect(index.health().postings).toBeLessThan(before);
    for (const source of LIBRARY.filter((entry) => entry !== BOKASHI)) {
      const { connections, sameTopic } = index.related(source.id, { minScore: 0, limit: 50 });
      expect([...ids(connections), ...ids(sameTopic)]).not.toContain(BOKASHI.id);
    }
    expect(index.related(BOKASHI.id)).toEqual({ connections: [], sameTopic: [] });
  });

  it('takes back document frequencies exactly when given the text removed', () => {
    const index = indexOf(LIBRARY, { topK: 3 });
    const before = index.toJSON().df;
    index.add(item('extra', ['x'], 'Kimchi', 'Kimchi ferments cabbage with lactobacillus for weeks.'));
    index.remove('c:extra', { title: 'Kimchi', text: 'Kimchi ferments cabbage with lactobacillus for weeks.' });
    expect(index.toJSON().df).toEqual(before);
    expect(index.health().drift).toBe(0);
    // Without the text, only the kept terms are taken back, and the index says so.
    index.add(item('extra', ['x'], 'Kimchi', 'Kimchi ferments cabbage with lactobacillus for weeks.'));
    const kept = index.toJSON().items.find((entry) => entry.id === 'c:extra')!;
    expect(kept.terms).toHaveLength(3);
    index.remove('c:extra');
    expect(index.health().drift).toBe(1);
    const after = index.toJSON().df;
    const dfOf = (df: typeof before, term: string) => df.counts[df.terms.indexOf(term)] ?? 0;
    // "kimchi" was kept (title and body): its count is taken back; words it did not keep stay counted.
    expect(dfOf(after, 'kimchi')).toBe(0);
    expect(after.terms.length).toBeGreaterThan(before.terms.length);
  });

  it('update with new text re-analyses; the old words no longer connect', () => {
    const index = indexOf();
    index.update({ ...BOKASHI, title: 'Knitting socks', text: 'Knit the heel with a short row. Wool socks last for years.' });
    expect(ids(index.related(SOURDOUGH.id, { minScore: 0, limit: 20 }).connections)).not.toContain(BOKASHI.id);
    expect(index.size).toBe(LIBRARY.length);
  });

  it('update with the same text only moves the item between topics', () => {
    const index = indexOf();
    const score = index.pairScore(SOURDOUGH.id, BOKASHI.id);
    index.update({ ...BOKASHI, topics: ['gardening', 'Cooking'] });
    const { connections, sameTopic } = index.related(SOURDOUGH.id);
    expect(ids(connections)).not.toContain(BOKASHI.id);
    const moved = sameTopic.find((entry) => entry.id === BOKASHI.id);
    expect(moved?.sharedTopics).toEqual(['cooking']);
    expect(moved?.score).toBeCloseTo(score, 10);
  });

  it('adding an id twice updates it instead of duplicating it', () => {
    const index = indexOf();
    index.add(SOURDOUGH);
    expect(index.size).toBe(LIBRARY.length);
    expect(ids(index.related(BOKASHI.id).connections).filter((id) => id === SOURDOUGH.id)).toHaveLength(1);
  });

  it('lists items whose terms were chosen in a much smaller library, and update() refreshes them', () => {
    const index = indexOf([SOURDOUGH]);
    const many = Array.from({ length: 12 }, (_, i) =>
      item(`filler-${i}`, ['filler'], `Filler ${i}`, `Filler number ${i} about topic ${i}.`),
    );
    for (const entry of many) index.add(entry);
    expect(index.stale()).toContain(SOURDOUGH.id);
    index.update(SOURDOUGH);
    expect(index.stale()).not.toContain(SOURDOUGH.id);
  });
});

describe('an unsaved page as source', () => {
  const page = {
    title: 'Making kimchi',
    text: 'Kimchi is cabbage preserved by lactic acid fermentation. Lactobacillus bacteria on the leaves do the work, and the microbes sour the brine.',
  };

  it('finds saved items without adding the page, split by its topics', () => {
    const index = indexOf();
    const asReading = index.related({ ...page, topics: ['reading'] });
    expect(ids(asReading.connections).slice(0, 2).sort()).toEqual([BOKASHI.id, SOURDOUGH.id]);
    expect(asReading.sameTopic).toEqual([]);
    const asCooking = index.related({ ...page, topics: ['Cooking'] });
    expect(ids(asCooking.sameTopic)).toContain(SOURDOUGH.id);
    expect(ids(asCooking.connections)).toContain(BOKASHI.id);
    expect(index.size).toBe(LIBRARY.length);
  });

  it('scores a page like the same text saved, and leaves out its own saved items', () => {
    const index = indexOf();
    const asPage = index.related({
      title: SOURDOUGH.title,
      text: SOURDOUGH.text,
      topics: ['cooking'],
      page: SOURDOUGH.id,
      id: SOURDOUGH.id,
    });
    const saved = index.related(SOURDOUGH.id);
    expect(ids(asPage.connections)).toEqual(ids(saved.connections));
    expect(asPage.connections[0]!.score).toBeCloseTo(saved.connections[0]!.score, 1);
    expect(ids(asPage.sameTopic)).not.toContain(SOURDOUGH.id);
  });
});
