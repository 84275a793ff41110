import { afterEach, describe, expect, it } from 'vitest';
import { benchRows, LONG_HEADERS, longRowCells } from '../../../bench/generate';
import { MEASUREMENTS_PER_INSERT } from '../../../main/repositories/imports';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import {
  importFile,
  measurementTuples,
  sortTuples,
  withSampleLibrary,
  type MeasurementTuple,
} from './helpers';
import { writeWorkbook } from './workbooks';

const HEADER = ['区域编码', '网点编码', '统计周期', '指标编码', '实测值', '检查人', '备注'];

const snapshot = (wb: TestWorkbench) => ({
  measurements: wb.db.prepare('SELECT * FROM measurements ORDER BY id').all(),
  inspections: wb.db.prepare('SELECT * FROM inspections ORDER BY id').all(),
});

describe('re-imports and undo', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  it('a re-import updates values in place with the old ones audited; undo restores them exactly', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const first = await writeWorkbook([
      {
        name: 'm',
        rows: [
          HEADER,
          ['EAST', 'EAST-001', '2026-10', 'CS-FCR', 70, '陈静', '初检'],
          ['EAST', 'EAST-001', '2026-10', 'NET-DCR', 0.4, '陈静', null],
        ],
      },
    ]);
    await importFile(wb, first);
    const before = snapshot(wb);
    wb.setNow('2026-11-20T09:00:00.000Z');
    const second = await writeWorkbook([
      {
        name: 'm',
        rows: [
          HEADER,
          ['EAST', 'EAST-001', '2026-10', 'CS-FCR', 90, '王芳', '复检'],
          ['EAST', 'EAST-001', '2026-10', 'NET-DCR', 0.4, '王芳', null],
          ['EAST', 'EAST-002', '2026-10', 'NET-DCR', 2, '王芳', null],
        ],
      },
    ]);
    const r = await importFile(wb, second);
    expect(r.sheets[0]).toMatchObject({ created: 1, updated: 1, unchanged: 1 });
    const fcr = wb.db
      .prepare("SELECT value, verdict, notes FROM measurements WHERE standard_code = 'CS-FCR'")
      .get();
    expect(fcr).toEqual({ value: 90, verdict: 'pass', notes: '复检' });
    const trail = wb.db
      .prepare(
        "SELECT entity_type AS t, before_json AS b FROM audit_log WHERE batch_id = ? AND action = 'update' ORDER BY id",
      )
      .all(r.batchId) as { t: string; b: string }[];
    expect(trail.map((e) => e.t)).toEqual(['inspections', 'measurements']);
    expect(JSON.parse(trail[1]!.b)).toMatchObject({ value: 70, notes: '初检' });

    await wb.dispatch('imports:undo', { id: r.batchId! });
    expect(snapshot(wb)).toEqual(before);
  });

  it('a re-import of hundreds of rows, written many to a statement, tells new, changed, repeated and unchanged values apart as row by row', async () => {
    expect(MEASUREMENTS_PER_INSERT).toBe(200);
    wb = testWorkbench();
    await wb.dispatch('standards:seed', {});
    const rows = [...benchRows(450)].map(longRowCells);
    // The first import leaves out rows 100-104 (new in the second, inside its first statement)
    // and the last ten (new in its partial last statement).
    const first = rows.filter((_, i) => i < 440 && (i < 100 || i > 104));
    await importFile(wb, await writeWorkbook([{ name: 'm', rows: [LONG_HEADERS, ...first] }], 'first.xlsx'));
    const before = snapshot(wb);
    wb.setNow('2026-11-20T09:00:00.000Z');

    const second = rows.map((r) => [...r]);
    for (const i of [3, 150, 250, 399]) second[i]![6] = (second[i]![6] as number) + 1;
    const again = (i: number, value: number) => second[i]!.map((c, k) => (k === 6 ? value : c));
    // Later in the same statement: a value the first import wrote, and one this import writes.
    second.splice(180, 0, again(5, 12.5));
    second.splice(120, 0, again(100, 13.5));
    const r = await importFile(
      wb,
      await writeWorkbook([{ name: 'm', rows: [LONG_HEADERS, ...second] }], 'second.xlsx'),
    );
    expect(r.outcome).toBe('imported');
    expect(r.sheets[0]).toMatchObject({ created: 15, updated: 6, unchanged: second.length - 21 });

    const last = new Map<string, MeasurementTuple>();
    for (const c of second) last.set(`${c[2]}|${c[4]}|${c[5]}`, [c[2], c[4], c[5], c[6]] as MeasurementTuple);
    expect(measurementTuples(wb)).toEqual(sortTuples([...last.values()]));
    const trail = wb.db
      .prepare(
        `SELECT json_extract(before_json, '$.value') AS was, json_extract(after_json, '$.value') AS now
           FROM audit_log WHERE batch_id = ? AND entity_type = 'measurements' ORDER BY id`,
      )
      .all(r.batchId);
    expect(trail).toEqual([
      { was: rows[3]![6], now: (rows[3]![6] as number) + 1 },
      { was: rows[100]![6], now: 13.5 },
      { was: rows[150]![6], now: (rows[150]![6] as number) + 1 },
      { was: rows[5]![6], now: 12.5 },
      { was: rows[250]![6], now: (rows[250]![6] as number) + 1 },
      { was: rows[399]![6], now: (rows[399]![6] as number) + 1 },
    ]);

    await wb.dispatch('imports:undo', { id: r.batchId! });
    expect(snapshot(wb)).toEqual(before);
  });

  it('remembers a corrected column mapping for the next workbook of that shape', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const header = ['网点编码', '期间', '指标编码', '本月得分'];
    const book = (value: number, name: string) =>
      writeWorkbook([{ name: 'data', rows: [header, ['EAST-001', '2026-10', 'CS-SAT', value]] }], name);
    const unmapped = await importFile(wb, await book(91, 'east-2026-10.xlsx'), { dryRun: true });
    expect(unmapped.sheets[0]!.kind).toBeNull();
    const mapped = await importFile(wb, await book(91, 'east-2026-10.xlsx'), {
      mapping: [{ column: 'D', to: 'value' }],
    });
    expect(mapped.outcome).toBe('imported');
    expect(mapped.sheets[0]!.columns.find((c) => c.column === 'D')).toMatchObject({
      key: 'value',
      by: 'user',
    });
    const next = await importFile(wb, await book(93, 'east-2026-11.xlsx'));
    expect(next.outcome).toBe('imported');
    expect(next.sheets[0]!.columns.find((c) => c.column === 'D')).toMatchObject({
      key: 'value',
      by: 'memory',
    });
    expect(wb.db.prepare("SELECT value FROM measurements WHERE standard_code = 'CS-SAT'").get()).toEqual({
      value: 93,
    });
  });

  it('matches traditional-character headers and standard names, with units and line breaks', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const file = await writeWorkbook([
      {
        name: '2026年9月',
        rows: [
          ['網點編碼', '營業廳', '首問解決率\n(%)', '客戶滿意度（分）', 'Mean queue time'],
          ['EAST-001', '上海浦东营业厅', '９５．３%', 88, '12'],
        ],
      },
    ]);
    const r = await importFile(wb, file);
    expect(r.sheets[0]).toMatchObject({
      layout: 'wide',
      period: '2026-09',
      periodFrom: 'sheet name',
      written: 3,
    });
    const values = wb.db.prepare('SELECT standard_code AS c, value FROM measurements ORDER BY 1').all();
    expect(values).toEqual([
      { c: 'CS-FCR', value: 95.3 },
      { c: 'CS-SAT', value: 88 },
      { c: 'PROC-QUE', value: 12 },
    ]);
  });
});
