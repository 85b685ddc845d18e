import { describe, expect, it } from 'vitest';
import { LibraryConnectionCollector, libraryConnections, pairKey } from '../../../src/core/connections';
import { BOKASHI, SOURDOUGH, indexOf, item } from './helpers';

describe('libraryConnections', () => {
  it('lists cross-topic pairs of the whole library once each, strongest first', () => {
    const index = indexOf();
    const found = libraryConnections(index);
    expect(found.length).toBeGreaterThan(0);
    const keys = found.map((c) => pairKey(c.a, c.b));
    expect(new Set(keys).size).toBe(keys.length);
    for (const connection of found) {
      expect(connection.a < connection.b).toBe(true);
      const topicsA = index.topicsOf(connection.a)!;
      expect(index.topicsOf(connection.b)!.some((topic) => topicsA.includes(topic))).toBe(false);
    }
    for (let i = 1; i < found.length; i++) expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
    expect([found[0]!.a, found[0]!.b]).toEqual([BOKASHI.id, SOURDOUGH.id]);
    expect(found[0]!.terms.map((term) => term.label)).toContain('fermentation');
  });

  it('leaves out same-topic pairs and dismissed pairs, and marks confirmed ones', () => {
    const index = indexOf();
    const dismissed = libraryConnections(index, { dismissed: new Set([pairKey(SOURDOUGH.id, BOKASHI.id)]) });
    expect(dismissed.some((c) => c.a === BOKASHI.id && c.b === SOURDOUGH.id)).toBe(false);
    const confirmed = libraryConnections(index, { confirmed: new Set([pairKey(SOURDOUGH.id, BOKASHI.id)]) });
    expect(confirmed[0]!.confirmed).toBe(true);
    // Same topic: two cooking items sharing words are "more on this topic", never library connections.
    const same = indexOf([
      item('a', ['cooking'], 'Oven bread', 'oven bread crust steam oven bread'),
      item('b', ['cooking'], 'Oven bread two', 'oven bread crust steam'),
    ]);
    expect(libraryConnections(same)).toEqual([]);
  });

  it('gives the same list collected slice by slice as all at once, and limits it', () => {
    const index = indexOf();
    const collector = new LibraryConnectionCollector(index);
    const ids = index.ids();
    for (let i = 0; i < ids.length; i += 3) collector.collect(ids.slice(i, i + 3));
    expect(collector.strongest()).toEqual(libraryConnections(index));
    expect(libraryConnections(index, { limit: 1 })).toHaveLength(1);
  });
});

describe('ConnectionIndex.pairTerms', () => {
  it('names the terms two indexed items share, strongest first', () => {
    const index = indexOf();
    const terms = index.pairTerms(SOURDOUGH.id, BOKASHI.id);
    expect(terms.map((term) => term.label)).toContain('fermentation');
    for (let i = 1; i < terms.length; i++) expect(terms[i - 1]!.contribution).toBeGreaterThanOrEqual(terms[i]!.contribution);
    expect(index.pairTerms(SOURDOUGH.id, 'c:missing')).toEqual([]);
  });
});
