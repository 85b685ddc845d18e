import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  backupPeriodMinutes,
  isBackupDue,
  planRetention,
  validBackupSettings,
  type BackupRecord,
} from '../../../src/core/backup/backup-plan';

const DAY = 24 * 60 * 60_000;

describe('backup plan', () => {
  it('defaults to weekly, keeping 5, and replaces anything invalid with the default', () => {
    expect(validBackupSettings(undefined)).toEqual({ frequency: 'weekly', keep: 5 });
    expect(validBackupSettings({ frequency: 'hourly', keep: 0 })).toEqual({ frequency: 'weekly', keep: 5 });
    expect(validBackupSettings({ frequency: 'monthly', keep: 12 })).toEqual({ frequency: 'monthly', keep: 12 });
    expect(validBackupSettings({ frequency: 'off', keep: 2.5 })).toEqual({ frequency: 'off', keep: 5 });
  });

  it('maps each frequency to an alarm period, and off to none', () => {
    expect(backupPeriodMinutes('off')).toBeNull();
    expect(backupPeriodMinutes('daily')).toBe(1440);
    expect(backupPeriodMinutes('weekly')).toBe(7 * 1440);
    expect(backupPeriodMinutes('monthly')).toBe(30 * 1440);
  });

  it('names files in the Crisscross folder, sortable by time', () => {
    expect(backupFileName(Date.UTC(2026, 10, 24, 10, 15, 0))).toBe('Crisscross/crisscross-backup-2026-11-24-101500.json');
    expect(backupFileName(Date.UTC(2026, 0, 2)) < backupFileName(Date.UTC(2026, 0, 3))).toBe(true);
  });

  it('keeps the newest N backups and deletes the rest, whatever order they were stored in', () => {
    const records: BackupRecord[] = [3, 1, 5, 2, 4, 6].map((n) => ({ downloadId: n, fileName: `b${n}`, at: n * DAY }));
    const { kept, remove } = planRetention(records, 4);
    expect(kept.map((record) => record.downloadId)).toEqual([6, 5, 4, 3]);
    expect(remove.map((record) => record.downloadId)).toEqual([2, 1]);
    expect(planRetention(records.slice(0, 2), 5).remove).toEqual([]);
  });

  it('is due after a period since the last success (with an hour of slack), never when off', () => {
    const weekly = { frequency: 'weekly' as const, keep: 5 };
    expect(isBackupDue(weekly, null, 10 * DAY)).toBe(true);
    expect(isBackupDue(weekly, 10 * DAY, 13 * DAY)).toBe(false);
    expect(isBackupDue(weekly, 10 * DAY, 17 * DAY - 30 * 60_000)).toBe(true);
    expect(isBackupDue({ frequency: 'off', keep: 5 }, null, 10 * DAY)).toBe(false);
  });
});
