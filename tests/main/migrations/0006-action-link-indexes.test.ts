import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { tempDir } from '../../helpers/workbench';

describe('migration 0006: actions are found by what they were raised from', () => {
  it('indexes the links, so clearing them on a deletion reads no whole table', () => {
    const file = path.join(tempDir(), 'v5.db');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, { file, migrations: MIGRATIONS.slice(0, 5) });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x') as { detail: string }[]).map((p) => p.detail).join();
    const byMeasurement = 'SELECT id FROM actions WHERE measurement_id = ?';
    const byFinding = 'SELECT id FROM actions WHERE finding_id = ?';
    expect(plan(byMeasurement)).toMatch(/^SCAN actions/);

    const result = migrate(db, { file, to: 6 });
    expect(result).toMatchObject({ from: 5, to: 6 });
    expect(result.backup).toBeTruthy();
    expect(schemaVersion(db)).toBe(6);
    expect(plan(byMeasurement)).toMatch(/USING INDEX actions_measurement/);
    expect(plan(byFinding)).toMatch(/USING INDEX actions_finding/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
