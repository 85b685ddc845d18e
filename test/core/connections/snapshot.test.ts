// Snapshots: a round trip through JSON gives the same answers; other versions and damage are refused.
import { describe, expect, it } from 'vitest';
import { CONNECTION_INDEX_VERSION, ConnectionIndex, ConnectionSnapshotError, type ConnectionSnapshot } from '../../../src/core/connections';
import { BOKASHI, LIBRARY, SOURDOUGH, indexOf, item } from './helpers';

function roundTrip(index: ConnectionIndex): ConnectionIndex {
  return ConnectionIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
}

function reasonOf(value: unknown): string {
  try {
    ConnectionIndex.fromJSON(value);
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectionSnapshotError);
    return (error as ConnectionSnapshotError).reason;
  }
  throw new Error('expected a ConnectionSnapshotError');
}

describe('snapshots', () => {
  it('restores an index that answers exactly as the original', () => {
    const index = indexOf();
    index.remove(BOKASHI.id);
    index.add(BOKASHI);
    const restored = roundTrip(index);
    expect(restored.size).toBe(index.size);
    expect(restored.health()).toEqual(index.health());
    for (const source of LIBRARY)
      expect(restored.related(source.id, { minScore: 0, limit: 20 })).toEqual(index.related(source.id, { minScore: 0, limit: 20 }));
    expect(restored.toJSON()).toEqual(index.toJSON());
  });

  it('keeps working after a restore: changes and page queries', () => {
    const restored = roundTrip(indexOf());
    restored.remove(SOURDOUGH.id);
    expect(restored.related(BOKASHI.id).connections.map((entry) => entry.id)).not.toContain(SOURDOUGH.id);
    restored.add(item('kimchi', ['cooking'], 'Kimchi', 'Kimchi ferments with lactobacillus bacteria and microbes make lactic acid.'));
    expect(restored.related(BOKASHI.id).connections[0]!.id).toBe('c:kimchi');
  });

  it('keeps a fixed K', () => {
    expect(roundTrip(indexOf(LIBRARY, { topK: 5 })).fixedTopK).toBe(5);
    expect(roundTrip(indexOf()).fixedTopK).toBeNull();
  });

  it('refuses another version and damaged snapshots', () => {
    const good = indexOf().toJSON();
    expect(good.version).toBe(CONNECTION_INDEX_VERSION);
    expect(reasonOf({ ...good, version: CONNECTION_INDEX_VERSION + 1 })).toBe('version-mismatch');
    expect(reasonOf(null)).toBe('corrupt');
    expect(reasonOf({ ...good, version: undefined })).toBe('corrupt');
    expect(reasonOf({ ...good, df: { terms: ['a'], counts: [] } })).toBe('corrupt');
    const badTerm: ConnectionSnapshot = { ...good, items: [{ ...good.items[0]!, terms: [good.vocab.terms.length], counts: [1] }] };
    expect(reasonOf(badTerm)).toBe('corrupt');
    expect(reasonOf({ ...good, items: [good.items[0], good.items[0]] })).toBe('corrupt');
  });
});
