import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { tempDir } from '../../helpers/workbench';

const AT = '2026-11-02T08:00:00.000Z';
const CONTENT = JSON.stringify({ gaps: [{ key: 'EAST-001/CS-FCR' }], check: null, act: null });

/** A version-3 database holding a plan. */
function version3(): { file: string; db: Database.Database } {
  const file = path.join(tempDir(), 'v3.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, { file, migrations: MIGRATIONS.slice(0, 3) });
  db.prepare(
    `INSERT INTO plans (id, scope_type, scope_code, period, title, content_json, created_at, updated_at)
     VALUES ('p1', 'region', 'EAST', '2026-10', '华东区 2026-10 PDCA 改进计划', ?, ?, ?)`,
  ).run(CONTENT, AT, AT);
  return { file, db };
}

const insertDraft = (
  db: Database.Database,
  id: string,
  planId: string,
  gapKey: string,
  dueDate: string | null,
) =>
  db
    .prepare(
      `INSERT INTO plan_drafts (id, plan_id, gap_key, action, department, owner, due_date, created_at, updated_at)
       VALUES (?, ?, ?, '', '客户服务中心', '李娜', ?, ?, ?)`,
    )
    .run(id, planId, gapKey, dueDate, AT, AT);

describe('migration 0004: plan drafts in a table of their own', () => {
  it('adds the table to a version-3 database, its plan untouched, a backup made first', () => {
    const { file, db } = version3();
    const result = migrate(db, { file, to: 4 });
    expect(result).toMatchObject({ from: 3, to: 4 });
    expect(schemaVersion(db)).toBe(4);
    expect(result.backup).not.toBeNull();
    expect(fs.existsSync(result.backup!)).toBe(true);
    expect(db.prepare('SELECT id, content_json AS c FROM plans').all()).toEqual([{ id: 'p1', c: CONTENT }]);

    // A half-typed date is kept as typed, or none; one draft per gap of a plan.
    insertDraft(db, 'd1', 'p1', 'EAST-001/CS-FCR', '2026-1');
    insertDraft(db, 'd2', 'p1', 'EAST-002/NET-DCR', null);
    expect(() => insertDraft(db, 'd3', 'p1', 'EAST-001/CS-FCR', null)).toThrow(/UNIQUE constraint failed/);
    expect(() => insertDraft(db, 'd4', 'p9', 'EAST-001/CS-FCR', null)).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    // The drafts go with their plan.
    db.prepare("DELETE FROM plans WHERE id = 'p1'").run();
    expect(db.prepare('SELECT count(*) FROM plan_drafts').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    // The backup is the database as it was: version 3, no table of drafts.
    const copy = new Database(result.backup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(3);
    expect(copy.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'plan_drafts'").pluck().get()).toBe(
      0,
    );
    expect(copy.prepare('SELECT id FROM plans').pluck().all()).toEqual(['p1']);
    copy.close();
  });
});
