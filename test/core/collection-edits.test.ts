import { describe, expect, it } from 'vitest';
import { addItems, checkCollectionName, moveItem, newCollection, removeItems } from '../../src/core/collection-edits';
import { collectionNamesByItem } from '../../src/core/export/library-data';
import { normalizeTags, parseTagInput } from '../../src/core/tags/normalize';

const a = { type: 'clip', id: 'a' } as const;
const b = { type: 'clip', id: 'b' } as const;
const h = { type: 'highlight', id: 'a' } as const;

describe('collection edits', () => {
  const base = newCollection('Talk', ' notes ', { id: 'c1', now: 1 });

  it('adds items once each, keeping order, and tells clips from highlights with the same id', () => {
    const added = addItems(addItems(base, [a, h], 2), [a, b], 3);
    expect(added.items).toEqual([a, h, b]);
    expect(added.updatedAt).toBe(3);
    expect(base.description).toBe('notes');
  });

  it('removes and moves items, clamping the position', () => {
    const full = addItems(base, [a, b, h], 2);
    expect(removeItems(full, [b], 3).items).toEqual([a, h]);
    expect(moveItem(full, h, 0, 3).items).toEqual([h, a, b]);
    expect(moveItem(full, a, 99, 3).items).toEqual([b, h, a]);
    expect(moveItem(full, { type: 'clip', id: 'x' }, 0, 3)).toBe(full);
  });

  it('checks names: trimmed, not empty, not too long, unique whatever the case', () => {
    expect(checkCollectionName('  A   talk ', [])).toEqual({ ok: true, name: 'A talk' });
    expect(checkCollectionName(' ', [])).toMatchObject({ ok: false });
    expect(checkCollectionName('x'.repeat(201), [])).toMatchObject({ ok: false });
    expect(checkCollectionName('talk', [{ id: 'c1', name: 'Talk' }])).toMatchObject({ ok: false });
    expect(checkCollectionName('talk', [{ id: 'c1', name: 'Talk' }], 'c1')).toEqual({ ok: true, name: 'talk' });
  });

  it('maps each item to the names of the collections holding it', () => {
    const other = addItems(newCollection('Team', '', { id: 'c2', now: 1 }), [a], 1);
    const names = collectionNamesByItem([addItems(base, [a, h], 1), other]);
    expect(names.get('clip:a')).toEqual(['Talk', 'Team']);
    expect(names.get('highlight:a')).toEqual(['Talk']);
    expect(names.get('clip:b')).toBeUndefined();
  });
});

describe('tags', () => {
  it('cleans tags: "#" and spaces dropped, duplicates in any case removed, first spelling kept', () => {
    expect(normalizeTags(['#Design', 'design', '  social   media ', '', '#'])).toEqual(['Design', 'social media']);
    expect(parseTagInput('a, b ,, A')).toEqual(['a', 'b']);
    expect(normalizeTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
  });
});
