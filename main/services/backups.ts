import fs from 'node:fs';
import path from 'node:path';
import { NOUNS } from '../../shared/messages';
import type { Handlers } from '../../shared/contract';
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
  const out = path.join(backupDir(ctx), `workbench-${label}-${stamp(ctx)}.db`);
  return describe(backupDatabase(ctx.db, out).path);
}

export function restoreBackup(
  ctx: ServiceContext,
  name: string,
): { restored: string; savedCurrentAs: string } {
  const file = path.join(backupDir(ctx), path.basename(name));
  if (!fs.existsSync(file))
    throw new AppError('not_found', 'notFound', { entity: NOUNS.backup, id: name }, 'name');
  const found = schemaVersionOf(ctx.db, file);
  const known = schemaVersion(ctx.db);
  if (found !== known) throw new AppError('unsupported', 'backupVersion', { name, found, known }, 'name');
  // The state being replaced is itself kept, so a wrong restore can be undone by another.
  const saved = createBackup(ctx, 'before-restore');
  replaceContentsFrom(ctx.db, file);
  return { restored: name, savedCurrentAs: saved.name };
}

export const KEEP_BEFORE_IMPORT = 10;
const BEFORE_IMPORT = /^workbench-before-import-.+\.db$/;

/**
 * The handlers that write imports (`imports:run` unless a dry run, `exchange:import`), each
 * preceded by a consistent copy of the database (`backups/workbench-before-import-<time>.db`),
 * the last few kept: an import that merged the wrong file can be taken back whole even after
 * later edits, from Settings > Backups. The desktop app and `qms serve` both guard their
 * imports so; the CLI does not (automation imports in batches, each undoable).
 */
export function withBackupBeforeImport(
  handlers: Handlers,
  ctx: ServiceContext,
  keep = KEEP_BEFORE_IMPORT,
): Pick<Handlers, 'imports:run' | 'exchange:import'> {
  const backup = () => {
    createBackup(ctx, 'before-import');
    const dir = backupDir(ctx);
    const stale = fs
      .readdirSync(dir)
      .filter((name) => BEFORE_IMPORT.test(name))
      .sort()
      .reverse()
      .slice(Math.max(1, keep));
    for (const name of stale) fs.rmSync(path.join(dir, name), { force: true });
  };
  return {
    'imports:run': (input) => {
      if (!input.dryRun) backup();
      return handlers['imports:run'](input);
    },
    'exchange:import': (input) => {
      backup();
      return handlers['exchange:import'](input);
    },
  };
}
