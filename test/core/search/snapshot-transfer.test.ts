import { describe, expect, it } from 'vitest';
import {
  createPartSequencer,
  encodeParts,
  splitSnapshot,
  type SnapshotPart,
  type SplitOptions,
} from '../../../src/core/search/snapshot-transfer';

const lines = ['{"header":1}\n', '[1,2,3]\n', `[${'4,'.repeat(9)}5]\n`];
const snapshot = () => ({
  version: 2,
  watermark: 1_700_000_000_000,
  quick: ['q'.repeat(4), 'q'.repeat(11) + 'é'.repeat(3), 'é'.repeat(7)],
  full: lines.values(),
});

const strict = new TextDecoder('utf-8', { fatal: true });
const text = (part: SnapshotPart) => strict.decode(part.bytes);

const noPause = { pause: () => Promise.resolve(), sliceMs: Infinity };

async function split(taken: Parameters<typeof splitSnapshot>[0], transfer: string, options: SplitOptions): Promise<SnapshotPart[]> {
  const parts: SnapshotPart[] = [];
  for await (const part of splitSnapshot(taken, transfer, options)) parts.push(part);
  return parts;
}

describe('snapshot transfer', () => {
  it('cuts both tiers between any two characters, into UTF-8 parts of at most the given size, the last part marked', async () => {
    const parts = await split(snapshot(), 't1', { maxBytes: 10, ...noPause });
    expect(parts.map((part) => [part.seq, part.tier, text(part), part.last])).toEqual([
      [0, 'quick', 'q'.repeat(10), false],
      // "é" is two bytes: the next one would not fit.
      [1, 'quick', 'q'.repeat(5) + 'é'.repeat(2), false],
      [2, 'quick', 'é'.repeat(5), false],
      [3, 'quick', 'é'.repeat(3), false],
      [4, 'full', '{"header":', false],
      [5, 'full', '1}\n[1,2,3]', false],
      [6, 'full', '\n[4,4,4,4,', false],
      [7, 'full', '4,4,4,4,4,', false],
      [8, 'full', '5]\n', true],
    ]);
    expect(parts.every((part) => part.transfer === 't1' && part.watermark === 1_700_000_000_000 && part.version === 2)).toBe(true);
    expect(parts.every((part) => part.bytes.byteLength <= 10)).toBe(true);
    expect((await split(snapshot(), 't1', { maxBytes: 30, ...noPause })).map(text)).toEqual([
      'q'.repeat(15) + 'é'.repeat(7),
      'é'.repeat(3),
      lines.join('').slice(0, 30),
      lines.join('').slice(30),
    ]);
  });

  it('gives each part a buffer of its own, exactly its size, to hand over', async () => {
    const parts = await split(snapshot(), 't1', { maxBytes: 10, ...noPause });
    expect(parts.every((part) => part.bytes.byteOffset === 0 && part.bytes.byteLength === part.bytes.buffer.byteLength)).toBe(true);
    expect(new Set(parts.map((part) => part.bytes.buffer)).size).toBe(parts.length);
  });

  it('keeps characters whole: four-byte ones, and surrogate pairs split between two pieces', async () => {
    const pieces = ['ab\u{1F600}', 'c\uD83D', '\uDE00d', '\u00e9\u{1F600}\uD83D'];
    for (const maxBytes of [4, 5, 6, 7, 100]) {
      const parts = [...encodeParts(pieces, maxBytes)].filter((part) => part !== null);
      // A part cut inside a character would not decode.
      expect(parts.map((part) => strict.decode(part)).join('')).toBe('ab\u{1F600}c\u{1F600}d\u00e9\u{1F600}\uFFFD');
      expect(parts.every((part) => part.byteLength <= maxBytes && part.byteLength > 0)).toBe(true);
    }
    expect([...encodeParts([], 4)].map((part) => part?.byteLength)).toEqual([0]);
    expect(() => [...encodeParts(['x'], 3)]).toThrow(RangeError);
  });

  it('makes the full tier lazily, a part at a time', async () => {
    let made = 0;
    function* counted() {
      for (const line of lines) {
        made++;
        yield line;
      }
    }
    const parts = splitSnapshot({ ...snapshot(), full: counted() }, 't1', { maxBytes: 10, ...noPause });
    await parts.next();
    await parts.next();
    await parts.next();
    expect(made).toBe(0);
    await parts.next();
    // One part is held back to learn whether it is the last.
    expect(made).toBeLessThanOrEqual(2);
  });

  it('pauses between pieces once a slice of work has passed, before making the next piece', async () => {
    const events: string[] = [];
    function* pieces(tier: string) {
      for (let i = 0; i < 3; i++) {
        events.push(`${tier} ${i}`);
        yield 'x'.repeat(4);
      }
    }
    const pause = () => {
      events.push('pause');
      return Promise.resolve();
    };
    const taken = { ...snapshot(), quick: pieces('quick'), full: pieces('full') };
    await split(taken, 't1', { maxBytes: 100, pause, sliceMs: 0 });
    expect(events).toEqual([
      'quick 0',
      'pause',
      'quick 1',
      'pause',
      'quick 2',
      'pause',
      'full 0',
      'pause',
      'full 1',
      'pause',
      'full 2',
      'pause',
    ]);
    events.length = 0;
    await split({ ...snapshot(), quick: pieces('quick'), full: pieces('full') }, 't1', { maxBytes: 100, pause, sliceMs: 60_000 });
    expect(events.filter((event) => event === 'pause')).toEqual([]);
  });

  it('places each part in its tier and counts both tiers on the last part', async () => {
    const sequencer = createPartSequencer();
    const placed = (await split(snapshot(), 't1', { maxBytes: 10, ...noPause })).map((part) => sequencer.add(part));
    expect(placed.map((place) => place.index)).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 4]);
    expect(placed.slice(0, -1).every((place) => place.complete === null)).toBe(true);
    expect(placed.at(-1)!.complete).toEqual({ quick: 4, full: 5 });
  });

  it('drops a transfer whose parts arrive out of order or whose start it never saw', async () => {
    const parts = await split(snapshot(), 't1', { maxBytes: 10, ...noPause });
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
    const retry = await split(snapshot(), 't2', { maxBytes: 10, ...noPause });
    expect(retry.map((part) => again.add(part)).at(-1)!.complete).toEqual({ quick: 4, full: 5 });
  });
});
