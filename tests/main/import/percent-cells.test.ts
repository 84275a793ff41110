/**
 * A percentage typed into Excel, WPS or LibreOffice is stored as a fraction under a percent
 * format (95.3% as 0.953): exchange-format.md reads `95.3%` as 95.3 for a % standard, so the
 * cell is read as what it shows. Found by an exploratory run: 0.953 was stored and judged a fail.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { importFile, withSampleLibrary } from './helpers';

describe('cells under a percent format', () => {
  let wb: TestWorkbench;
  beforeAll(async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
  });
  afterAll(() => wb.close());

  const stored = () =>
    wb.db
      .prepare(
        `SELECT b.code AS branch, m.standard_code AS standard, m.value, m.verdict FROM measurements m
           JOIN inspections i ON i.id = m.inspection_id JOIN branches b ON b.id = i.branch_id ORDER BY 1, 2`,
      )
      .all();

  it('reads 99.3% typed in LibreOffice as 99.3 for a % standard, and refuses it for another unit', async () => {
    const dir = path.join(wb.dir, 'lo');
    fs.mkdirSync(dir);
    const csv = path.join(dir, 'typed.csv');
    // As typed into the cells; LibreOffice stores 0.993 under a 0.00% format.
    fs.writeFileSync(
      csv,
      '网点编码,统计周期,指标编码,实测值\nEAST-001,2026-10,NET-CSR,99.3%\nEAST-002,2026-10,CS-FCR,95.3%\nEAST-003,2026-10,PROC-QUE,12%\n',
    );
    const file = convertWithLibreOffice(csv, {
      outDir: dir,
      to: 'xlsx',
      profile: path.join(dir, 'profile'),
      infilter: 'CSV:44,34,76',
    });
    const refused = await importFile(wb, file);
    expect(refused.outcome).toBe('rejected');
    expect(refused.sheets[0]!.errors.map((e) => [e.row, e.value, e.reason.en])).toEqual([
      [4, '12%', 'a percentage, but the standard is measured in 分钟'],
    ]);
    const kept = await importFile(wb, file, { skipInvalid: true, force: true });
    expect(kept.outcome).toBe('imported');
    expect(stored()).toEqual([
      { branch: 'EAST-001', standard: 'NET-CSR', value: 99.3, verdict: 'pass' },
      { branch: 'EAST-002', standard: 'CS-FCR', value: 95.3, verdict: 'pass' },
    ]);
  }, 180_000);
});
