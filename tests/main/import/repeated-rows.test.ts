import { afterEach, describe, expect, it } from 'vitest';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { importFile, withSampleLibrary } from './helpers';
import { writeWorkbook } from './workbooks';
import { verdictOf } from '../../../shared/domain/verdict';

/**
 * Rows of one inspection repeat its cells (region, branch, period, type, date), and a row
 * that repeats the row before reuses what those cells resolved to. Each row here differs from
 * the one before in one such cell only: every difference must still tell a new inspection,
 * or a wrong cell, from the same one.
 */
describe('rows that repeat the inspection of the row before', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  /** One inspection's rows below: its cells, then the standard's and the row's own. */
  const HEAD = ['区域编码', '网点编码', '网点名称', '统计周期', '指标编码'];
  const row = (code: string, ...rest: unknown[]) => [
    'EAST',
    'EAST-001',
    '上海浦东营业厅',
    '2026-10',
    code,
    ...rest,
  ];

  it('are told apart by any one cell of the inspection, and a wrong cell in them is still reported', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const on = (day: number) => new Date(Date.UTC(2026, 10, day));
    const file = await writeWorkbook([
      {
        name: '检查',
        rows: [
          ['区域编码', '网点编码', '网点名称', '统计周期', '检查类型', '检查日期', '指标编码', '实测值'],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-10', '自查', on(5), 'CS-FCR', 85],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-10', '自查', on(5), 'CS-SAT', 90],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', '自查', on(5), 'CS-FCR', 80],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', '检查', on(5), 'CS-FCR', 70],
          ['EAST', 'EAST-003', '上海浦东营业厅', '2026-11', '检查', on(5), 'CS-FCR', 86],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026-11', '检查', on(5), 'CS-FCR', 60],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026-11', '检查', '明天', 'CS-SAT', 61],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026-11', '检查', on(5), 'CS-SAT', 62],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026-11', '暗访', on(5), 'CS-SAT', 63],
          ['EAST', 'EAST-002', '上海徐汇营业厅', '2026-11', '不存在', on(5), 'CS-SAT', 64],
        ],
      },
    ]);
    const r = await importFile(wb, file, { skipInvalid: true });
    expect(r.outcome).toBe('imported');
    expect(r.sheets[0]!.errors.map((e) => [e.row, e.column, e.reason.en.split(';')[0]])).toEqual([
      [8, 'F', 'not a date'],
      [11, 'E', expect.stringContaining('不存在')],
    ]);
    const rows = wb.db
      .prepare(
        `SELECT b.code AS branch, i.period, i.kind, m.standard_code AS code, m.value FROM measurements m
           JOIN inspections i ON i.id = m.inspection_id JOIN branches b ON b.id = i.branch_id
          WHERE m.batch_id = ? ORDER BY m.value`,
      )
      .all(r.batchId);
    expect(rows).toEqual([
      { branch: 'EAST-002', period: '2026-11', kind: 'regional_audit', code: 'CS-FCR', value: 60 },
      { branch: 'EAST-002', period: '2026-11', kind: 'regional_audit', code: 'CS-SAT', value: 62 },
      { branch: 'EAST-002', period: '2026-11', kind: 'mystery_shopper', code: 'CS-SAT', value: 63 },
      { branch: 'EAST-001', period: '2026-11', kind: 'regional_audit', code: 'CS-FCR', value: 70 },
      { branch: 'EAST-001', period: '2026-11', kind: 'self_assessment', code: 'CS-FCR', value: 80 },
      { branch: 'EAST-001', period: '2026-10', kind: 'self_assessment', code: 'CS-FCR', value: 85 },
      { branch: 'EAST-003', period: '2026-11', kind: 'regional_audit', code: 'CS-FCR', value: 86 },
      { branch: 'EAST-001', period: '2026-10', kind: 'self_assessment', code: 'CS-SAT', value: 90 },
    ]);
  });

  // After the first row of an inspection, a row naming a standard by a text already read and
  // holding a plain number in range is written without a RowReader (measurementRows' quick);
  // every other value must still meet RowReader's checks and be reported as before.
  it('written the quick way or not, values are judged and wrong ones reported as row by row', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      {
        name: '检查',
        rows: [
          [...HEAD, '实测值'],
          row('CS-FCR', 85),
          row('CS-FCR', 86), // quick: the text was read, a plain number (updates the value above)
          row('CS-FCR', -1), // negative
          row('CS-FCR', 250), // a percentage past 200
          row('CS-SAT', 250), // no range for 分: quick from the second time only
          row('CS-SAT', 91),
          row(' CS-ANS ', 77), // another text: read the long way
          row('CS-XXX', 60), // unknown
          row('CS-ANS', '78'), // a number as text
          row('CS-ANS', '七十'), // not a number
        ],
      },
    ]);
    const r = await importFile(wb, file, { skipInvalid: true });
    expect(r.outcome).toBe('imported');
    expect(r.sheets[0]!.errors.map((e) => [e.row, e.column, e.reason.en.split(/[;(]/)[0]!.trim()])).toEqual([
      [4, 'F', 'a negative value is not plausible'],
      [5, 'F', expect.stringContaining('%')],
      [9, 'E', expect.stringContaining('CS-XXX')],
      [11, 'F', 'not a number'],
    ]);
    const values = wb.db
      .prepare(
        `SELECT m.standard_code AS code, m.value, m.verdict FROM measurements m
          JOIN inspections i ON i.id = m.inspection_id WHERE i.period = '2026-10' ORDER BY m.standard_code`,
      )
      .all();
    const judged = (code: string, value: number) => {
      const v = wb.db
        .prepare('SELECT direction, target, warning FROM standards WHERE code = ? ORDER BY version DESC')
        .get(code) as {
        direction: 'higher' | 'lower';
        target: number;
        warning: number;
      };
      return { code, value, verdict: verdictOf(value, v) };
    };
    expect(values).toEqual([judged('CS-ANS', 78), judged('CS-FCR', 86), judged('CS-SAT', 91)]);
  });

  // A row whose notes cell is a text or empty goes the quick way too: its notes must come out as
  // RowReader reads them, and any other notes cell must still be read, or reported, by it.
  it('keep the notes of every row of a sheet with notes, read the quick way as row by row', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      {
        name: '检查',
        rows: [
          [...HEAD, '实测值', '备注'],
          row('CS-FCR', 85, '首次'),
          row('CS-SAT', 90, '抽查'),
          row('CS-ANS', 70, '初检'),
          row('CS-FCR', 86, '  复检\n'), // quick: a text, cleaned as RowReader cleans it
          row('CS-SAT', 91, null), // quick: no notes
          row('CS-ANS', 71, 123), // a number: read the long way, as text
          row('CS-ANS', 72, { formula: 'F2' }), // a formula without a result: reported
        ],
      },
    ]);
    const r = await importFile(wb, file, { skipInvalid: true });
    expect(r.outcome).toBe('imported');
    expect(r.sheets[0]!.errors.map((e) => [e.row, e.column])).toEqual([[8, 'G']]);
    const rows = wb.db
      .prepare(
        'SELECT standard_code AS code, value, notes FROM measurements WHERE batch_id = ? ORDER BY code',
      )
      .all(r.batchId);
    expect(rows).toEqual([
      { code: 'CS-ANS', value: 71, notes: '123' },
      { code: 'CS-FCR', value: 86, notes: '复检' },
      { code: 'CS-SAT', value: 91, notes: null },
    ]);
  });
});
