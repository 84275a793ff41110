import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { count, testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { errorsWorkbookAt } from '../../../main/import/errors-workbook';
import { importFile, measurementTuples, sample, withSampleLibrary } from './helpers';
import { LONG_HEADER, writeWorkbook } from './workbooks';

describe('validating rows against the database', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  async function badWorkbook(): Promise<string> {
    return writeWorkbook([
      {
        name: '检查',
        rows: [
          LONG_HEADER,
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-10', 'CS-FCR', '８５．５'],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-10', 'NOPE-1', 80],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026-13', 'CS-FCR', 80],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026年10月', 'CS-SAT', 'abc'],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026/10', 'NET-CSR', '201%'],
          ['EAST', 'EAST-003', '杭州西湖营业厅', '2026.10', 'PRD-BIL', '5%'],
          ['EAST', 'EAST-003', '杭州西湖营业厅', '2026-10', 'CS-CHT', '1,234.5'],
          ['', 'EAST-999', '', '2026-10', 'CS-FCR', 70],
          ['EAST', 'EAST-004', '南京鼓楼营业厅', '2026-10', 'CS-FCR', '—'],
        ],
      },
    ]);
  }

  it('rejects the whole file when one row is wrong, naming sheet, row, column, value and reason in both languages', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const before = count(wb, 'measurements');
    const r = await importFile(wb, await badWorkbook());
    expect(r.outcome).toBe('rejected');
    expect(count(wb, 'measurements')).toBe(before);
    expect(count(wb, 'import_batches')).toBe(2);
    const errors = r.sheets[0]!.errors.map((e) => [e.row, e.column, e.value, e.reason.en]);
    expect(errors).toEqual([
      [3, 'E', 'NOPE-1', 'no standard NOPE-1; import the standards first or correct the code'],
      [4, 'D', '2026-13', 'not a period; write 2026-10, 2026年10月 or 2026年第3季度'],
      [5, 'F', 'abc', 'not a number'],
      [6, 'F', '201%', 'not a plausible value for % (0–200)'],
      [7, 'F', '5%', 'a percentage, but the standard is measured in ‱'],
      [9, 'B', 'EAST-999', 'no branch EAST-999, and no region column to create it in'],
    ]);
    expect(r.sheets[0]!.errors[0]).toMatchObject({ sheet: '检查', header: '指标编码' });
    expect(r.sheets[0]!.errors[2]!.reason.zh).toBe('不是数字');
  });

  it('keeps the good rows with skipInvalid, reads full-width digits and thousands separators, and never turns a missing marker into 0', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const errorsPath = path.join(wb.dir, 'errors.xlsx');
    const r = await importFile(wb, await badWorkbook(), { skipInvalid: true, errorsPath });
    expect(r.outcome).toBe('imported');
    expect(measurementTuples(wb, r.batchId!)).toEqual([
      ['EAST-001', '2026-10', 'CS-FCR', 85.5],
      ['EAST-003', '2026-10', 'CS-CHT', 1234.5],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(errorsPath);
    const ws = book.worksheets[0]!;
    expect(ws.rowCount).toBe(7);
    expect(ws.getRow(1).getCell(1).value).toBe('原行号 / Row');
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    expect(String(ws.getRow(4).getCell(ws.getRow(1).cellCount).value)).toContain('不是数字 / not a number');
  });

  /** The wide sample with 约98 in F7: EAST-003's 网络接通率 (NET-CSR), one of its row's values. */
  async function wideWithOneBadCell(wb: TestWorkbench): Promise<string> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sample('east-2026-10-wide.xlsx'));
    book.worksheets[0]!.getCell('F7').value = '约98';
    const bad = path.join(wb.dir, 'east-one-bad.xlsx');
    await book.xlsx.writeFile(bad);
    return bad;
  }

  it('keeps the good values of a wide row with a bad cell under skipInvalid, and refuses the file without it', async () => {
    // It dropped the row's eleven good values with the bad one.
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const bad = await wideWithOneBadCell(wb);
    const refused = await importFile(wb, bad);
    expect(refused.outcome).toBe('rejected');
    expect(count(wb, 'measurements')).toBe(0);

    const kept = await importFile(wb, bad, { skipInvalid: true });
    expect(kept.outcome).toBe('imported');
    expect(kept.errorCount).toBe(1);
    expect(kept.sheets[0]!.errors).toMatchObject([{ row: 7, column: 'F', value: '约98' }]);
    const east3 = measurementTuples(wb, kept.batchId!).filter(([branch]) => branch === 'EAST-003');
    expect(east3.map(([, , code]) => code)).not.toContain('NET-CSR');
    // The sample whole: only the value that was wrong is new, every other value of its row is there.
    const all = await importFile(wb, sample('east-2026-10-wide.xlsx'));
    expect(all.sheets[0]).toMatchObject({ created: 1, updated: 0 });
  });

  it('writes an errors workbook that, corrected, imports as it is: the wide sample with a bad cell', async () => {
    // Its two-level header came out as `网络质量 / 掉话率(%)` and its period stayed with the title
    // rows: the corrected workbook was read as a branch list and wrote nothing, with exit 0.
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const bad = await wideWithOneBadCell(wb);
    const errorsPath = path.join(wb.dir, 'errors.xlsx');
    const first = await importFile(wb, bad, { skipInvalid: true, errorsPath });
    expect(first.errorCount).toBe(1);
    const errors = new ExcelJS.Workbook();
    await errors.xlsx.readFile(errorsPath);
    const ws = errors.worksheets[0]!;
    const header = Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? ''));
    expect(header).toContain('统计周期');
    const at = header.findIndex((h) => h.endsWith('网络接通率(%)'));
    expect(String(ws.getRow(2).getCell(at).value)).toBe('约98');
    // Its other values are numbers, as they were: not text that Excel flags cell by cell.
    expect(ws.getRow(2).getCell(header.findIndex((h) => h.endsWith('掉话率(%)'))).value).toBe(0.02);
    ws.getRow(2).getCell(at).value = 98.5;
    const fixed = path.join(wb.dir, 'errors-fixed.xlsx');
    await errors.xlsx.writeFile(fixed);
    const second = await importFile(wb, fixed);
    expect(second.sheets[0]).toMatchObject({
      kind: 'measurements',
      layout: 'wide',
      period: '2026-10',
      errorCount: 0,
    });
    expect(second.outcome).toBe('imported');
    expect(measurementTuples(wb, second.batchId!).filter(([, , code]) => code === 'NET-CSR')).toEqual([
      [expect.any(String), '2026-10', 'NET-CSR', 98.5],
    ]);
  });

  it('refuses an error workbook it could not write before importing anything', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const before = { measurements: count(wb, 'measurements'), batches: count(wb, 'import_batches') };
    const notAFolder = path.join(wb.dir, 'notes.txt');
    fs.writeFileSync(notAFolder, '');
    const errorsPath = path.join(notAFolder, 'errors.xlsx');
    await expect(
      importFile(wb, await badWorkbook(), { skipInvalid: true, errorsPath }),
    ).rejects.toMatchObject({
      kind: 'unsupported',
      key: 'fileWriteFailed',
      params: { target: errorsPath, detail: 'ENOTDIR' },
    });
    expect({ measurements: count(wb, 'measurements'), batches: count(wb, 'import_batches') }).toEqual(before);
  });

  it('rejects when the error workbook meets a full disk, rather than an error event that ends the process', async () => {
    // /dev/full takes the file and fails every write with ENOSPC, as a disk that fills does.
    const failed = Array.from({ length: 500 }, (_, i) => ({
      sheet: '检查数据',
      row: i + 2,
      headers: ['网点编码', '指标编码', '实测值'],
      cells: ['EAST-001', 'CS-FCR', '九十'],
      reasons: [
        {
          sheet: '检查数据',
          row: i + 2,
          column: 'C',
          header: '实测值',
          value: '九十',
          reason: { zh: '不是数字', en: 'not a number' },
        },
      ],
      period: null,
    }));
    await expect(errorsWorkbookAt('/dev/full', failed)).rejects.toMatchObject({ code: 'ENOSPC' });
  });

  it('dry run validates against the database and writes nothing, not even new branches', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      { name: 's', rows: [LONG_HEADER, ['EAST', 'EAST-100', '新网点', '2026-10', 'CS-FCR', 80]] },
    ]);
    const r = await importFile(wb, file, { dryRun: true });
    expect(r).toMatchObject({ outcome: 'checked', written: 1, createdBranches: ['EAST-100'], batchId: null });
    expect(count(wb, 'branches')).toBe(26);
    expect(count(wb, 'import_batches')).toBe(2);
  });

  it('creates unknown regions and branches from the sheet and says so; undo takes them away again', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      {
        name: 's',
        rows: [
          ['区域编码', '区域', '网点编码', '网点名称', '期间', '指标编码', '实测值'],
          ['CENTRAL', '华中区', 'CEN-001', '武汉江汉营业厅', '2026年第3季度', 'CS-FCR', 88],
        ],
      },
    ]);
    const r = await importFile(wb, file);
    expect(r).toMatchObject({
      outcome: 'imported',
      createdRegions: ['CENTRAL'],
      createdBranches: ['CEN-001'],
    });
    expect(measurementTuples(wb, r.batchId!)).toEqual([['CEN-001', '2026-Q3', 'CS-FCR', 88]]);
    await wb.dispatch('imports:undo', { id: r.batchId! });
    expect(wb.db.prepare("SELECT count(*) AS n FROM branches WHERE code = 'CEN-001'").get()).toEqual({
      n: 0,
    });
    expect(wb.db.prepare("SELECT count(*) AS n FROM regions WHERE code = 'CENTRAL'").get()).toEqual({ n: 0 });
  });

  it("reports a new branch whose name its region already has as that row's error, on either kind of sheet", async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      {
        name: '检查',
        rows: [
          LONG_HEADER,
          ['EAST', 'EAST-999', '上海浦东营业厅', '2026-10', 'CS-FCR', 80],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-10', 'CS-SAT', 81],
        ],
      },
    ]);
    const rejected = await importFile(wb, file);
    expect(rejected.outcome).toBe('rejected');
    expect(rejected.sheets[0]!.errors.map((e) => [e.row, e.column, e.reason.zh])).toEqual([
      [2, 'B', '新网点 EAST-999 上海浦东营业厅：所在区域已有同名网点；请更正网点编码或名称'],
    ]);
    const kept = await importFile(wb, file, { skipInvalid: true });
    expect(kept).toMatchObject({ outcome: 'imported', createdBranches: [] });
    expect(measurementTuples(wb, kept.batchId!)).toEqual([['EAST-001', '2026-10', 'CS-SAT', 81]]);

    const branches = await writeWorkbook([
      {
        name: '网点',
        rows: [
          ['区域编码', '网点编码', '网点名称'],
          ['EAST', 'EAST-998', '上海徐汇营业厅'],
          ['EAST', 'EAST-997', '上海新网点'],
        ],
      },
    ]);
    const sheet = await importFile(wb, branches, { skipInvalid: true });
    expect(sheet.sheets[0]!.errors.map((e) => [e.row, e.reason.en])).toEqual([
      [2, expect.stringContaining('上海徐汇营业厅 already exists')],
    ]);
    expect(wb.db.prepare("SELECT code FROM branches WHERE code LIKE 'EAST-99%'").pluck().all()).toEqual([
      'EAST-997',
    ]);
  });

  it('reports a sheet it cannot read: missing columns, no period anywhere, hidden sheets listed but not imported', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      {
        name: '宽表',
        rows: [
          ['网点编码', '首问解决率'],
          ['EAST-001', 80],
        ],
      },
      { name: '隐藏', hidden: true, rows: [LONG_HEADER, ['EAST', 'EAST-001', 'x', '2026-10', 'CS-FCR', 80]] },
    ]);
    const r = await importFile(wb, file);
    expect(r.outcome).toBe('rejected');
    expect(r.sheets[0]!.errors[0]!.reason.en).toMatch(/^no period/);
    expect(r.sheets[1]).toMatchObject({ hidden: true, kind: null, rowsRead: 0 });
    expect(r.sheets[1]!.note!.en).toMatch(/hidden/);
    const withPeriod = await importFile(wb, file, { period: '2026-09', includeHidden: true });
    expect(withPeriod.outcome).toBe('imported');
    expect(withPeriod.sheets[0]).toMatchObject({ period: '2026-09', periodFrom: 'option', written: 1 });
    expect(withPeriod.sheets[1]).toMatchObject({ written: 1 });
  });
});
