import { afterEach, describe, expect, it } from 'vitest';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { importFile, withSampleLibrary } from './helpers';
import { writeWorkbook } from './workbooks';
import { verdictOf } from '../../../shared/domain/verdict';

/**
 * An import judges each value by the version of its standard in force at the end of the
 * value's period, as a single measurement entered by hand is (services/inspections).
 */
describe('an import across a change of target', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  it('judges each period by the version in force then, and a period before every version by the first', async () => {
    wb = testWorkbench({ now: '2026-03-01T08:00:00.000Z' });
    await withSampleLibrary(wb);
    // A measurement on the first version, so the change below makes a second one.
    const september = (await wb.dispatch('inspections:create', {
      branchCode: 'EAST-001',
      period: '2026-09',
    })) as {
      id: string;
    };
    await wb.dispatch('measurements:upsert', {
      inspectionId: september.id,
      standardCode: 'CS-FCR',
      value: 85,
    });
    await wb.dispatch('standards:update', {
      code: 'CS-FCR',
      changes: { target: 80 },
      effectiveFrom: '2026-11-01',
    });

    const file = await writeWorkbook([
      {
        name: '检查',
        rows: [
          ['区域编码', '网点编码', '网点名称', '统计周期', '指标编码', '实测值'],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-01', 'CS-FCR', 82],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-10', 'CS-FCR', 82],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', 'CS-FCR', 82],
          ['EAST', 'EAST-001', '上海浦东营业厅', '2026-12', 'CS-FCR', 82],
        ],
      },
    ]);
    const r = await importFile(wb, file);
    expect(r.outcome).toBe('imported');
    const rows = wb.db
      .prepare(
        `SELECT i.period, s.version, s.target, s.warning, s.direction, m.verdict FROM measurements m
           JOIN inspections i ON i.id = m.inspection_id JOIN standards s ON s.id = m.standard_id
          WHERE m.batch_id = ? ORDER BY i.period`,
      )
      .all(r.batchId) as {
      period: string;
      version: number;
      target: number;
      warning: number;
      direction: 'higher' | 'lower';
      verdict: string;
    }[];
    expect(rows.map((m) => [m.period, m.version, m.target])).toEqual([
      ['2026-01', 1, 85],
      ['2026-10', 1, 85],
      ['2026-11', 2, 80],
      ['2026-12', 2, 80],
    ]);
    for (const m of rows) expect(m.verdict, m.period).toBe(verdictOf(82, m));
    // The same value, judged by the two targets: not the same verdict, or the test proves little.
    expect(new Set(rows.map((m) => m.verdict)).size).toBe(2);
  });
});
