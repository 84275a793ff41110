/** Backups from Settings: made beside the database, listed, restored into the open database. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { BackupFile } from '../../shared/contracts/backups';
import { count, testWorkbench, withOrganisation, type TestWorkbench } from '../helpers/workbench';

let wb: TestWorkbench;
afterEach(() => wb?.close());

describe('backups', () => {
  it('makes a copy in backups/ beside the database and lists it, newest first', async () => {
    wb = testWorkbench();
    await withOrganisation(wb);
    expect(await wb.dispatch('backups:list', {})).toEqual([]);
    const made = (await wb.dispatch('backups:create', {})) as BackupFile;
    expect(made.name).toMatch(/^workbench-manual-2026-11-02T08-00-00-000Z\.db$/);
    const file = path.join(wb.dir, 'backups', made.name);
    const copy = new Database(file, { readonly: true });
    expect((copy.prepare('SELECT count(*) AS n FROM branches').get() as { n: number }).n).toBe(2);
    copy.close();
    wb.setNow('2026-11-03T08:00:00.000Z');
    const second = (await wb.dispatch('backups:create', {})) as BackupFile;
    fs.utimesSync(path.join(wb.dir, 'backups', second.name), new Date(), new Date(Date.now() + 1000));
    const listed = (await wb.dispatch('backups:list', {})) as BackupFile[];
    expect(listed.map((b) => b.name)).toEqual([second.name, made.name]);
    expect(listed[0]!.bytes).toBeGreaterThan(0);
  });

  it('restores every table into the open database, keeping the replaced state as a backup', async () => {
    wb = testWorkbench();
    await withOrganisation(wb);
    const made = (await wb.dispatch('backups:create', {})) as BackupFile;
    await wb.dispatch('regions:create', { code: 'WEST', name: '西部区' });
    await wb.dispatch('branches:create', { code: 'WEST-001', name: '成都营业厅', regionCode: 'WEST' });
    expect(count(wb, 'branches')).toBe(3);

    wb.setNow('2026-11-02T09:00:00.000Z');
    const result = (await wb.dispatch('backups:restore', { name: made.name })) as {
      restored: string;
      savedCurrentAs: string;
    };
    expect(result.restored).toBe(made.name);
    expect(count(wb, 'branches')).toBe(2);
    expect(count(wb, 'regions')).toBe(1);
    expect(wb.db.pragma('foreign_key_check')).toEqual([]);
    // The connection stays usable: the app keeps working on the restored data.
    await wb.dispatch('branches:create', { code: 'EAST-003', name: '杭州营业厅', regionCode: 'EAST' });
    expect(count(wb, 'branches')).toBe(3);

    const saved = new Database(path.join(wb.dir, 'backups', result.savedCurrentAs), { readonly: true });
    expect(
      (saved.prepare("SELECT code FROM regions WHERE code = 'WEST'").get() as { code: string }).code,
    ).toBe('WEST');
    saved.close();
  });

  it('refuses a name outside the list, a missing file and another schema version', async () => {
    wb = testWorkbench();
    await expect(wb.dispatch('backups:restore', { name: '../test.db' })).rejects.toMatchObject({
      kind: 'invalid',
      field: 'name',
    });
    await expect(wb.dispatch('backups:restore', { name: 'nope.db' })).rejects.toMatchObject({
      kind: 'not_found',
    });
    const made = (await wb.dispatch('backups:create', {})) as BackupFile;
    const other = new Database(path.join(wb.dir, 'backups', made.name));
    other.pragma('user_version = 999');
    other.close();
    const refused = await wb.dispatch('backups:restore', { name: made.name }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).localized('zh')).toContain('999');
  });
});
