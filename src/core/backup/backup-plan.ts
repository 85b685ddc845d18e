// Automatic backups as pure decisions: which schedule, which file name, which old backups to delete.
// The background worker does the browser calls (alarms, downloads); these rules are tested in Node.

export type BackupFrequency = 'off' | 'daily' | 'weekly' | 'monthly';

export interface BackupSettings {
  frequency: BackupFrequency;
  /** How many of our own backup files to keep; older ones are deleted after a successful backup. */
  keep: number;
}

/** One backup file we wrote, remembered so we only ever delete our own downloads. */
export interface BackupRecord {
  downloadId: number;
  fileName: string;
  at: number;
}

/** The outcome of the latest backup attempt, shown in Settings. */
export interface BackupOutcome {
  at: number;
  ok: boolean;
  /** A sentence for the user: the file written, or why it failed. */
  message: string;
}

export const BACKUP_FREQUENCIES: BackupFrequency[] = ['off', 'daily', 'weekly', 'monthly'];
export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { frequency: 'weekly', keep: 5 };
export const MIN_KEEP = 1;
export const MAX_KEEP = 100;
/** The folder inside the browser's downloads directory: downloads.download accepts only relative paths. */
export const BACKUP_FOLDER = 'Crisscross';

const DAY_MINUTES = 24 * 60;
/** Alarm periods; a month is taken as 30 days, since alarms repeat by a fixed period. */
const PERIOD_MINUTES: Record<Exclude<BackupFrequency, 'off'>, number> = {
  daily: DAY_MINUTES,
  weekly: 7 * DAY_MINUTES,
  monthly: 30 * DAY_MINUTES,
};

export function backupPeriodMinutes(frequency: BackupFrequency): number | null {
  return frequency === 'off' ? null : PERIOD_MINUTES[frequency];
}

/** Settings read from storage, with anything unknown or out of range replaced by the default. */
export function validBackupSettings(raw: unknown): BackupSettings {
  const value = (raw ?? {}) as Partial<Record<keyof BackupSettings, unknown>>;
  const frequency = BACKUP_FREQUENCIES.includes(value.frequency as BackupFrequency)
    ? (value.frequency as BackupFrequency)
    : DEFAULT_BACKUP_SETTINGS.frequency;
  const keep =
    typeof value.keep === 'number' && Number.isInteger(value.keep) && value.keep >= MIN_KEEP && value.keep <= MAX_KEEP
      ? value.keep
      : DEFAULT_BACKUP_SETTINGS.keep;
  return { frequency, keep };
}

/** A sortable, unique-per-second name such as Crisscross/crisscross-backup-2026-11-24-101500.json (UTC). */
export function backupFileName(now: number): string {
  const stamp = new Date(now).toISOString().slice(0, 19).replace('T', '-').replaceAll(':', '');
  return `${BACKUP_FOLDER}/crisscross-backup-${stamp}.json`;
}

/** Splits our backups into those kept (the newest `keep`) and those to delete. */
export function planRetention(records: BackupRecord[], keep: number): { kept: BackupRecord[]; remove: BackupRecord[] } {
  const newestFirst = [...records].sort((a, b) => b.at - a.at || b.downloadId - a.downloadId);
  return { kept: newestFirst.slice(0, keep), remove: newestFirst.slice(keep) };
}

/** Whether a scheduled backup is due: the alarm may fire late or twice (a restarted browser catches up). */
export function isBackupDue(settings: BackupSettings, lastSuccessAt: number | null, now: number): boolean {
  const period = backupPeriodMinutes(settings.frequency);
  if (period === null) return false;
  // A little slack, so an alarm firing a few minutes early is not skipped for a whole period.
  return lastSuccessAt === null || now - lastSuccessAt >= (period - 60) * 60_000;
}
