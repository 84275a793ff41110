import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { measurementsWorkbook } from '../../../bench/generate';
import { ROOT, qms, tempDir } from '../../helpers/workbench';

const ROWS = 100_000;

/** Starts `qms import` and sends `signal` once its progress line says `afterWritten` rows are in. */
function importAndKill(
  db: string,
  file: string,
  afterWritten: number,
  signal: NodeJS.Signals = 'SIGKILL',
): Promise<{ written: number; signal: string | null; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/qms.mjs'), '--db', db, 'import', file], {
      cwd: ROOT,
      // Progress lines on stderr without a terminal.
      env: { ...process.env, QMS_PROGRESS: '1' },
    });
    let written = 0;
    let stderr = '';
    let sent = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      for (const m of d.toString().matchAll(/([\d,]+) written/g)) written = Number(m[1]!.replace(/,/g, ''));
      if (written >= afterWritten && !sent) sent = child.kill(signal);
    });
    child.on('close', (code, signal) => resolve({ written, signal, code, stderr }));
  });
}

const contents = (db: string) => {
  const after = new Database(db, { readonly: true });
  const counts = after
    .prepare(
      `SELECT (SELECT count(*) FROM import_batches) AS batches, (SELECT count(*) FROM measurements) AS measurements,
              (SELECT count(*) FROM inspections) AS inspections, (SELECT count(*) FROM branches) AS branches`,
    )
    .get();
  after.close();
  return counts;
};

describe('a killed import', () => {
  it('leaves a database that passes qms check and holds none of the batch; the same import then succeeds', async () => {
    const file = await measurementsWorkbook(ROWS);
    const db = path.join(tempDir(), 'kill.db');
    expect(qms(['--db', db, 'seed', 'standards']).status).toBe(0);

    const killed = await importAndKill(db, file, 30_000);
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.written).toBeGreaterThanOrEqual(30_000);
    // A bulk load on the only connection runs under a rollback journal: the kill left it hot.
    expect(fs.existsSync(`${db}-journal`)).toBe(true);

    const check = qms(['--db', db, 'check']);
    expect(check.status, check.stderr).toBe(0);
    expect(contents(db)).toEqual({ batches: 0, measurements: 0, inspections: 0, branches: 0 });

    const again = qms(['--db', db, 'import', '--json', file]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ outcome: 'imported', written: ROWS, errorCount: 0 });
    const reopened = new Database(db, { readonly: true });
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
    reopened.close();
  }, 600_000);

  it('stopped with Ctrl-C, rolls back and says so, leaving no journal behind', async () => {
    // It used to end at once with no word (exit 130), leaving a hot journal for the next command.
    const file = await measurementsWorkbook(ROWS);
    const db = path.join(tempDir(), 'interrupt.db');
    expect(qms(['--db', db, 'seed', 'standards']).status).toBe(0);
    const stopped = await importAndKill(db, file, 30_000, 'SIGINT');
    expect(stopped.signal).toBeNull();
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/qms: .*: cancelled by the user; nothing was written\.\n$/);
    expect(fs.existsSync(`${db}-journal`)).toBe(false);
    expect(contents(db)).toEqual({ batches: 0, measurements: 0, inspections: 0, branches: 0 });
  }, 600_000);
});
