import { describe, expect, it } from 'vitest';
import { layoutGraph, type GraphLayoutInput } from '../../../src/core/connections';

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

function library(): GraphLayoutInput {
  const items: Array<{ id: string; topics: string[] }> = [];
  for (let i = 0; i < 12; i++) items.push({ id: `c:cook${i}`, topics: ['cooking'] });
  for (let i = 0; i < 12; i++) items.push({ id: `c:garden${i}`, topics: ['gardening'] });
  for (let i = 0; i < 6; i++) items.push({ id: `c:money${i}`, topics: ['finance'] });
  items.push({ id: 'c:bridge', topics: ['cooking', 'gardening'] });
  return { topics: ['cooking', 'gardening', 'finance'], items, links: [{ a: 'c:cook0', b: 'c:garden0' }] };
}

describe('layoutGraph', () => {
  it('is deterministic: the same library gives the same picture', () => {
    const first = layoutGraph(library());
    const second = layoutGraph(library());
    expect([...second.items]).toEqual([...first.items]);
    expect([...second.topics]).toEqual([...first.topics]);
  });

  it('places topics on a circle around the centre', () => {
    const layout = layoutGraph(library(), { width: 800, height: 600 });
    const centre = { x: 400, y: 300 };
    const radii = [...layout.topics.values()].map((place) => distance(place, centre));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 0);
    expect(radii[0]).toBeGreaterThan(100);
  });

  it('keeps each item nearer its own topic than any other, and an item of two topics between them', () => {
    const layout = layoutGraph(library());
    for (const [id, place] of layout.items) {
      if (id === 'c:bridge') continue;
      const own = id.startsWith('c:cook') ? 'cooking' : id.startsWith('c:garden') ? 'gardening' : 'finance';
      const nearest = [...layout.topics].sort((x, y) => distance(x[1], place) - distance(y[1], place))[0]![0];
      expect(nearest, id).toBe(own);
    }
    const bridge = layout.items.get('c:bridge')!;
    const cooking = layout.topics.get('cooking')!;
    const gardening = layout.topics.get('gardening')!;
    const between = distance(cooking, gardening);
    expect(distance(bridge, cooking)).toBeLessThan(between);
    expect(distance(bridge, gardening)).toBeLessThan(between);
    expect(distance(bridge, layout.topics.get('finance')!)).toBeGreaterThan(distance(bridge, cooking));
  });

  it('spreads dots apart and keeps them inside the drawing', () => {
    const layout = layoutGraph(library(), { width: 600, height: 400, spacing: 16 });
    const places = [...layout.items.values()];
    let closest = Infinity;
    for (let i = 0; i < places.length; i++)
      for (let j = i + 1; j < places.length; j++) closest = Math.min(closest, distance(places[i]!, places[j]!));
    expect(closest).toBeGreaterThan(8);
    for (const place of places) {
      expect(place.x).toBeGreaterThanOrEqual(0);
      expect(place.x).toBeLessThanOrEqual(600);
      expect(place.y).toBeGreaterThanOrEqual(0);
      expect(place.y).toBeLessThanOrEqual(400);
    }
  });

  it('puts two topics side by side', () => {
    const layout = layoutGraph({ topics: ['a', 'b'], items: [], links: [] }, { width: 900, height: 600 });
    expect(layout.topics.get('a')!.y).toBe(layout.topics.get('b')!.y);
    expect(layout.topics.get('a')!.x).toBeLessThan(layout.topics.get('b')!.x);
  });

  it('puts a single topic in the centre and copes with items of unknown topics', () => {
    const layout = layoutGraph({
      topics: ['solo'],
      items: [
        { id: 'c:a', topics: ['solo'] },
        { id: 'c:b', topics: ['elsewhere'] },
      ],
      links: [],
    });
    expect(layout.topics.get('solo')).toEqual({ x: 400, y: 300 });
    expect(layout.items.size).toBe(2);
  });
});
