// Automatic backups: a Crisscross JSON export written through the downloads API into a Crisscross
// folder of the downloads directory, on an alarm (alarms outlive the worker), keeping the newest N.
// Restoring is the normal import. `downloads` is an optional permission the Settings page requests.
import {
  backupFileName,
  backupPeriodMinutes,
  isBackupDue,
  planRetention,
  validBackupSettings,
  type BackupOutcome,
  type BackupRecord,
  type BackupSettings,
} from '../core/backup/backup-plan';
import type { BackupStatus } from '../messaging/protocol';
import type { Browser } from '../platform/browser';
import type { CrisscrossDb } from '../storage/db';
import { exportLibrary } from './library-transfer';

export const BACKUP_ALARM = 'crisscross-backup';
/** storage.local keys: small settings and our own download ids, not library data. */
const KEYS = { settings: 'backupSettings', records: 'backupRecords', last: 'backupLast', lastSuccessAt: 'backupLastSuccessAt' } as const;
const DOWNLOADS = { permissions: ['downloads'] };
/** How long a backup may take to be written before it counts as failed. */
const WRITE_TIMEOUT_MS = 120_000;

interface StoredState {
  settings: BackupSettings;
  records: BackupRecord[];
  last: BackupOutcome | null;
  lastSuccessAt: number | null;
}

export interface BackupOptions {
  log: (message: string) => void;
  now?: () => number;
  /** Pause between checks of a download's state (tests shorten it). */
  pollMs?: number;
}

function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function createBackupService(browser: Browser, db: CrisscrossDb, { log, now = Date.now, pollMs = 250 }: BackupOptions) {
  let running: Promise<BackupOutcome> | null = null;

  async function readState(): Promise<StoredState> {
    const stored = await browser.storage.local.get(Object.values(KEYS));
    return {
      settings: validBackupSettings(stored[KEYS.settings]),
      records: Array.isArray(stored[KEYS.records]) ? (stored[KEYS.records] as BackupRecord[]) : [],
      last: (stored[KEYS.last] as BackupOutcome | undefined) ?? null,
      lastSuccessAt: typeof stored[KEYS.lastSuccessAt] === 'number' ? (stored[KEYS.lastSuccessAt] as number) : null,
    };
  }

  const permitted = () => browser.permissions.contains(DOWNLOADS);

  /**
   * Makes the alarm match the settings. The next backup is due one period after the last success, so a
   * browser that drops alarms on restart (Firefox) or restarts often still backs up on time.
   */
  async function schedule(): Promise<void> {
    const { settings, lastSuccessAt } = await readState();
    const period = backupPeriodMinutes(settings.frequency);
    if (period === null) {
      await browser.alarms.clear(BACKUP_ALARM);
      return;
    }
    const existing = await browser.alarms.get(BACKUP_ALARM);
    if (existing?.periodInMinutes === period) return;
    const when = Math.max(now() + 60_000, (lastSuccessAt ?? now()) + period * 60_000);
    browser.alarms.create(BACKUP_ALARM, { when, periodInMinutes: period });
  }

  async function status(): Promise<BackupStatus> {
    const [state, alarm, allowed] = await Promise.all([readState(), browser.alarms.get(BACKUP_ALARM), permitted()]);
    return {
      settings: state.settings,
      last: state.last,
      lastSuccessAt: state.lastSuccessAt,
      nextAt: alarm?.scheduledTime ?? null,
      permitted: allowed,
      files: state.records.map((record) => record.fileName),
    };
  }

  async function setSettings(settings: BackupSettings): Promise<BackupStatus> {
    await browser.storage.local.set({ [KEYS.settings]: validBackupSettings(settings) });
    // A changed period takes effect now: the alarm is replaced, not left on the old period.
    await browser.alarms.clear(BACKUP_ALARM);
    await schedule();
    return status();
  }

  /** Waits until the browser has finished writing the file (or gave up on it). */
  async function finished(downloadId: number): Promise<{ ok: boolean; fileName: string; error: string }> {
    const deadline = now() + WRITE_TIMEOUT_MS;
    for (;;) {
      const [item] = await browser.downloads.search({ id: downloadId });
      if (!item) return { ok: false, fileName: '', error: 'the download disappeared' };
      if (item.state === 'complete') return { ok: true, fileName: item.filename, error: '' };
      if (item.state === 'interrupted') return { ok: false, fileName: item.filename, error: item.error ?? 'interrupted' };
      if (now() > deadline) return { ok: false, fileName: item.filename, error: 'it took too long' };
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Deletes our backups beyond the newest `keep`: the file, then its entry in the downloads list. */
  async function prune(records: BackupRecord[], keep: number): Promise<BackupRecord[]> {
    const { kept, remove } = planRetention(records, keep);
    for (const record of remove) {
      // The user may have moved or deleted the file already; the entry is erased either way.
      await browser.downloads.removeFile(record.downloadId).catch(() => undefined);
      await browser.downloads.erase({ id: record.downloadId }).catch(() => undefined);
    }
    return kept;
  }

  async function write(): Promise<BackupOutcome> {
    const at = now();
    if (!(await permitted())) {
      return {
        at,
        ok: false,
        message: 'No backup was saved: Crisscross may not save files yet. Allow it in Settings, under Backups.',
      };
    }
    const file = await exportLibrary(db, 'json', browser.runtime.getManifest().version);
    const text = file.text ?? '';
    // A service worker has no URL.createObjectURL (Chromium); a Firefox event page has, and prefers it.
    const objectUrl =
      typeof URL.createObjectURL === 'function' ? URL.createObjectURL(new Blob([text], { type: 'application/json' })) : null;
    const fileName = backupFileName(at);
    try {
      const downloadId = await browser.downloads.download({
        url: objectUrl ?? `data:application/json;base64,${utf8Base64(text)}`,
        filename: fileName,
        saveAs: false,
        conflictAction: 'uniquify',
      });
      const result = await finished(downloadId);
      if (!result.ok) {
        await browser.downloads.erase({ id: downloadId }).catch(() => undefined);
        return { at, ok: false, message: `The backup could not be written (${result.error}). Your library is unchanged.` };
      }
      const state = await readState();
      const records = await prune([...state.records, { downloadId, fileName, at }], state.settings.keep);
      await browser.storage.local.set({ [KEYS.records]: records, [KEYS.lastSuccessAt]: at });
      return { at, ok: true, message: `Saved ${fileName} in your downloads folder.` };
    } finally {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    }
  }

  /** Runs one backup (only one at a time) and remembers its outcome for Settings. */
  function backUp(): Promise<BackupOutcome> {
    running ??= write()
      .catch((error: Error): BackupOutcome => ({ at: now(), ok: false, message: `The backup failed: ${error.message}` }))
      .then(async (outcome) => {
        if (!outcome.ok) log(outcome.message);
        await browser.storage.local.set({ [KEYS.last]: outcome });
        return outcome;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  async function onAlarm(name: string): Promise<void> {
    if (name !== BACKUP_ALARM) return;
    const { settings, lastSuccessAt } = await readState();
    if (isBackupDue(settings, lastSuccessAt, now())) await backUp();
  }

  return { schedule, status, setSettings, backUp, onAlarm };
}

export type BackupService = ReturnType<typeof createBackupService>;
