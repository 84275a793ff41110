import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { tempDir } from '../../helpers/workbench';

const AT = '2026-11-02T08:00:00.000Z';

/** A version-2 database holding a measurement and a corrective action that points at it. */
function version2(): { file: string; db: Database.Database } {
  const file = path.join(tempDir(), 'v2.db');
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, { file, migrations: MIGRATIONS.slice(0, 2) });
  db.exec(`
    INSERT INTO regions (id, code, name, created_at, updated_at) VALUES ('r1', 'EAST', '华东区', '${AT}', '${AT}');
    INSERT INTO branches (id, region_id, code, name, created_at, updated_at)
      VALUES ('b1', 'r1', 'EAST-001', '上海浦东营业厅', '${AT}', '${AT}');
    INSERT INTO standards (id, code, version, name_zh, dimension, unit, direction, target, warning,
        effective_from, created_at, updated_at)
      VALUES ('s1', 'CS-FCR', 1, '首问解决率', 'CS', '%', 'higher', 90, 80, '2026-01-01', '${AT}', '${AT}');
    INSERT INTO inspections (id, branch_id, period, kind, created_at, updated_at)
      VALUES ('i1', 'b1', '2026-10', 'self_assessment', '${AT}', '${AT}');
    INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment,
        created_at, updated_at)
      VALUES ('m1', 'i1', 's1', 'CS-FCR', 85, 'warning', 5, 0.94, '${AT}', '${AT}');
    INSERT INTO actions (id, branch_id, standard_code, measurement_id, action, department, owner, due_date,
        created_at, updated_at)
      VALUES ('a1', 'b1', 'CS-FCR', 'm1', '首问负责制培训', '服务部', '张三', '2026-12-01', '${AT}', '${AT}');
  `);
  return { file, db };
}

const insertVerdict = (db: Database.Database, id: string, verdict: string) =>
  db
    .prepare(
      `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment,
         created_at, updated_at) VALUES (?, 'i1', 's1', ?, 85, ?, 5, 0.94, ?, ?)`,
    )
    .run(id, `CODE-${id}`, verdict, AT, AT);

const insertInspection = (db: Database.Database, id: string, kind: string, status: string) =>
  db
    .prepare(
      `INSERT INTO inspections (id, branch_id, period, kind, status, created_at, updated_at)
         VALUES (?, 'b1', ?, ?, ?, ?, ?)`,
    )
    .run(id, `2026-${id.slice(1).padStart(2, '0')}`, kind, status, AT, AT);

const definition = (db: Database.Database, table = 'measurements') =>
  (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(table) as { sql: string }).sql;

describe('migration 0003: the rules of measurements and inspections as comparisons', () => {
  it('rewrites the rule in place: every row stays, an action keeps its measurement, a backup is made first', () => {
    const { file, db } = version2();
    const result = migrate(db, { file, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(result.backup).not.toBeNull();
    expect(fs.existsSync(result.backup!)).toBe(true);
    expect(definition(db)).toContain("CHECK (verdict = 'pass' OR verdict = 'warning' OR verdict = 'fail')");
    expect(definition(db)).not.toContain('verdict IN');
    expect(definition(db, 'inspections')).toContain(
      "CHECK (kind = 'self_assessment' OR kind = 'regional_audit' OR",
    );
    expect(definition(db, 'inspections')).toContain(
      "CHECK (status = 'draft' OR status = 'submitted' OR status = 'approved')",
    );
    expect(definition(db, 'inspections')).not.toContain(' IN (');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT id, verdict, value FROM measurements').all()).toEqual([
      { id: 'm1', verdict: 'warning', value: 85 },
    ]);
    expect(db.prepare('SELECT measurement_id FROM actions').get()).toEqual({ measurement_id: 'm1' });
    db.close();
  });

  it('still refuses any other verdict, kind or status, on this connection and on the next one', () => {
    const { file, db } = version2();
    migrate(db, { file, to: 3 });
    expect(() => insertVerdict(db, 'm2', 'passed')).toThrow(/CHECK constraint failed/);
    insertVerdict(db, 'm3', 'fail');
    expect(() => insertInspection(db, 'i2', 'audit', 'draft')).toThrow(/CHECK constraint failed/);
    expect(() => insertInspection(db, 'i3', 'complaint_review', 'done')).toThrow(/CHECK constraint failed/);
    for (const [n, kind] of [
      'regional_audit',
      'third_party',
      'mystery_shopper',
      'network_test',
      'complaint_review',
    ].entries())
      insertInspection(db, `i${n + 4}`, kind, ['draft', 'submitted', 'approved'][n % 3]!);
    db.close();
    const again = new Database(file);
    expect(() => insertVerdict(again, 'm4', 'PASS')).toThrow(/CHECK constraint failed/);
    insertVerdict(again, 'm5', 'pass');
    expect(again.prepare('SELECT id FROM measurements ORDER BY id').pluck().all()).toEqual([
      'm1',
      'm3',
      'm5',
    ]);
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    again.close();
  });

  it.each([
    [
      'a rule written otherwise (a renamed column)',
      'ALTER TABLE measurements RENAME COLUMN verdict TO outcome',
    ],
    [
      'a definition that starts otherwise (a quoted name)',
      'ALTER TABLE measurements RENAME TO m_old; ALTER TABLE m_old RENAME TO "measurements"',
    ],
  ])('leaves a table with %s as it is, and the database opens', (_, change) => {
    const { file, db } = version2();
    db.exec(change);
    const before = definition(db);
    migrate(db, { file, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(definition(db)).toBe(before);
    expect(definition(db, 'inspections')).not.toContain(' IN (');
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
