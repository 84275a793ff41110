import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { writeAtomicallySync } from '../platform/atomic-write';
import type { DB } from './open';

/**
 * A consistent copy of a database that may be in use: VACUUM INTO reads one snapshot, and
 * the copy lands under its final name only once complete, so a crash leaves no half file.
 * Its folder is made if need be (writeAtomicallySync), as for every file written.
 */
export function backupDatabase(db: DB, out: string): { path: string; bytes: number } {
  const target = path.resolve(out);
  // Renamed over the open database, the copy would pull the file from under its connection.
  if (!db.memory && sameFile(target, db.name))
    throw new AppError('invalid', 'backupOntoItself', { path: target }, 'out');
  // VACUUM INTO takes the empty temp file writeAtomicallySync creates.
  writeAtomicallySync(target, (temp) => db.prepare('VACUUM INTO ?').run(temp));
  return { path: target, bytes: fs.statSync(target).size };
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // the target does not exist yet
  }
}

export interface IntegrityReport {
  ok: boolean;
  integrity: string[];
  foreignKeys: number;
  schemaVersion: number;
}

export function checkDatabase(db: DB): IntegrityReport {
  const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
    (r) => r.integrity_check,
  );
  const foreignKeys = (db.pragma('foreign_key_check') as unknown[]).length;
  const schemaVersion = db.pragma('user_version', { simple: true }) as number;
  const ok = integrity.length === 1 && integrity[0] === 'ok' && foreignKeys === 0;
  return { ok, integrity, foreignKeys, schemaVersion };
}
