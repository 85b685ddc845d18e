// The two-tier index's bookkeeping: updates, removals, separate id spaces, limits, matched fields, vacuuming.
import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../src/core/search';
import { clip, highlight, ids } from './helpers';

describe('SearchIndex', () => {
  it('updates an item in place: new words are found, old ones are not', () => {
    const index = new SearchIndex();
    index.upsert(clip({ id: 'a', title: 'Beekeeping basics', text: 'Hives, frames and smokers.', tags: ['bees'] }));
    index.upsert(clip({ id: 'a', title: 'Beekeeping basics', text: 'Queens, drones and swarms.', tags: ['insects'] }));
    expect(index.size).toBe(1);
    expect(ids(index.search('swarms'))).toEqual(['a']);
    expect(index.search('smokers')).toEqual([]);
    expect(ids(index.searchQuick('beekeeping tag:insects'))).toEqual(['a']);
    expect(index.searchQuick('beekeeping tag:bees')).toEqual([]);
  });

  it('keeps the article searchable when only the metadata of a clip changes', () => {
    const index = new SearchIndex();
    index.upsert(clip({ id: 'a', title: 'One', text: 'Pollinators decline.' }));
    index.upsert(clip({ id: 'a', title: 'Two', text: 'Pollinators decline.' }));
    expect(ids(index.search('pollinators'))).toEqual(['a']);
  });

  it('finds an article by its text after its title changed between two searches', () => {
    const index = new SearchIndex();
    index.addAll([clip({ id: 'a', title: 'One', text: 'Pollinators decline.' }), clip({ id: 'b', title: 'Other', text: 'Rivers' })]);
    expect(index.search('pollinators')[0]?.fields).toEqual(['body']);
    // The quick tier gives the edited item a new id; the full tier keeps its own (same text).
    index.upsert(clip({ id: 'a', title: 'Two', text: 'Pollinators decline.' }));
    const [hit] = index.search('two pollinators');
    expect(hit).toMatchObject({ id: 'a', queryTerms: expect.arrayContaining(['two', 'pollinators']) });
    expect(hit?.fields.sort()).toEqual(['body', 'title']);
  });

  it('removes items from both tiers, and ignores removing what is not there', () => {
    const index = new SearchIndex();
    index.addAll([clip({ id: 'a', title: 'Bees', text: 'Pollination' }), highlight({ id: 'h', text: 'Bees dance' })]);
    index.remove({ type: 'clip', id: 'a' });
    index.remove({ type: 'clip', id: 'missing' });
    expect(index.has({ type: 'clip', id: 'a' })).toBe(false);
    expect(ids(index.search('bees'))).toEqual(['h']);
    expect(index.search('pollination')).toEqual([]);
    // Filter-only listings forget it too.
    expect(index.searchQuick('type:clip')).toEqual([]);
    expect(ids(index.searchQuick('type:highlight'))).toEqual(['h']);
  });

  it('keeps clips and highlights apart even with equal ids', () => {
    const index = new SearchIndex();
    index.addAll([clip({ id: '1', title: 'Wetlands' }), highlight({ id: '1', text: 'Wetlands store carbon' })]);
    expect(index.size).toBe(2);
    const hits = index.searchQuick('wetlands');
    expect(hits.map((h) => `${h.type}:${h.id}`).sort()).toEqual(['clip:1', 'highlight:1']);
  });

  it('returns at most `limit` results', () => {
    const index = new SearchIndex();
    index.addAll(Array.from({ length: 30 }, (_, i) => clip({ id: `c${i}`, title: `Moss study ${i}` })));
    expect(index.searchQuick('moss', {}, 7)).toHaveLength(7);
  });

  it('says which fields matched so the UI can pick the snippet source', () => {
    const index = new SearchIndex();
    index.addAll([clip({ id: 'a', title: 'Lichens', text: 'Lichens are symbioses.' })]);
    expect(index.search('lichens')[0]?.fields.sort()).toEqual(['body', 'title']);
  });

  it('still finds everything after vacuuming away many updates', async () => {
    const index = new SearchIndex();
    for (let round = 0; round < 3; round++) {
      index.addAll(Array.from({ length: 40 }, (_, i) => clip({ id: `c${i}`, title: `Fern ${round}`, text: `Frond ${round}` })));
    }
    await index.vacuum();
    expect(index.searchQuick('fern', {}, 100)).toHaveLength(40);
    expect(index.search('frond', {}, 100)).toHaveLength(40);
  });
});
