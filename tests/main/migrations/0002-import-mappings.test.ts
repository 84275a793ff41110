import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';
import { tempDir } from '../../helpers/workbench';

describe('migration 0002: import mappings', () => {
  it('adds the mapping memory to a version-1 database and keeps its rows', () => {
    const file = path.join(tempDir(), 'v1.db');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    migrate(db, { file, migrations: MIGRATIONS.slice(0, 1) });
    db.prepare(
      "INSERT INTO regions (id, code, name, created_at, updated_at) VALUES ('r1', 'EAST', '华东区', 'x', 'x')",
    ).run();
    migrate(db, { file, migrations: MIGRATIONS.slice(0, 2) });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT code FROM regions').all()).toEqual([{ code: 'EAST' }]);
    db.prepare(
      "INSERT INTO import_mappings (signature, file_pattern, mapping_json, updated_at) VALUES ('s', 'p', '[]', 't')",
    ).run();
    expect(db.prepare('SELECT count(*) AS n FROM import_mappings').get()).toEqual({ n: 1 });
    db.close();
  });
});
