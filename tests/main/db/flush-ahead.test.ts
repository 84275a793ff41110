import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flushAhead } from '../../../main/db/flush-ahead';
import { openDatabase } from '../../../main/db/open';
import { useRollbackJournal } from '../../../main/repositories/imports';
import { tempDir } from '../../helpers/workbench';

/** Whether another process could begin writing the file now: it does not wait for a lock. */
function anotherProcessCanWrite(file: string): boolean {
  const script = `const Database = require('better-sqlite3');
    const db = new Database(process.argv[1], { timeout: 0 });
    try { db.exec('BEGIN IMMEDIATE'); db.exec('ROLLBACK'); process.exit(0); }
    catch (e) { process.exit(e.code === 'SQLITE_BUSY' ? 3 : 1); }`;
  const child = spawnSync(process.execPath, ['-e', script, file]);
  if (child.status !== 0 && child.status !== 3) throw new Error(child.stderr.toString());
  return child.status === 0;
}

describe('writing a bulk load to disk ahead of its commit', () => {
  it('keeps every lock the writing connection holds: another process still cannot write', async () => {
    const file = path.join(tempDir(), 'ahead.db');
    const db = openDatabase(file);
    const backToWal = useRollbackJournal(db);
    db.exec('BEGIN IMMEDIATE');
    // Past SQLite's page cache, so pages are already in the database file before the commit.
    db.exec('CREATE TABLE load (data BLOB)');
    const insert = db.prepare('INSERT INTO load VALUES (randomblob(100000))');
    for (let i = 0; i < 60; i++) insert.run();
    expect(anotherProcessCanWrite(file)).toBe(false);

    expect(await flushAhead(db)).toBe(true);
    // Again, through the descriptor the first one opened.
    expect(await flushAhead(db)).toBe(true);
    expect(anotherProcessCanWrite(file)).toBe(false);

    db.exec('COMMIT');
    backToWal();
    expect(anotherProcessCanWrite(file)).toBe(true);
    expect(db.prepare('SELECT count(*) AS n FROM load').get()).toEqual({ n: 60 });
    db.close();
  });

  it('starts nothing for a WAL, whose pages are in the log, or for a database in memory', async () => {
    const db = openDatabase(path.join(tempDir(), 'wal.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(await flushAhead(db)).toBe(false);
    db.close();
    const memory = openDatabase(':memory:');
    expect(await flushAhead(memory)).toBe(false);
    memory.close();
  });
});
