// The worker's end of snapshot saves: parts stored as they arrive, committed with the last, older parts cleaned up.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotReceiver } from '../../src/background/snapshot-receiver';
import { splitSnapshot, type SnapshotPart } from '../../src/core/search/snapshot-transfer';
import { CrisscrossDb } from '../../src/storage/db';
import { readSnapshotTier, readTierText } from '../../src/storage/search-store';

let db: CrisscrossDb;
beforeEach(() => {
  db = new CrisscrossDb(`receiver-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

/** A snapshot's parts, its text telling which transfer it is. */
async function partsOf(transfer: string, watermark: number): Promise<SnapshotPart[]> {
  const full = [`{"header":"${transfer}"}\n`, ...Array.from({ length: 5 }, (_, i) => `["${transfer} line ${i}"]\n`)];
  const parts: SnapshotPart[] = [];
  // Characters of two and four bytes, so parts end inside runs of them.
  const taken = { version: 2, watermark, quick: [`quick of ${transfer}, café \u{1F4DA} `.repeat(8)], full: full.values() };
  for await (const part of splitSnapshot(taken, transfer, { maxBytes: 40 })) parts.push(part);
  return parts;
}

async function manifests() {
  const [quick, full] = await Promise.all([readSnapshotTier(db, 'quick'), readSnapshotTier(db, 'full')]);
  return { quick: quick?.transfer, full: full?.transfer };
}

describe('snapshot receiver', () => {
  it('stores a snapshot in parts that read back as sent', async () => {
    const receiver = createSnapshotReceiver(db);
    const parts = await partsOf('t1', 100);
    const answers = [];
    for (const part of parts) answers.push(await receiver.savePart(part));
    expect(answers.map((answer) => answer.stored)).toEqual([...parts.slice(1).map(() => false), true]);
    const quick = (await readSnapshotTier(db, 'quick'))!;
    const full = (await readSnapshotTier(db, 'full'))!;
    expect([quick.watermark, full.watermark, quick.transfer, full.transfer]).toEqual([100, 100, 't1', 't1']);
    expect(await readTierText(quick)).toBe('quick of t1, café \u{1F4DA} '.repeat(8));
    expect(full.parts).toBe(parts.filter((part) => part.tier === 'full').length);
    expect(await readTierText(full)).toContain('["t1 line 4"]\n');
  });

  it('shows a reader only whole snapshots: both tiers of one transfer, never one half-received', async () => {
    const receiver = createSnapshotReceiver(db);
    for (const part of await partsOf('t1', 100)) await receiver.savePart(part);
    for (const part of await partsOf('t2', 200)) {
      const before = await manifests();
      await receiver.savePart(part);
      const after = await manifests();
      expect(before).toEqual({ quick: 't1', full: 't1' });
      expect(after).toEqual(part.last ? { quick: 't2', full: 't2' } : { quick: 't1', full: 't1' });
    }
  });

  it('deletes the parts of older and abandoned transfers when the next one commits', async () => {
    const receiver = createSnapshotReceiver(db);
    for (const part of await partsOf('t1', 100)) await receiver.savePart(part);
    // Abandoned half-way (the host's document closed, say).
    for (const part of (await partsOf('t2', 200)).slice(0, 4)) await receiver.savePart(part);
    // Refused, out of order, after a worker restart: its row must not be written.
    const restarted = createSnapshotReceiver(db);
    await expect(restarted.savePart((await partsOf('t3', 300))[5]!)).rejects.toMatchObject({ code: 'invalid-request' });
    expect((await db.searchSnapshot.toCollection().primaryKeys()).some((key) => key.startsWith('full:t3:'))).toBe(false);
    expect((await db.searchSnapshot.toCollection().primaryKeys()).some((key) => key.includes(':t2:'))).toBe(true);

    const t4 = await partsOf('t4', 400);
    for (const part of t4) await restarted.savePart(part);
    const keys = (await db.searchSnapshot.toCollection().primaryKeys()).sort();
    expect(keys.filter((key) => key !== 'quick' && key !== 'full').every((key) => key.includes(':t4:'))).toBe(true);
    expect(keys.length).toBe(2 + t4.length);
  });

  it('clears every row', async () => {
    const receiver = createSnapshotReceiver(db);
    for (const part of await partsOf('t1', 100)) await receiver.savePart(part);
    await receiver.clear();
    expect(await db.searchSnapshot.count()).toBe(0);
  });
});
