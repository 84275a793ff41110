import fs from 'node:fs';
import path from 'node:path';
import { writeAtomicallySync } from '../platform/atomic-write';
import type { DB } from './open';

/**
 * A consistent copy of a database that may be in use: VACUUM INTO reads one snapshot, and
 * the copy lands under its final name only once complete, so a crash leaves no half file.
 * Its folder is made if need be (writeAtomicallySync), as for every file written.
 */
export function backupDatabase(db: DB, out: string): { path: string; bytes: number } {
  const target = path.resolve(out);
  // VACUUM INTO takes the empty temp file writeAtomicallySync creates.
  writeAtomicallySync(target, (temp) => db.prepare('VACUUM INTO ?').run(temp));
  return { path: target, bytes: fs.statSync(target).size };
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
