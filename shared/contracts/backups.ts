/**
 * Backups from the Settings page, for `qms serve` and the desktop app alike: copies are kept
 * in the `backups/` folder beside the database (where the daily backup writes too), listed,
 * made on demand, and restored into the open database in one transaction.
 */
import { z } from 'zod';
import { call } from './call';
import { check } from '../validation';

export interface BackupFile {
  /** The file name inside backups/; the only handle the renderer gets (no paths). */
  name: string;
  bytes: number;
  modifiedAt: string;
}

export const BackupName = z.object({
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w.-]+\.db$/, check('backupName')),
});

export const backupsContract = {
  'backups:list': call<BackupFile[]>()(z.object({}).default({})),
  'backups:create': call<BackupFile>()(z.object({}).default({})),
  /** Replaces every row with the backup's; the current state is first saved as a backup itself. */
  'backups:restore': call<{ restored: string; savedCurrentAs: string }>()(BackupName),
} as const;
