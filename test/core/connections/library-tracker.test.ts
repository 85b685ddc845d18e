// The library-wide list kept current item by item equals a full recompute after any sequence of adds,
// edits (text, topics), deletes and feedback: a property test over seeded random libraries.
import { describe, expect, it } from 'vitest';
import { ConnectionIndex, LibraryConnectionTracker, libraryConnections, pairKey, type ConnectionItem } from '../../../src/core/connections';
import { createRng, type Rng } from '../../../bench/prng';

/** Themes whose words items share, so some pairs connect across topics and many do not. */
const THEMES = [
  'fermentation yeast bacteria sourdough starter lactic acid culture microbes',
  'compost garden soil worms bokashi scraps mulch seedlings',
  'browser speed chrome firefox tabs rendering javascript engine',
  'customer service response ticket support complaint email reply',
  'telescope galaxy orbit planet comet astronomy nebula stars',
  'violin orchestra concerto symphony tempo rehearsal conductor strings',
].map((theme) => theme.split(' '));
const TOPICS = ['cooking', 'gardening', 'google', 'social media', 'science', 'music'];

function randomItem(rng: Rng, id: string): ConnectionItem {
  const words: string[] = [];
  for (let i = 0; i < rng.int(2, 3); i++) {
    const theme = rng.pick(THEMES);
    for (let j = 0; j < rng.int(4, 10); j++) words.push(rng.pick(theme));
  }
  const topics = [...new Set([rng.pick(TOPICS), ...(rng.chance(0.2) ? [rng.pick(TOPICS)] : [])])];
  const page = rng.chance(0.15) ? 'c:shared-page' : id;
  return { id, page, title: `${rng.pick(rng.pick(THEMES))} notes`, text: `${words.join(' ')}.`, topics };
}

/** Applies one random change to the index (and maybe the feedback); returns the pair whose feedback changed. */
function randomChange(
  rng: Rng,
  index: ConnectionIndex,
  items: Map<string, ConnectionItem>,
  feedback: { dismissed: Set<string>; confirmed: Set<string> },
  next: () => string,
): string[] {
  const ids = [...items.keys()];
  const roll = rng.next();
  if (roll < 0.35 || ids.length < 4) {
    const item = randomItem(rng, next());
    items.set(item.id, item);
    index.add(item);
  } else if (roll < 0.55) {
    const item = { ...randomItem(rng, rng.pick(ids)) };
    items.set(item.id, item);
    index.update(item);
  } else if (roll < 0.7) {
    const old = items.get(rng.pick(ids))!;
    const item = { ...old, topics: [rng.pick(TOPICS)] };
    items.set(item.id, item);
    index.update(item);
  } else if (roll < 0.85) {
    const id = rng.pick(ids);
    const old = items.get(id)!;
    items.delete(id);
    index.remove(id, old);
  } else {
    const [a, b] = [rng.pick(ids), rng.pick(ids)];
    if (a === b) return [];
    (rng.chance(0.5) ? feedback.dismissed : feedback.confirmed).add(pairKey(a!, b!));
    return [a!, b!];
  }
  return [];
}

function run(seed: number, options: { epochShare: number; minScore?: number; steps: number }) {
  const rng = createRng(seed);
  const index = new ConnectionIndex({ epochShare: options.epochShare });
  const items = new Map<string, ConnectionItem>();
  let counter = 0;
  const next = () => `c:item-${counter++}`;
  for (let i = 0; i < 30; i++) {
    const item = randomItem(rng, next());
    items.set(item.id, item);
    index.add(item);
  }
  const feedback = { dismissed: new Set<string>(), confirmed: new Set<string>() };
  const settings = { ...feedback, ...(options.minScore === undefined ? {} : { minScore: options.minScore }) };
  let tracker = new LibraryConnectionTracker(index, settings);
  tracker.collect(index.ids());
  index.takeTouched();
  let incremental = 0;
  let rebuilt = 0;
  for (let step = 0; step < options.steps; step++) {
    const pair = randomChange(rng, index, items, feedback, next);
    const touched = [...index.takeTouched(), ...pair];
    if (tracker.current) {
      tracker.setFeedback(feedback);
      tracker.changed(touched);
      incremental++;
    } else {
      tracker = new LibraryConnectionTracker(index, settings);
      tracker.collect(index.ids());
      rebuilt++;
    }
    expect(tracker.strongest(), `seed ${seed}, step ${step}`).toEqual(libraryConnections(index, settings));
  }
  return { incremental, rebuilt };
}

describe('LibraryConnectionTracker', () => {
  it('equals a full recompute after every change, kept item by item within a weighting epoch', () => {
    let incremental = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) incremental += run(seed, { epochShare: 1e9, minScore: 0.05, steps: 60 }).incremental;
    // Every change was applied item by item: the epoch and the minimum score never moved.
    expect(incremental).toBe(6 * 60);
  });

  it('says when it can no longer be kept item by item (a new epoch, a new minimum score), and a rebuild equals a full recompute', () => {
    let rebuilt = 0;
    let incremental = 0;
    for (const seed of [7, 8, 9]) {
      const counts = run(seed, { epochShare: 0.3, steps: 50 });
      rebuilt += counts.rebuilt;
      incremental += counts.incremental;
    }
    expect(rebuilt).toBeGreaterThan(0);
    expect(incremental).toBeGreaterThan(0);
  });

  it('finds again only the lists a change can alter', () => {
    const rng = createRng(42);
    const index = new ConnectionIndex({ epochShare: 1e9 });
    for (let i = 0; i < 200; i++) index.add(randomItem(rng, `c:${i}`));
    const tracker = new LibraryConnectionTracker(index, { minScore: 0.05 });
    tracker.collect(index.ids());
    index.takeTouched();
    index.add(randomItem(rng, 'c:new'));
    const relisted = tracker.changed(index.takeTouched());
    expect(relisted).toBeGreaterThan(0);
    expect(relisted).toBeLessThan(100);
    expect(tracker.strongest()).toEqual(libraryConnections(index, { minScore: 0.05 }));
  });

  it('restores saved lists, and keeps them current from there', () => {
    const rng = createRng(5);
    const index = new ConnectionIndex({ epochShare: 1e9 });
    for (let i = 0; i < 60; i++) index.add(randomItem(rng, `c:${i}`));
    const tracker = new LibraryConnectionTracker(index, { minScore: 0.05 });
    tracker.collect(index.ids());
    const saved = JSON.parse(JSON.stringify(tracker.toJSON()));
    const restored = LibraryConnectionTracker.fromJSON(index, saved, { minScore: 0.05 })!;
    expect(restored.strongest()).toEqual(tracker.strongest());
    index.takeTouched();
    index.remove('c:3');
    restored.changed(index.takeTouched());
    expect(restored.strongest()).toEqual(libraryConnections(index, { minScore: 0.05 }));
    expect(LibraryConnectionTracker.fromJSON(index, saved, { minScore: 0.1 })).toBeNull();
  });
});
