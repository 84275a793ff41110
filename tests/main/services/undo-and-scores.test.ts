import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { BranchScore } from '../../../shared/schemas/system';
import { count, testWorkbench, withOrganisation } from '../../helpers/workbench';

describe('undoing a batch', () => {
  it('removes what the batch created and restores what it overwrote, exactly', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' })) as {
      id: string;
    };
    const original = await wb.dispatch('measurements:upsert', {
      inspectionId: i.id,
      standardCode: 'CS-FCR',
      value: 80,
      notes: '原值',
    });
    const measurementsBefore = wb.db.prepare('SELECT * FROM measurements ORDER BY id').all();

    wb.db
      .prepare(
        "INSERT INTO import_batches (id, file_name, file_hash, kind, user, started_at) VALUES ('00000000-0000-4000-8000-000000000001', 'east.xlsx', 'h', 'measurements', 'tester', 'now')",
      )
      .run();
    wb.ctx.batchId = '00000000-0000-4000-8000-000000000001';
    await wb.dispatch('measurements:upsert', {
      inspectionId: i.id,
      standardCode: 'CS-FCR',
      value: 91,
      notes: null,
    });
    await wb.dispatch('branches:create', { code: 'EAST-003', name: '杭州西湖营业厅', regionCode: 'EAST' });
    const j = (await wb.dispatch('inspections:create', { branchCode: 'EAST-003', period: '2026-10' })) as {
      id: string;
    };
    await wb.dispatch('measurements:upsert', { inspectionId: j.id, standardCode: 'CS-FCR', value: 70 });
    wb.ctx.batchId = null;
    expect(count(wb, 'measurements')).toBe(2);

    const result = await wb.dispatch('imports:undo', { id: '00000000-0000-4000-8000-000000000001' });
    // Written by the batch: EAST-003, its inspection and its value; overwritten: EAST-001's value.
    expect(result).toEqual({ rowsRemoved: 3, rowsRestored: 1 });
    expect(wb.db.prepare('SELECT * FROM measurements ORDER BY id').all()).toEqual(measurementsBefore);
    expect(original).toMatchObject({ value: 80 });
    expect(count(wb, 'branches')).toBe(2);
    expect(await wb.dispatch('imports:list', {})).toMatchObject([{ status: 'undone' }]);
    // A second undo says so and changes nothing.
    const again = await wb
      .dispatch('imports:undo', { id: '00000000-0000-4000-8000-000000000001' })
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ kind: 'conflict', key: 'batchUndone', field: 'id' });
    expect((again as AppError).localized('zh')).toMatch(
      /^导入批次 00000000-0000-4000-8000-000000000001（.*）此前已撤销，未做任何更改$/,
    );
    expect(wb.db.prepare('SELECT * FROM measurements ORDER BY id').all()).toEqual(measurementsBefore);
    wb.close();
  });
});

describe('composite scores', () => {
  it('weights attainments and reports unmeasured standards as missing', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' })) as {
      id: string;
    };
    await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'CS-FCR', value: 85 }); // weight 2, attains 1
    await wb.dispatch('measurements:upsert', { inspectionId: i.id, standardCode: 'CS-CHT', value: 48 }); // weight 1.5, attains 0.5
    const scores = (await wb.dispatch('scores:branches', {
      scope: { type: 'region', code: 'EAST' },
      period: '2026-10',
    })) as BranchScore[];
    const library = count(wb, 'standards');
    expect(scores[0]).toMatchObject({ branchCode: 'EAST-001', measured: 2, missing: library - 2 });
    expect(scores[0]!.score).toBeCloseTo(((2 * 1 + 1.5 * 0.5) / 3.5) * 100, 2);
    expect(scores[1]).toMatchObject({ branchCode: 'EAST-002', score: null, measured: 0 });
    wb.close();
  });
});
