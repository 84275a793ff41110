import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dailyBackup, localDay, pruneDailyBackups } from '../../main/electron/backups';
import { withBackupBeforeImport } from '../../main/services/backups';
import { SAMPLES, tempDir, testWorkbench } from '../helpers/workbench';

describe('daily backups', () => {
  it('writes one consistent copy a day, holding the data, and skips a day already done', async () => {
    const wb = testWorkbench();
    try {
      await wb.dispatch('regions:create', { code: 'EAST', name: '华东区' });
      const dir = path.join(wb.dir, 'backups');
      const day = new Date(2026, 10, 2, 9, 0);
      const first = dailyBackup(wb.db, dir, day);
      expect(first.written).toBe(path.join(dir, `workbench-${localDay(day)}.db`));
      const copy = new Database(first.written!, { readonly: true });
      expect(copy.prepare('SELECT code, name FROM regions').all()).toEqual([
        { code: 'EAST', name: '华东区' },
      ]);
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      copy.close();

      expect(dailyBackup(wb.db, dir, new Date(2026, 10, 2, 18, 0)).written).toBeNull();
      expect(dailyBackup(wb.db, dir, new Date(2026, 10, 3, 8, 0)).written).toMatch(
        /workbench-2026-11-03\.db$/,
      );
    } finally {
      wb.close();
    }
  });

  it('keeps only the newest N daily copies and leaves other files alone', async () => {
    const wb = testWorkbench();
    try {
      const dir = path.join(wb.dir, 'backups');
      for (let d = 1; d <= 6; d++) dailyBackup(wb.db, dir, new Date(2026, 9, d, 12), 4);
      fs.writeFileSync(path.join(dir, 'my-own-copy.db'), 'keep me');
      const removed = dailyBackup(wb.db, dir, new Date(2026, 9, 7, 12), 4).removed;
      expect(removed.map((f) => path.basename(f)).sort()).toEqual(['workbench-2026-10-03.db']);
      expect(fs.readdirSync(dir).sort()).toEqual([
        'my-own-copy.db',
        'workbench-2026-10-04.db',
        'workbench-2026-10-05.db',
        'workbench-2026-10-06.db',
        'workbench-2026-10-07.db',
      ]);
    } finally {
      wb.close();
    }
  });

  it('never prunes the last copy, whatever N says', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'workbench-2026-10-01.db'), 'x');
    fs.writeFileSync(path.join(dir, 'workbench-2026-10-02.db'), 'x');
    pruneDailyBackups(dir, 0);
    expect(fs.readdirSync(dir)).toEqual(['workbench-2026-10-02.db']);
  });
});

describe('backups before imports', () => {
  it('copies the database before an import writes (not for a dry run), keeping the last few', async () => {
    const wb = testWorkbench();
    try {
      await wb.dispatch('regions:create', { code: 'EAST', name: '华东区' });
      const guarded = withBackupBeforeImport(wb.handlers, wb.ctx, 2);
      const dir = path.join(wb.dir, 'backups');
      const file = path.join(SAMPLES, 'standards.xlsx');
      const listed = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
      await guarded['imports:run']({
        path: file,
        dryRun: true,
        mapping: [],
        includeHidden: false,
        skipInvalid: false,
        force: false,
        rememberMapping: true,
      });
      expect(listed()).toEqual([]);
      wb.setNow('2026-11-02T09:00:00.000Z');
      const report = await guarded['imports:run']({
        path: file,
        dryRun: false,
        mapping: [],
        includeHidden: false,
        skipInvalid: false,
        force: false,
        rememberMapping: true,
      });
      expect(report.outcome).toBe('imported');
      const [first] = listed();
      expect(first).toMatch(/^workbench-before-import-2026-11-02T09-00-00-000Z\.db$/);
      // The copy is the database as it was before the import: the region, no standards.
      const copy = new Database(path.join(dir, first!), { readonly: true });
      expect(copy.prepare('SELECT count(*) FROM regions').pluck().get()).toBe(1);
      expect(copy.prepare('SELECT count(*) FROM standards').pluck().get()).toBe(0);
      copy.close();
      for (const at of ['2026-11-02T10:00:00.000Z', '2026-11-02T11:00:00.000Z']) {
        wb.setNow(at);
        await guarded['imports:run']({
          path: file,
          dryRun: false,
          mapping: [],
          includeHidden: false,
          skipInvalid: false,
          force: true,
          rememberMapping: true,
        });
      }
      expect(listed()).toEqual([
        'workbench-before-import-2026-11-02T10-00-00-000Z.db',
        'workbench-before-import-2026-11-02T11-00-00-000Z.db',
      ]);
    } finally {
      wb.close();
    }
  });
});
