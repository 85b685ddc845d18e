import { describe, expect, it } from 'vitest';
import { createSnapshotAssembler, splitSnapshot } from '../../../src/core/search/snapshot-transfer';

const snapshot = { version: 2, watermark: 1_700_000_000_000, quick: 'q'.repeat(25), full: 'f'.repeat(10) + 'é'.repeat(31) };

describe('snapshot transfer', () => {
  it('cuts both tiers into parts of at most the given size, quick tier first, the last part marked', () => {
    const parts = [...splitSnapshot(snapshot, 't1', 10)];
    expect(parts.map((part) => [part.seq, part.tier, part.text.length, part.last])).toEqual([
      [0, 'quick', 10, false],
      [1, 'quick', 10, false],
      [2, 'quick', 5, false],
      [3, 'full', 10, false],
      [4, 'full', 10, false],
      [5, 'full', 10, false],
      [6, 'full', 10, false],
      [7, 'full', 1, true],
    ]);
    expect(parts.every((part) => part.transfer === 't1' && part.watermark === snapshot.watermark && part.version === 2)).toBe(true);
  });

  it('puts the parts back together into the same snapshot, empty tiers included', () => {
    for (const sample of [snapshot, { ...snapshot, quick: '', full: '' }]) {
      const assembler = createSnapshotAssembler();
      const results = [...splitSnapshot(sample, 't1', 7)].map((part) => assembler.add(part));
      expect(results.slice(0, -1).every((result) => result === null)).toBe(true);
      expect(results.at(-1)).toEqual(sample);
    }
  });

  it('drops a transfer whose parts arrive out of order or whose start it never saw', () => {
    const parts = [...splitSnapshot(snapshot, 't1', 10)];
    const skipped = createSnapshotAssembler();
    skipped.add(parts[0]!);
    expect(() => skipped.add(parts[2]!)).toThrow(/out of order/);
    // A worker that restarted mid-transfer sees a later part first.
    expect(() => createSnapshotAssembler().add(parts[3]!)).toThrow(/out of order/);
    // A new transfer starts over cleanly.
    const again = createSnapshotAssembler();
    again.add(parts[0]!);
    const retry = [...splitSnapshot(snapshot, 't2', 10)];
    expect(retry.map((part) => again.add(part)).at(-1)).toEqual(snapshot);
  });
});
