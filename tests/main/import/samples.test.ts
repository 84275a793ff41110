import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLES, count, testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import type { ImportInspection } from '../../../shared/contracts/import';
import {
  importFile,
  measurementTuples,
  sample,
  sortTuples,
  withSampleLibrary,
  type MeasurementTuple,
} from './helpers';

const expected = JSON.parse(fs.readFileSync(`${SAMPLES}/expected.json`, 'utf8')) as Record<
  string,
  MeasurementTuple[]
>;

describe('importing the sample workbooks', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  for (const [file, tuples] of Object.entries(expected)) {
    it(`${file} holds exactly the values of expected.json`, async () => {
      wb = testWorkbench();
      await withSampleLibrary(wb);
      const report = await importFile(wb, sample(file));
      expect(report.outcome).toBe('imported');
      expect(report.errorCount).toBe(0);
      // Nothing else: no total, average or remark row became data, no missing marker became 0.
      expect(measurementTuples(wb)).toEqual(sortTuples(tuples));
      expect(report.written).toBe(tuples.length);
      const passed = report.sheets.flatMap((s) => s.passedOver.map((p) => p.reason));
      expect(passed.length).toBeGreaterThan(0);
      expect(passed.every((r) => ['total', 'average', 'remark', 'empty'].includes(r))).toBe(true);
    });
  }

  it('reads the wide sample as two-level headers under a title row carrying the period', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const r = await importFile(wb, sample('east-2026-10-wide.xlsx'));
    const sheet = r.sheets[0]!;
    expect(sheet).toMatchObject({
      kind: 'measurements',
      layout: 'wide',
      headerRows: [3, 4],
      period: '2026-10',
      periodFrom: 'title',
    });
    expect(sheet.columns.find((c) => c.column === 'I')).toMatchObject({
      standardCode: 'CS-FCR',
      by: 'standard',
    });
    // Row 14 is not in the file at all: the empty row between the total and the remark.
    expect(sheet.passedOver).toEqual([
      { row: 13, reason: 'total' },
      { row: 14, reason: 'empty' },
      { row: 15, reason: 'remark' },
    ]);
    expect(sheet.merges).toContain('E3:G3');
  });

  it('imports the standards, branches and actions samples with their vocabularies', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    expect(count(wb, 'standards')).toBe(13);
    expect(count(wb, 'branches')).toBe(26);
    const dcr = wb.db
      .prepare("SELECT direction, unit, target, warning, dimension FROM standards WHERE code = 'NET-DCR'")
      .get();
    expect(dcr).toEqual({ direction: 'lower', unit: '%', target: 0.5, warning: 1, dimension: 'NET' });
    const r = await importFile(wb, sample('south-actions.xlsx'));
    expect(r.written).toBe(5);
    const statuses = wb.db
      .prepare('SELECT status, count(*) AS n FROM actions GROUP BY status ORDER BY status')
      .all();
    expect(statuses).toEqual([
      { status: 'in_progress', n: 3 },
      { status: 'open', n: 2 },
    ]);
    expect(wb.db.prepare("SELECT root_cause_category AS c FROM actions WHERE owner = '王芳'").get()).toEqual({
      c: 'people',
    });
  });

  it('reports a second import of the same bytes and writes nothing; --force rewrites nothing that is equal', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const first = await importFile(wb, sample('east-2026-10-wide.xlsx'));
    const again = await importFile(wb, sample('east-2026-10-wide.xlsx'));
    expect(again).toMatchObject({
      outcome: 'already_imported',
      batchId: null,
      alreadyImported: { batchId: first.batchId },
    });
    const forced = await importFile(wb, sample('east-2026-10-wide.xlsx'), { force: true });
    expect(forced.outcome).toBe('nothing');
    expect(forced.sheets[0]!.unchanged).toBe(95);
    expect(count(wb, 'measurements')).toBe(95);
  });

  it('imports:inspect shows the detection and a preview and writes nothing', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const before = count(wb, 'audit_log');
    const i = (await wb.dispatch('imports:inspect', {
      path: sample('north-2026-q3-long.xlsx'),
    })) as ImportInspection;
    expect(i.sheets.map((s) => [s.sheet, s.kind, s.layout, s.periodFrom])).toEqual([
      ['7月', 'measurements', 'long', 'column'],
      ['8月', 'measurements', 'long', 'column'],
      ['9月', 'measurements', 'long', 'column'],
    ]);
    expect(i.sheets[0]!.preview[0]!.slice(0, 3)).toEqual(['华北区', 'NORTH-001', '北京朝阳营业厅']);
    expect(i.alreadyImported).toBeNull();
    expect(count(wb, 'audit_log')).toBe(before);
  });
});
