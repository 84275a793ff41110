import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { makeFolder } from '../platform/atomic-write';

export interface MigrateOptions {
  /** The database file when it existed before this run: it is backed up before any change. */
  file: string | null;
  backupDir?: string;
  now?: () => Date;
  /** Stop at this version (tests migrate step by step). */
  to?: number;
  /** The migration list; tests pass the real list plus a step of their own. */
  migrations?: readonly Migration[];
}

export interface MigrateResult {
  from: number;
  to: number;
  backup: string | null;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to the latest version in one transaction: either every pending
 * migration applies or none does. A database newer than this program is refused untouched.
 */
export function migrate(db: Database.Database, options: MigrateOptions): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const from = schemaVersion(db);
  const to = options.to ?? latest;
  if (from > latest) {
    throw new AppError('too_new', 'dbTooNew', { found: from, known: latest });
  }
  if (from >= to) return { from, to: from, backup: null };
  if (from === 0 && hasForeignTables(db)) {
    throw new AppError('unsupported', 'dbNotDatabase', { detail: 'it holds tables of another program' });
  }
  const backup = options.file && from > 0 ? backupBeforeMigration(db, options.file, from, options) : null;
  db.transaction(() => {
    for (const m of migrations.slice(from, to)) {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  const problems = db.pragma('foreign_key_check') as unknown[];
  if (problems.length > 0) throw new Error(`migration left ${problems.length} foreign-key violations`);
  return { from, to, backup };
}

function hasForeignTables(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get() as {
    n: number;
  };
  return row.n > 0;
}

function backupBeforeMigration(
  db: Database.Database,
  file: string,
  from: number,
  options: MigrateOptions,
): string {
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const dir = options.backupDir ?? path.dirname(file);
  makeFolder(dir);
  const target = path.join(dir, `${path.basename(file)}.v${from}-${stamp}.bak`);
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}
