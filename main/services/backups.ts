import fs from 'node:fs';
import path from 'node:path';
import type { BackupFile } from '../../shared/contracts/backups';
import { AppError } from '../../shared/errors';
import { backupDatabase } from '../db/backup';
import { schemaVersion } from '../db/migrate';
import { replaceContentsFrom, schemaVersionOf } from '../repositories/restore';
import type { ServiceContext } from './context';

/** The same folder the desktop app's daily backup writes to. */
export const backupDir = (ctx: ServiceContext): string => path.join(path.dirname(ctx.dbPath), 'backups');

const stamp = (ctx: ServiceContext): string => ctx.now().toISOString().replace(/[:.]/g, '-');

function describe(file: string): BackupFile {
  const stat = fs.statSync(file);
  return { name: path.basename(file), bytes: stat.size, modifiedAt: stat.mtime.toISOString() };
}

export function listBackups(ctx: ServiceContext): BackupFile[] {
  const dir = backupDir(ctx);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.db'))
    .map((name) => describe(path.join(dir, name)))
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
}

export function createBackup(ctx: ServiceContext, label = 'manual'): BackupFile {
  fs.mkdirSync(backupDir(ctx), { recursive: true });
  const out = path.join(backupDir(ctx), `workbench-${label}-${stamp(ctx)}.db`);
  return describe(backupDatabase(ctx.db, out).path);
}

export function restoreBackup(
  ctx: ServiceContext,
  name: string,
): { restored: string; savedCurrentAs: string } {
  const file = path.join(backupDir(ctx), path.basename(name));
  if (!fs.existsSync(file))
    throw new AppError('not_found', 'notFound', { entity: 'backup', id: name }, 'name');
  const found = schemaVersionOf(ctx.db, file);
  const known = schemaVersion(ctx.db);
  if (found !== known) throw new AppError('unsupported', 'backupVersion', { name, found, known }, 'name');
  // The state being replaced is itself kept, so a wrong restore can be undone by another.
  const saved = createBackup(ctx, 'before-restore');
  replaceContentsFrom(ctx.db, file);
  return { restored: name, savedCurrentAs: saved.name };
}
