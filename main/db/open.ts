import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { asWriteError, preparePlace } from '../platform/atomic-write';
import { migrate } from './migrate';

export type DB = Database.Database;

export interface OpenOptions {
  /**
   * Path of the better_sqlite3.node to load. The Electron app passes its Electron build
   * here, so the Node build in node_modules (tests, CLI) is never swapped back and forth.
   */
  nativeBinding?: string;
  /** Where migration backups go; default beside the database file. */
  backupDir?: string;
  now?: () => Date;
}

/**
 * Page size of a database created from now on (SQLite fixes it at creation; files made with
 * the 4 KiB default keep it). Measurement rows are wide (four UUIDs, two timestamps): larger
 * pages mean fewer page splits and b-tree levels, 15-20% less of SQLite's time on a bulk
 * import of 100,000 rows and 1.6 s of 8.4 s at a million (bench/suites/import.ts).
 */
export const NEW_PAGE_SIZE = 16_384;

/**
 * Opens (creating if need be) and migrates a workbench database. WAL so readers never block
 * the writer; synchronous FULL because the user's data outranks a few milliseconds a commit.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  // A new database may be named in a folder yet to be made: the app's data folder on first
  // run, `qms --db reports/east.db`. A place that cannot be is the user's path to correct.
  const place = file === ':memory:' ? null : preparePlace(file);
  const existed = place !== null && fs.existsSync(place) && fs.statSync(place).size > 0;
  const binding = options.nativeBinding ?? process.env.QMS_SQLITE_BINDING;
  let db: DB;
  try {
    db = new Database(file, binding ? { nativeBinding: binding } : {});
  } catch (e) {
    // A new file that cannot be made there is the place's fault, not a file's that is no database.
    const placed = existed || place === null ? e : asWriteError(e, place);
    if (placed instanceof AppError) throw placed;
    throw new AppError('unsupported', 'dbNotDatabase', { detail: (e as Error).message });
  }
  try {
    if (!existed) db.pragma(`page_size = ${NEW_PAGE_SIZE}`);
    configure(db);
    migrate(db, { file: existed ? file : null, backupDir: options.backupDir, now: options.now });
    return db;
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    // Still locked after busy_timeout: another program is writing (a large import holds the file whole).
    if (isBusy(e)) throw new AppError('unsupported', 'dbBusy');
    const message = (e as Error).message;
    if (/file is not a database|malformed/i.test(message)) {
      throw new AppError('unsupported', 'dbNotDatabase', { detail: message });
    }
    throw e;
  }
}

/** SQLite could not take the lock it needed: another connection holds the file. */
export function isBusy(e: unknown): boolean {
  return (e as { code?: string }).code === 'SQLITE_BUSY';
}

function configure(db: DB): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}
