/**
 * An approved inspection's values change only after it is sent back to draft: the workbench
 * refuses a hand edit, and an import refuses a changed value as that cell's error (it rewrote
 * them under the same 已审核). Values the sheet repeats unchanged are no error.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Inspection } from '../../../shared/schemas/inspection';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { importFile, sample, withSampleLibrary } from './helpers';
import { LONG_HEADER, writeWorkbook } from './workbooks';

const WIDE = 'east-2026-10-wide.xlsx';

describe('importing into an approved inspection', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  const valueOf = (branch: string, code: string) =>
    wb.db
      .prepare(
        `SELECT m.value FROM measurements m JOIN inspections i ON i.id = m.inspection_id
           JOIN branches b ON b.id = i.branch_id WHERE b.code = ? AND m.standard_code = ?`,
      )
      .pluck()
      .get(branch, code);

  /** The wide sample imported, EAST-002's inspection approved, and a copy with two values changed. */
  async function approvedAndCorrected(): Promise<string> {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    await importFile(wb, sample(WIDE));
    const id = wb.db
      .prepare(
        "SELECT i.id FROM inspections i JOIN branches b ON b.id = i.branch_id WHERE b.code = 'EAST-002'",
      )
      .pluck()
      .get() as string;
    for (const status of ['submitted', 'approved'])
      (await wb.dispatch('inspections:setStatus', { id, status })) as Inspection;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sample(WIDE));
    const sheet = book.worksheets[0]!;
    sheet.getCell('F6').value = 97.5; // EAST-002 网络接通率, approved
    sheet.getCell('F7').value = 97.5; // EAST-003 网络接通率, a draft
    const corrected = path.join(wb.dir, 'east-corrected.xlsx');
    await book.xlsx.writeFile(corrected);
    return corrected;
  }

  it('refuses a changed value of an approved inspection, naming the cell, and writes nothing', async () => {
    const corrected = await approvedAndCorrected();
    const r = await importFile(wb, corrected);
    expect(r.outcome).toBe('rejected');
    expect(r.sheets[0]!.errors).toMatchObject([{ row: 6, column: 'F', value: '97.5' }]);
    expect(r.sheets[0]!.errors[0]!.reason.zh).toMatch(/已审核：如需导入修改后的数值，请先在工作台退回草稿/);
    expect(valueOf('EAST-002', 'NET-CSR')).toBe(99.19);
    expect(valueOf('EAST-003', 'NET-CSR')).toBe(98.53);
  });

  it('with skipInvalid writes the draft inspection and keeps the approved one as approved', async () => {
    const corrected = await approvedAndCorrected();
    const r = await importFile(wb, corrected, { skipInvalid: true });
    expect(r.outcome).toBe('imported');
    expect(r.errorCount).toBe(1);
    expect(valueOf('EAST-002', 'NET-CSR')).toBe(99.19);
    expect(valueOf('EAST-003', 'NET-CSR')).toBe(97.5);
  });

  it('refuses it on a long sheet too, where a row repeating the last one takes the quick way', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const row = (code: string, value: number) => [
      'EAST',
      'EAST-001',
      '上海浦东营业厅',
      '2026-10',
      code,
      value,
    ];
    const first = await importFile(
      wb,
      await writeWorkbook([{ name: '检查', rows: [LONG_HEADER, row('CS-FCR', 80), row('CS-SAT', 92)] }]),
    );
    const id = wb.db
      .prepare('SELECT inspection_id FROM measurements WHERE batch_id = ?')
      .pluck()
      .get(first.batchId);
    for (const status of ['submitted', 'approved'])
      await wb.dispatch('inspections:setStatus', { id, status });
    // The third row repeats the first's inspection and standard: written without RowReader's checks.
    const rows = [LONG_HEADER, row('CS-FCR', 80), row('CS-SAT', 92), row('CS-FCR', 85)];
    const r = await importFile(wb, await writeWorkbook([{ name: '检查', rows }]));
    expect(r.sheets[0]!.errors).toMatchObject([{ row: 4, value: '85' }]);
    expect(valueOf('EAST-001', 'CS-FCR')).toBe(80);
  });

  it('passes over the values it repeats unchanged: the sample again is no error', async () => {
    await approvedAndCorrected();
    const again = await importFile(wb, sample(WIDE), { force: true });
    expect(again.errorCount).toBe(0);
    expect(again.sheets[0]).toMatchObject({ written: 0 });
  });
});
