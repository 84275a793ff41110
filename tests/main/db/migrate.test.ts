import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../../main/db/migrations';
import type { Migration } from '../../../main/db/migrations/types';
import { NEW_PAGE_SIZE, openDatabase } from '../../../main/db/open';
import { AppError } from '../../../shared/errors';
import { qms, ROOT, tempDir } from '../../helpers/workbench';

describe('migrations', () => {
  it('are numbered 1..N in order, one file each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const files = fs.readdirSync(path.join(ROOT, 'main/db/migrations')).filter((f) => /^\d{4}-/.test(f));
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('each migration from the second on has a test that migrates real data from the version before', () => {
    const tests = fs.existsSync(path.join(ROOT, 'tests/main/migrations'))
      ? fs.readdirSync(path.join(ROOT, 'tests/main/migrations'))
      : [];
    for (const m of MIGRATIONS.slice(1)) {
      expect(tests, `tests/main/migrations/${String(m.version).padStart(4, '0')}-*.test.ts`).toContainEqual(
        expect.stringMatching(new RegExp(`^${String(m.version).padStart(4, '0')}-.*\\.test\\.ts$`)),
      );
    }
  });

  it('creates a new database at the latest version with WAL, foreign keys and STRICT tables', () => {
    const db = openDatabase(path.join(tempDir(), 'new.db'));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('page_size', { simple: true })).toBe(NEW_PAGE_SIZE);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as {
      name: string;
      sql: string;
    }[];
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) expect(t.sql, t.name).toMatch(/STRICT\s*$/);
    db.close();
  });

  it('keeps the page size of a database made before larger pages', () => {
    const file = path.join(tempDir(), 'small-pages.db');
    const old = new Database(file);
    old.pragma('page_size = 4096');
    migrate(old, { file: null });
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('backs up an existing file before migrating it, and applies a failing step not at all', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    openDatabase(file).close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO regions (id, code, name, created_at, updated_at) VALUES ('r1', 'EAST', '华东区', 'x', 'x')",
    ).run();

    const failing: Migration = {
      version: LATEST_VERSION + 1,
      name: 'broken',
      up: "ALTER TABLE regions ADD COLUMN manager TEXT; UPDATE regions SET manager = 'x'; SELECT no_such_function();",
    };
    expect(() => migrate(db, { file, migrations: [...MIGRATIONS, failing] })).toThrow(/no_such_function/);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const columns = (db.pragma('table_info(regions)') as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('manager');

    const working: Migration = {
      version: LATEST_VERSION + 1,
      name: 'manager',
      up: "ALTER TABLE regions ADD COLUMN manager TEXT NOT NULL DEFAULT '未指定'",
    };
    const result = migrate(db, { file, migrations: [...MIGRATIONS, working], backupDir: dir });
    expect(result).toMatchObject({ from: LATEST_VERSION, to: LATEST_VERSION + 1 });
    expect(db.prepare('SELECT code, manager FROM regions').get()).toEqual({
      code: 'EAST',
      manager: '未指定',
    });
    db.close();

    // The backup is the database as it was before the step, and opens on its own.
    const backups = fs.readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(2);
    const copy = new Database(path.join(dir, backups.sort().at(-1)!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT code FROM regions').all()).toEqual([{ code: 'EAST' }]);
    copy.close();
  });

  it('refuses a database newer than this program without touching it', () => {
    const file = path.join(tempDir(), 'future.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const before = fs.readFileSync(file);

    expect(() => openDatabase(file)).toThrow(AppError);
    const r = qms(['--db', file, 'check']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /^qms: .*future\.db: the database is schema version \d+, newer than this program/,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a workbench database', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'notes.db'), 'just some text, not SQLite at all '.repeat(100));
    const r = qms(['--db', path.join(dir, 'notes.db'), 'init']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^qms: .*notes\.db: not a Quality Workbench database/);

    const other = new Database(path.join(dir, 'other.db'));
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    const r2 = qms(['--db', path.join(dir, 'other.db'), 'init']);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/tables of another program/);
  });
});
