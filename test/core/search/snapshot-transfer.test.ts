import { describe, expect, it } from 'vitest';
import { createPartSequencer, splitSnapshot } from '../../../src/core/search/snapshot-transfer';

const lines = ['{"header":1}\n', '[1,2,3]\n', `[${'4,'.repeat(9)}5]\n`];
const snapshot = () => ({
  version: 2,
  watermark: 1_700_000_000_000,
  quick: ['q'.repeat(4), 'q'.repeat(11) + 'é'.repeat(3), 'é'.repeat(7)],
  full: lines.values(),
});

describe('snapshot transfer', () => {
  it('cuts the quick tier anywhere and the full tier into whole lines, parts of at most the given size, the last part marked', () => {
    const parts = [...splitSnapshot(snapshot(), 't1', 10)];
    expect(parts.map((part) => [part.seq, part.tier, part.text, part.last])).toEqual([
      [0, 'quick', 'q'.repeat(10), false],
      [1, 'quick', 'q'.repeat(5) + 'é'.repeat(5), false],
      [2, 'quick', 'é'.repeat(5), false],
      [3, 'full', '{"header":', false],
      [4, 'full', '1}\n', false],
      [5, 'full', '[1,2,3]\n', false],
      [6, 'full', '[4,4,4,4,4', false],
      [7, 'full', ',4,4,4,4,5', false],
      [8, 'full', ']\n', true],
    ]);
    expect(parts.every((part) => part.transfer === 't1' && part.watermark === 1_700_000_000_000 && part.version === 2)).toBe(true);
    expect([...splitSnapshot(snapshot(), 't1', 30)].map((part) => part.text)).toEqual([
      'q'.repeat(15) + 'é'.repeat(10),
      '{"header":1}\n[1,2,3]\n',
      lines[2],
    ]);
  });

  it('makes the full tier lazily, a part at a time', () => {
    let made = 0;
    function* counted() {
      for (const line of lines) {
        made++;
        yield line;
      }
    }
    const parts = splitSnapshot({ ...snapshot(), full: counted() }, 't1', 10);
    parts.next();
    parts.next();
    parts.next();
    expect(made).toBe(0);
    parts.next();
    // One part is held back to learn whether it is the last.
    expect(made).toBeLessThanOrEqual(2);
  });

  it('places each part in its tier and counts both tiers on the last part', () => {
    const sequencer = createPartSequencer();
    const placed = [...splitSnapshot(snapshot(), 't1', 10)].map((part) => sequencer.add(part));
    expect(placed.map((place) => place.index)).toEqual([0, 1, 2, 0, 1, 2, 3, 4, 5]);
    expect(placed.slice(0, -1).every((place) => place.complete === null)).toBe(true);
    expect(placed.at(-1)!.complete).toEqual({ quick: 3, full: 6 });
  });

  it('drops a transfer whose parts arrive out of order or whose start it never saw', () => {
    const parts = [...splitSnapshot(snapshot(), 't1', 10)];
    const skipped = createPartSequencer();
    skipped.add(parts[0]!);
    expect(() => skipped.add(parts[2]!)).toThrow(/out of order/);
    // A worker that restarted mid-transfer sees a later part first.
    expect(() => createPartSequencer().add(parts[3]!)).toThrow(/out of order/);
    // A transfer must end with its full tier.
    const early = createPartSequencer();
    expect(() => early.add({ ...parts[0]!, last: true })).toThrow(/out of order/);
    // A new transfer starts over cleanly.
    const again = createPartSequencer();
    again.add(parts[0]!);
    const retry = [...splitSnapshot(snapshot(), 't2', 10)];
    expect(retry.map((part) => again.add(part)).at(-1)!.complete).toEqual({ quick: 3, full: 6 });
  });
});
