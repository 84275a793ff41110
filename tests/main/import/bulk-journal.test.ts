import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open';
import { beginImport, rollbackImport, useRollbackJournal } from '../../../main/repositories/imports';
import { measurementsWorkbook } from '../../../bench/generate';
import { runImport } from '../../../main/import/run';
import type { Job } from '../../../main/services/jobs';
import { contract } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { count, tempDir, testWorkbench } from '../../helpers/workbench';

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

  it('keeps another program out until the load ends, and that program is told so in one clear line', () => {
    const file = path.join(tempDir(), 'busy.db');
    const db = openDatabase(file);
    const backToWal = useRollbackJournal(db);
    beginImport(db);
    // What a bulk load holds once its page cache spills: the whole file.
    db.exec(
      "INSERT INTO regions (id, code, name, created_at, updated_at) VALUES ('r', 'EAST', '华东区', 'x', 'x')",
    );
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM regions').get();
    db.exec("UPDATE regions SET name = '华东' WHERE id = 'r'");
    try {
      let error: unknown;
      try {
        openDatabase(file).close();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).key).toBe('dbBusy');
      expect((error as AppError).localized('zh')).toContain('数据库正忙');
    } finally {
      rollbackImport(db);
      db.pragma('locking_mode = NORMAL');
      backToWal();
      db.close();
    }
    openDatabase(file).close();
  }, 30_000);

  it('is what a large import runs under, with a 2 MB page cache and, while rows are written, temporary files in memory: all given back after it', async () => {
    const wb = testWorkbench();
    try {
      await wb.dispatch('standards:seed', {});
      const settings = () =>
        `${wb.db.pragma('cache_size', { simple: true })} ${wb.db.pragma('temp_store', { simple: true })}`;
      const before = settings();
      // Over 2 MB: imported as a bulk load.
      const file = await measurementsWorkbook(60_000);
      const during = new Set<string>();
      const job: Job = {
        id: 'bulk',
        signal: new AbortController().signal,
        progress: (phase) => during.add(`${phase} ${mode(wb.db)} ${settings()}`),
        throwIfCancelled: () => {},
      };
      const report = await runImport(wb.ctx, contract['imports:run'].input.parse({ path: file }), job);
      expect(report.outcome).toBe('imported');
      expect(count(wb, 'measurements')).toBe(60_000);
      // Hashed by the sheet reader's thread: the batch records the file's own hash.
      expect(
        wb.db.prepare('SELECT file_hash FROM import_batches WHERE id = ?').pluck().get(report.batchId),
      ).toBe(createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
      // temp_store 2 is MEMORY, 0 the default (files); the last progress comes after the index build.
      expect([...during]).toEqual([
        'read truncate -2048 2',
        'write truncate -2048 2',
        'write truncate -2048 0',
      ]);
      expect(mode(wb.db)).toBe('wal');
      expect(settings()).toBe(before);
    } finally {
      wb.close();
    }
  }, 120_000);
});
