/**
 * Undoing an import that later work built on: refused, naming that work, with nothing changed.
 * Before, undoing the first of two imports into one inspection took the second's values with
 * it (the inspection's measurements go with it, ON DELETE CASCADE) while the second stayed
 * "committed"; a value changed since was put back to what it was before the first; and a
 * batch whose new branches others used failed as an internal error.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { importFile, withSampleLibrary } from './helpers';
import { writeWorkbook } from './workbooks';

const HEADER = ['区域编码', '网点编码', '网点名称', '统计周期', '指标编码', '实测值'];

const measurementsWorkbook = (rows: (string | number)[][], name: string) =>
  writeWorkbook([{ name: '检查', rows: [HEADER, ...rows] }], name);

const everything = (wb: TestWorkbench) => {
  const all = (table: string) => wb.db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  return {
    regions: all('regions'),
    branches: all('branches'),
    inspections: all('inspections'),
    measurements: all('measurements'),
  };
};

async function imported(wb: TestWorkbench, rows: (string | number)[][], name: string): Promise<string> {
  const r = await importFile(wb, await measurementsWorkbook(rows, name));
  expect(r.outcome).toBe('imported');
  return r.batchId!;
}

async function refusal(wb: TestWorkbench, id: string): Promise<AppError> {
  const e = await wb.dispatch('imports:undo', { id }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('undoing an import that later work built on', () => {
  let wb: TestWorkbench;
  afterEach(() => wb?.close());

  it('refuses while a later import added values to an inspection it created, and undoes in reverse order', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const start = everything(wb);
    const first = await imported(
      wb,
      [['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', 'CS-FCR', 80]],
      'a.xlsx',
    );
    const second = await imported(
      wb,
      [['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', 'CS-SAT', 90]],
      'b.xlsx',
    );
    const both = everything(wb);
    expect(both.measurements).toHaveLength(start.measurements.length + 2);

    const e = await refusal(wb, first);
    expect(e).toMatchObject({ kind: 'conflict', key: 'batchInUse', field: 'id' });
    expect(e.localized('en')).toBe(
      `import batch ${first} (a.xlsx) cannot be undone: its rows were used or changed since, by b.xlsx. Undo those imports first, or keep this batch; nothing changed`,
    );
    expect(e.localized('zh')).toContain('此后被以下导入或编辑使用或修改：b.xlsx');
    expect(everything(wb)).toEqual(both);

    await wb.dispatch('imports:undo', { id: second });
    await wb.dispatch('imports:undo', { id: first });
    expect(everything(wb)).toEqual(start);
  });

  it('refuses while a later import used a branch it created, instead of failing on the foreign key', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const created = await imported(
      wb,
      [['EAST', 'EAST-101', '上海临港营业厅', '2026-11', 'CS-FCR', 80]],
      'new.xlsx',
    );
    expect(wb.db.prepare("SELECT batch_id FROM branches WHERE code = 'EAST-101'").pluck().get()).toBe(
      created,
    );
    // The later import names the new branch on a measurement the first did not hold.
    const later = await imported(
      wb,
      [['EAST', 'EAST-101', '上海临港营业厅', '2026-12', 'CS-FCR', 82]],
      'dec.xlsx',
    );
    expect((await refusal(wb, created)).localized('zh')).toContain('：dec.xlsx。请先撤销这些导入');
    await wb.dispatch('imports:undo', { id: later });
    await wb.dispatch('imports:undo', { id: created });
    expect(wb.db.prepare("SELECT count(*) FROM branches WHERE code = 'EAST-101'").pluck().get()).toBe(0);
  });

  it('refuses while a value it wrote was changed since, by a later import or by hand', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const row = ['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', 'CS-FCR'];
    const first = await imported(wb, [[...row, 70]], 'first.xlsx');
    const second = await imported(wb, [[...row, 88]], 'second.xlsx');
    expect((await refusal(wb, first)).localized('en')).toContain('by second.xlsx.');
    const value = () =>
      wb.db
        .prepare("SELECT value FROM measurements WHERE standard_code = 'CS-FCR' AND batch_id IS ?")
        .pluck();
    expect(value().get(first)).toBe(88);

    await wb.dispatch('imports:undo', { id: second });
    expect(value().get(first)).toBe(70);
    const m = (await wb.dispatch('measurements:list', { period: '2026-11' })) as Output<'measurements:list'>;
    await wb.dispatch('measurements:upsert', {
      inspectionId: m.rows[0]!.inspectionId,
      standardCode: 'CS-FCR',
      value: 75,
    });
    const byHand = await refusal(wb, first);
    expect(byHand.key).toBe('batchEditedByHand');
    // Named: "edited by hand" alone read as if a value had been, whatever held the batch.
    expect(byHand.localized('en')).toContain(
      'records entered or edited by hand since use its rows (measurement EAST-001/2026-11/Self-assessment/CS-FCR)',
    );
    expect(byHand.localized('zh')).toContain(
      '此后手工录入或修改的记录用到了它写入的数据（测量值 EAST-001/2026-11/自评/CS-FCR）',
    );
    // With a later import as well, both are named.
    const third = await imported(
      wb,
      [['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', 'CS-SAT', 91]],
      'third.xlsx',
    );
    expect((await refusal(wb, first)).localized('en')).toMatch(
      /by (third\.xlsx, edits made by hand|edits made by hand, third\.xlsx)\./,
    );
    await wb.dispatch('imports:undo', { id: third });
    expect(value().get(first)).toBe(75);
  });

  it('names an action raised from one of its findings as what holds it', async () => {
    wb = testWorkbench();
    await withSampleLibrary(wb);
    const batch = await imported(
      wb,
      [['EAST', 'EAST-001', '上海浦东营业厅', '2026-11', 'CS-FCR', 70]],
      'nov.xlsx',
    );
    const m = (await wb.dispatch('measurements:list', { period: '2026-11' })) as Output<'measurements:list'>;
    await wb.dispatch('actions:create', {
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      measurementId: m.rows[0]!.id,
      action: '增加高峰时段值守人员',
      department: '客户服务部',
      owner: '黄强',
      dueDate: '2026-12-15',
    });
    const held = await refusal(wb, batch);
    expect(held.key).toBe('batchEditedByHand');
    expect(held.localized('zh')).toContain('（整改措施 EAST-001/CS-FCR/增加高峰时段值守人员）');
  });
});
