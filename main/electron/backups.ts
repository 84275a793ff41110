/**
 * The daily backup: the first start of each day (and the app's hourly check while it stays
 * open) writes a consistent copy of the database to backups/, keeping the last N days.
 * Migrations back up before they change a file, imports (services/backups) before they write; this one
 * is the net under everything else (a bad edit found next week).
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase } from '../db/backup';
import type { DB } from '../db/open';

export const BACKUP_DIR_NAME = 'backups';
export const DEFAULT_KEEP = 14;
const DAILY = /^workbench-(\d{4}-\d{2}-\d{2})\.db$/;

export interface DailyBackupResult {
  /** The copy written now, or null when today's already existed. */
  written: string | null;
  removed: string[];
}

/** Local calendar date, since "daily" is the user's day, not UTC's. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function dailyBackup(db: DB, dir: string, now: Date, keep = DEFAULT_KEEP): DailyBackupResult {
  const target = path.join(dir, `workbench-${localDay(now)}.db`);
  const written = fs.existsSync(target) ? null : backupDatabase(db, target).path;
  return { written, removed: pruneDailyBackups(dir, keep) };
}

/** Deletes all but the newest `keep` daily copies; other files in the folder are left alone. */
export function pruneDailyBackups(dir: string, keep: number): string[] {
  const daily = fs
    .readdirSync(dir)
    .filter((name) => DAILY.test(name))
    .sort()
    .reverse();
  const stale = daily.slice(Math.max(1, keep));
  for (const name of stale) fs.rmSync(path.join(dir, name), { force: true });
  return stale.map((name) => path.join(dir, name));
}
