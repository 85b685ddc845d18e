import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_ALARM, createBackupService } from '../../src/background/backups';
import { createBackground } from '../../src/background/create-background';
import { CrisscrossDb } from '../../src/storage/db';
import { saveCapture } from '../../src/storage/clip-store';
import { parseCrisscrossJson } from '../../src/core/export';
import { makeCapture } from '../fixtures/captures';
import { createFakeBrowser } from '../fakes/fake-browser';

const DAY = 24 * 60 * 60_000;
const dbs: CrisscrossDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup({ allowed = true } = {}) {
  const db = new CrisscrossDb(`backups-${Math.random()}`);
  dbs.push(db);
  await saveCapture(db, makeCapture(), { now: 1_000, newId: () => 'clip-1' });
  const fake = createFakeBrowser();
  if (allowed) fake.granted.add('downloads');
  const clock = { now: Date.UTC(2026, 0, 1) };
  const logs: string[] = [];
  const service = createBackupService(fake.browser, db, { log: (m) => logs.push(m), now: () => clock.now, pollMs: 1 });
  return { db, fake, clock, logs, service };
}

describe('automatic backups', () => {
  it('schedules a weekly alarm by default, changes it with the setting, and clears it when off', async () => {
    const { fake, service, clock } = await setup();
    await service.schedule();
    expect(fake.alarms.get(BACKUP_ALARM)).toMatchObject({ periodInMinutes: 7 * 1440, scheduledTime: clock.now + 7 * DAY });
    await service.setSettings({ frequency: 'daily', keep: 3 });
    expect(fake.alarms.get(BACKUP_ALARM)?.periodInMinutes).toBe(1440);
    await service.setSettings({ frequency: 'monthly', keep: 3 });
    expect(fake.alarms.get(BACKUP_ALARM)?.periodInMinutes).toBe(30 * 1440);
    const status = await service.setSettings({ frequency: 'off', keep: 3 });
    expect(fake.alarms.has(BACKUP_ALARM)).toBe(false);
    expect(status).toMatchObject({ settings: { frequency: 'off', keep: 3 }, nextAt: null });
  });

  it('leaves a matching alarm alone on a worker restart, so the schedule does not slip', async () => {
    const { fake, service, clock } = await setup();
    await service.schedule();
    const first = fake.alarms.get(BACKUP_ALARM)?.scheduledTime;
    clock.now += 3 * DAY;
    await service.schedule();
    expect(fake.alarms.get(BACKUP_ALARM)?.scheduledTime).toBe(first);
  });

  it('after a restart that lost the alarm, schedules the next backup one period after the last success', async () => {
    const { fake, service, clock } = await setup();
    await service.backUp();
    const success = clock.now;
    fake.alarms.clear();
    clock.now += 2 * DAY;
    await service.schedule();
    expect(fake.alarms.get(BACKUP_ALARM)?.scheduledTime).toBe(success + 7 * DAY);
  });

  it('writes the library as Crisscross JSON into the Crisscross folder, and reports it', async () => {
    const { fake, service } = await setup();
    await service.onAlarm(BACKUP_ALARM);
    const files = [...fake.downloads.values()];
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toMatch(/^Crisscross\/crisscross-backup-2026-01-01-000000\.json$/);
    const parsed = parseCrisscrossJson(files[0]!.text);
    expect(parsed.ok && parsed.value.bundle.clips.map((clip) => clip.id)).toEqual(['clip-1']);
    const status = await service.status();
    expect(status.last).toMatchObject({ ok: true, message: expect.stringContaining('crisscross-backup-2026-01-01') });
    expect(status.files).toEqual([files[0]!.filename]);
  });

  it('runs a scheduled backup only when due, so an early or repeated alarm does not write twice', async () => {
    const { fake, service, clock } = await setup();
    await service.onAlarm(BACKUP_ALARM);
    clock.now += 2 * DAY;
    await service.onAlarm(BACKUP_ALARM);
    await service.onAlarm('some-other-alarm');
    expect(fake.downloads.size).toBe(1);
    clock.now += 5 * DAY;
    await service.onAlarm(BACKUP_ALARM);
    expect(fake.downloads.size).toBe(2);
  });

  it('keeps the last N backups, deleting older files it made and their download entries', async () => {
    const { fake, service, clock } = await setup();
    await service.setSettings({ frequency: 'daily', keep: 3 });
    const removed: number[] = [];
    const removeFile = fake.browser.downloads.removeFile;
    fake.browser.downloads.removeFile = async (id: number) => {
      removed.push(id);
      return removeFile(id);
    };
    for (let day = 0; day < 5; day++) {
      await service.backUp();
      clock.now += DAY;
    }
    expect(removed).toEqual([1, 2]);
    expect([...fake.downloads.keys()]).toEqual([3, 4, 5]);
    expect((await service.status()).files).toEqual([
      'Crisscross/crisscross-backup-2026-01-05-000000.json',
      'Crisscross/crisscross-backup-2026-01-04-000000.json',
      'Crisscross/crisscross-backup-2026-01-03-000000.json',
    ]);
  });

  it('never deletes downloads it did not make', async () => {
    const { fake, service, clock } = await setup();
    await service.setSettings({ frequency: 'daily', keep: 1 });
    fake.downloads.set(99, { id: 99, text: '', filename: 'a.pdf', state: 'complete', exists: true });
    for (let day = 0; day < 3; day++) {
      await service.backUp();
      clock.now += DAY;
    }
    expect(fake.downloads.get(99)?.exists).toBe(true);
    expect([...fake.downloads.keys()].sort()).toEqual([3, 99]);
  });

  it('reports a failed write, keeps the earlier backups and does not count it as a success', async () => {
    const { fake, service, clock, logs } = await setup();
    await service.backUp();
    clock.now += DAY;
    fake.downloadControl.failWith = 'FILE_NO_SPACE';
    const outcome = await service.backUp();
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('FILE_NO_SPACE') });
    expect(logs.join('\n')).toContain('FILE_NO_SPACE');
    const status = await service.status();
    expect(status.last?.ok).toBe(false);
    expect(status.lastSuccessAt).toBe(Date.UTC(2026, 0, 1));
    expect(status.files).toHaveLength(1);
    expect([...fake.downloads.keys()]).toEqual([1]);
  });

  it('says how to allow it when the downloads permission is not granted, and writes nothing', async () => {
    const { fake, service } = await setup({ allowed: false });
    const outcome = await service.backUp();
    expect(outcome).toMatchObject({ ok: false, message: expect.stringContaining('Allow it in Settings') });
    expect(fake.downloads.size).toBe(0);
    expect((await service.status()).permitted).toBe(false);
  });

  it('is wired into the worker: start() schedules the alarm, and the alarm writes a backup', async () => {
    const { db, fake } = await setup();
    const background = createBackground({ browser: fake.browser, db, log: () => undefined, snapshotDelayMs: 60_000 });
    background.start();
    await expect.poll(() => fake.alarms.get(BACKUP_ALARM)?.periodInMinutes).toBe(7 * 1440);
    await Promise.all(fake.events.onAlarm.fire({ name: BACKUP_ALARM }));
    await expect.poll(() => fake.downloads.size).toBe(1);
    await background.stop();
  });
});
