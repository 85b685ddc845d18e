import { describe, expect, it } from 'vitest';
import { forEachInSlices } from '../../src/core/time-slices';

describe('forEachInSlices', () => {
  it('handles every item in order, pausing once a slice of work has passed', async () => {
    const seen: string[] = [];
    const pause = async () => void seen.push('pause');
    await forEachInSlices(['a', 'b', 'c'], (item) => seen.push(item), pause, 0);
    expect(seen).toEqual(['a', 'pause', 'b', 'pause', 'c', 'pause']);
  });

  it('does not pause while the slice lasts', async () => {
    let pauses = 0;
    const items: number[] = [];
    await forEachInSlices(
      [1, 2, 3, 4],
      (item) => items.push(item),
      async () => void pauses++,
      60_000,
    );
    expect(items).toEqual([1, 2, 3, 4]);
    expect(pauses).toBe(0);
  });
});
