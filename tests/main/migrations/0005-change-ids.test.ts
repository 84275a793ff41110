import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { tempDir } from '../../helpers/workbench';

const AT = '2026-11-02T08:00:00.000Z';
const BEFORE = JSON.stringify({ id: 'f1', description: '排队叫号屏故障' });

/** A version-4 database whose trail holds a deletion made by hand. */
function version4(): { file: string; db: Database.Database } {
  const file = path.join(tempDir(), 'v4.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, { file, migrations: MIGRATIONS.slice(0, 4) });
  db.prepare(
    `INSERT INTO audit_log (at, user, entity_type, entity_id, entity_key, action, before_json)
     VALUES (?, '李娜', 'findings', 'f1', 'EAST-001/2026-10', 'delete', ?)`,
  ).run(AT, BEFORE);
  return { file, db };
}

describe('migration 0005: the audit trail groups the entries of one change', () => {
  it('adds change_id to a version-4 trail, its entries kept without one, a backup made first', () => {
    const { file, db } = version4();
    const result = migrate(db, { file, to: 5 });
    expect(result).toMatchObject({ from: 4, to: 5 });
    expect(schemaVersion(db)).toBe(5);
    expect(fs.existsSync(result.backup!)).toBe(true);
    expect(db.prepare('SELECT entity_id, before_json, change_id FROM audit_log').all()).toEqual([
      { entity_id: 'f1', before_json: BEFORE, change_id: null },
    ]);

    db.prepare(
      `INSERT INTO audit_log (at, user, entity_type, entity_id, action, change_id)
       VALUES (?, '李娜', 'actions', 'a1', 'delete', 'c1')`,
    ).run(AT);
    const lookup = 'SELECT entity_id FROM audit_log WHERE change_id = ?';
    expect(db.prepare(lookup).pluck().all('c1')).toEqual(['a1']);
    // A change's entries are found by the index, not by reading the whole trail.
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${lookup}`).all('c1') as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING INDEX audit_change/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // The backup is the database as it was: version 4, no change ids.
    const copy = new Database(result.backup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(4);
    expect(
      copy
        .prepare("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'change_id'")
        .pluck()
        .get(),
    ).toBe(0);
    copy.close();
  });
});
