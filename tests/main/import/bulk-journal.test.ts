import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { useRollbackJournal } from '../../../main/repositories/imports';
import { tempDir } from '../../helpers/workbench';

const mode = (db: Database.Database) => db.pragma('journal_mode', { simple: true });

describe('the rollback journal of a bulk load', () => {
  it('is taken on the only connection and given back as WAL', () => {
    const db = openDatabase(path.join(tempDir(), 'alone.db'));
    const backToWal = useRollbackJournal(db);
    expect(mode(db)).toBe('truncate');
    backToWal();
    expect(mode(db)).toBe('wal');
    db.close();
  });

  it('is not taken while another connection is open: the load stays in WAL and readers keep reading', () => {
    const file = path.join(tempDir(), 'shared.db');
    const db = openDatabase(file);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM measurements').get()).toEqual({ n: 0 });
    const started = Date.now();
    const backToWal = useRollbackJournal(db);
    // SQLite answers SQLITE_BUSY at once, not after the busy timeout.
    expect(Date.now() - started).toBeLessThan(1000);
    expect(mode(db)).toBe('wal');
    backToWal();
    expect(mode(db)).toBe('wal');
    expect(reader.prepare('SELECT count(*) AS n FROM measurements').get()).toEqual({ n: 0 });
    reader.close();
    db.close();
  });
});
