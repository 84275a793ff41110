/**
 * What `qms import` prints when it writes nothing: a dry run says what it would write, not
 * "written 95"; and --json stays JSON when a file cannot be read (it printed `undefined`).
 * Both found by an exploratory run of the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { qms, SAMPLES, tempDir } from '../../helpers/workbench';

describe('qms import output when nothing is written', () => {
  it('a dry run counts what it would write', () => {
    const db = path.join(tempDir(), 'dry.db');
    const run = qms([
      '--db',
      db,
      '--lang',
      'zh',
      'import',
      '--dry-run',
      path.join(SAMPLES, 'standards.xlsx'),
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('已检查（试运行）：未写入任何数据');
    expect(run.stdout).toMatch(/读取 \d+ 行；可写入 \d+ 条/);
    expect(run.stdout).not.toMatch(/；写入 \d+ 条/);
  });

  it('says periods come from a period column, not an option the column overrides', () => {
    // It read "period 2026-12 (from its column)" while the rows went to 2026-07..09 from the column.
    const db = path.join(tempDir(), 'col.db');
    const run = qms([
      '--db',
      db,
      'import',
      '--dry-run',
      '--period',
      '2026-12',
      path.join(SAMPLES, 'standards.xlsx'),
      path.join(SAMPLES, 'branches.xlsx'),
      path.join(SAMPLES, 'north-2026-q3-long.xlsx'),
    ]);
    expect(run.stdout).toMatch(/sheet "7月"; measurements, long; header row 1; periods from its column\n/);
    expect(run.stdout).not.toContain('period 2026-12 (from its column)');
  });

  it('names the columns it did not import', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'typo.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet');
    // 首问解决律: a typo for 率, so no standard's name.
    sheet.addRow(['网点编码', '期间', '首问解决律(%)', '客户满意度']);
    sheet.addRow(['EAST-001', '2026-10', 80.5, 90]);
    await book.xlsx.writeFile(file);
    const db = path.join(dir, 't.db');
    expect(qms(['--db', db, 'seed', 'standards']).status).toBe(0);
    const run = qms(['--db', db, '--lang', 'zh', 'import', '--dry-run', file]);
    expect(run.stdout).toContain('未导入的列（没有同名的字段或指标）：C 首问解决律(%)');
  });

  it('--json gives an entry for a file it could not read, with what went wrong', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'not-a-workbook.xlsx');
    fs.writeFileSync(bad, 'hello\n');
    const alone = qms(['--db', path.join(dir, 'j.db'), 'import', '--json', bad]);
    expect(alone.status).toBe(2);
    expect(JSON.parse(alone.stdout)).toEqual({
      file: bad,
      error: { kind: 'unsupported', message: expect.stringContaining('is not an Excel workbook (.xlsx)') },
    });
    const both = qms([
      '--db',
      path.join(dir, 'j.db'),
      'import',
      '--json',
      '--dry-run',
      path.join(SAMPLES, 'standards.xlsx'),
      bad,
    ]);
    const entries = JSON.parse(both.stdout) as ({ fileName: string } | { file: string })[];
    expect(entries.map((e) => ('fileName' in e ? e.fileName : e.file))).toEqual(['standards.xlsx', bad]);
  });
});

describe('qms import output when rows are refused', () => {
  it('counts errors without a plural that reads "1 errors"', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'one-bad.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(SAMPLES, 'east-2026-10-wide.xlsx'));
    book.worksheets[0]!.getCell('F7').value = '约98';
    await book.xlsx.writeFile(file);
    const db = path.join(dir, 't.db');
    expect(
      qms(['--db', db, 'import', path.join(SAMPLES, 'standards.xlsx'), path.join(SAMPLES, 'branches.xlsx')])
        .status,
    ).toBe(0);
    const run = qms(['--db', db, 'import', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('errors (1): nothing written');
    expect(run.stdout).not.toMatch(/\b1 errors\b/);
  });
});

describe('qms import options', () => {
  it('names a refused option as typed, in the language asked for', () => {
    const run = qms([
      '--db',
      path.join(tempDir(), 'o.db'),
      '--lang',
      'zh',
      'import',
      '--period',
      '2026-13',
      'x.xlsx',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('qms: x.xlsx: --period 2026-13：应写为 YYYY-MM 或 YYYY-Qn。\n');
  });

  it('shows progress in the language asked for', () => {
    const run = qms(
      ['--db', path.join(tempDir(), 'p.db'), '--lang', 'zh', 'import', path.join(SAMPLES, 'standards.xlsx')],
      { QMS_PROGRESS: '1' },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/\r已读 [\d,]+ 行，已写 [\d,]+ 行/);
    expect(run.stderr).not.toContain('rows read');
  });
});
