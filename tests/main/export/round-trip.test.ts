/**
 * Exports come back in through the importer (imports:run) with no mapping step: the samples
 * imported, every importable kind exported as people receive it (.xlsx, Chinese labels),
 * imported into an empty database and exported again gives the same rows and values (ids
 * and timestamps aside). Fill-in templates completed by a person (openpyxl, as a script
 * would type into Excel) import cleanly, also after LibreOffice re-saves them; a value
 * outside a dropdown list is reported and not stored. Plans and reviews have no importable
 * sheet kind: they travel in exchange workbooks (exchange.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { SAMPLES, testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { exportRun, python, readCsv } from './read';

type Report = Output<'imports:run'>;
const importFile = async (wb: TestWorkbench, file: string, options: { skipInvalid?: boolean } = {}) =>
  (await wb.dispatch('imports:run', { path: file, ...options })) as Report;

const SAMPLE_FILES = [
  'standards.xlsx',
  'branches.xlsx',
  'east-2026-10-wide.xlsx',
  'north-2026-q3-long.xlsx',
  'south-actions.xlsx',
];
/** Parents first, as a region would send them to a new installation. */
const KINDS = ['standards', 'branches', 'measurements', 'actions'] as const;

let source: TestWorkbench;
beforeAll(async () => {
  source = testWorkbench();
  for (const f of SAMPLE_FILES) {
    const r = await importFile(source, path.join(SAMPLES, f));
    expect(r.outcome, f).toBe('imported');
  }
});
afterAll(() => source.close());

/** Canonical .csv of a kind, minus the columns that are this installation's own. */
async function canonical(wb: TestWorkbench, kind: string): Promise<string[][]> {
  const file = path.join(wb.dir, `${kind}-${Date.now()}.csv`);
  await wb.dispatch('export:run', { kind, path: file });
  const rows = readCsv(file);
  const drop = rows[0]!.map((h, i) => (h === 'id' ? i : -1)).filter((i) => i >= 0);
  return rows.map((r) => r.filter((_, i) => !drop.includes(i)));
}

describe('export, import into an empty database, export again', () => {
  let copy: TestWorkbench;
  const reports: Record<string, Report> = {};

  beforeAll(async () => {
    copy = testWorkbench();
    for (const kind of KINDS) {
      const file = path.join(source.dir, `${kind}.xlsx`);
      await source.dispatch('export:run', { kind, path: file });
      reports[kind] = await importFile(copy, file);
    }
  });
  afterAll(() => copy.close());

  it.each(KINDS)('%s: the exported workbook imports with no mapping and no errors', (kind) => {
    const r = reports[kind]!;
    expect(r.outcome).toBe('imported');
    expect(r.errorCount).toBe(0);
    expect(r.sheets[0]!.kind).toBe(kind);
    expect(r.written).toBe(
      source.db
        .prepare(`SELECT count(*) FROM ${kind === 'standards' ? 'standards' : kind}`)
        .pluck()
        .get(),
    );
  });

  it.each(KINDS)('%s: exported again, the same rows and values', async (kind) => {
    const before = await canonical(source, kind);
    const after = await canonical(copy, kind);
    expect(after.length).toBeGreaterThan(1);
    expect(after).toEqual(before);
  });
});

/** Fills cells of a workbook's first sheet with openpyxl: {row: {column letter: value}}. */
function fillIn(file: string, out: string, cells: Record<number, Record<string, string | number>>): void {
  python(
    `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
for row, values in json.loads(sys.argv[3]).items():
    for col, v in values.items():
        ws[f'{col}{row}'] = v
wb.save(sys.argv[2])
print('{}')
`,
    file,
    out,
    JSON.stringify(cells),
  );
}

describe('fill-in templates', () => {
  it('a wide measurement template filled in by a person imports with no mapping, also re-saved by LibreOffice', async () => {
    const template = path.join(source.dir, 'east-2026-11.xlsx');
    const outcome = await exportRun(source, {
      kind: 'template-measurements',
      path: template,
      filters: { scope: 'EAST', period: '2026-11' },
    });
    // Rows 3.. are the pre-filled branches; F.. the standards. Two values per branch.
    const cells: Record<number, Record<string, number>> = {};
    for (let i = 0; i < outcome.rows; i++) cells[3 + i] = { F: 95 + i / 10, H: 0.5 };
    const filled = path.join(source.dir, 'east-2026-11-filled.xlsx');
    fillIn(template, filled, cells);

    const fresh = testWorkbench();
    for (const f of ['standards.xlsx', 'branches.xlsx']) await importFile(fresh, path.join(SAMPLES, f));
    const r = await importFile(fresh, filled);
    expect(r.errorCount).toBe(0);
    expect(r.outcome).toBe('imported');
    expect(r.sheets[0]).toMatchObject({ kind: 'measurements', layout: 'wide', period: '2026-11' });
    expect(r.written).toBe(outcome.rows * 2);
    expect(fresh.db.prepare("SELECT count(*) FROM inspections WHERE period = '2026-11'").pluck().get()).toBe(
      outcome.rows,
    );

    const loDir = path.join(source.dir, 'lo');
    const saved = convertWithLibreOffice(filled, {
      outDir: loDir,
      to: 'xlsx',
      profile: path.join(loDir, 'profile'),
    });
    const again = testWorkbench();
    for (const f of ['standards.xlsx', 'branches.xlsx']) await importFile(again, path.join(SAMPLES, f));
    const r2 = await importFile(again, saved);
    expect(r2).toMatchObject({ outcome: 'imported', errorCount: 0, written: outcome.rows * 2 });
    fresh.close();
    again.close();
  }, 120_000);

  it('standards and branches templates filled in with values from their dropdowns import cleanly', async () => {
    const fresh = testWorkbench();
    const standards = path.join(fresh.dir, 'standards-template.xlsx');
    const branches = path.join(fresh.dir, 'branches-template.xlsx');
    await exportRun(source, { kind: 'template-standards', path: standards });
    await exportRun(source, { kind: 'template-branches', path: branches });
    const lists = python<Record<string, string[]>>(
      `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['_lists']
print(json.dumps({str(ws.cell(1, c).value): [r[0].value for r in ws.iter_rows(min_row=2, min_col=c, max_col=c) if r[0].value] for c in range(1, ws.max_column + 1)}, ensure_ascii=False))
`,
      standards,
    );
    const filledStandards = path.join(fresh.dir, 'standards-filled.xlsx');
    fillIn(standards, filledStandards, {
      2: {
        A: 'NET-5GC',
        B: '5G覆盖率',
        C: '5G coverage',
        D: lists['维度']![0]!,
        E: '%',
        F: lists['方向']![0]!,
        G: 95,
        H: 90,
        I: 2,
        K: lists['来源']![0]!,
        L: '2026-01-01',
      },
    });
    const filledBranches = path.join(fresh.dir, 'branches-filled.xlsx');
    fillIn(branches, filledBranches, { 2: { A: 'WEST', B: '西部区', C: 'WEST-101', D: '成都天府营业厅' } });
    const s = await importFile(fresh, filledStandards);
    expect(s).toMatchObject({ outcome: 'imported', errorCount: 0, written: 1 });
    expect(
      fresh.db.prepare("SELECT dimension, direction, weight FROM standards WHERE code = 'NET-5GC'").get(),
    ).toEqual({
      dimension: 'NET',
      direction: 'higher',
      weight: 2,
    });
    const b = await importFile(fresh, filledBranches);
    expect(b).toMatchObject({ outcome: 'imported', errorCount: 0 });
    expect(fresh.db.prepare("SELECT name FROM branches WHERE code = 'WEST-101'").pluck().get()).toBe(
      '成都天府营业厅',
    );
    fresh.close();
  });

  it('an actions template: a status outside the dropdown is reported with its row, and not stored', async () => {
    const template = path.join(source.dir, 'actions-template.xlsx');
    await source.dispatch('export:run', {
      kind: 'template-actions',
      path: template,
      filters: { scope: 'SOUTH' },
    });
    const filled = path.join(source.dir, 'actions-filled.xlsx');
    const row = (status: string, action: string) => ({
      A: 'SOUTH-003',
      B: 'NET-BBS',
      C: '宽带速率不达标',
      D: '流程',
      E: '高峰时段人手不足',
      F: action,
      G: '客户服务部',
      H: '黄强',
      I: '2026-12-31',
      J: status,
    });
    fillIn(template, filled, { 2: row('进行中', '增加高峰值守'), 3: row('搁置', '调整排班') });

    const all = await importFile(source, filled);
    expect(all.outcome).toBe('rejected');
    expect(all.sheets[0]!.errors).toEqual([
      expect.objectContaining({ row: 3, header: '状态', value: '搁置' }),
    ]);
    const count = () =>
      source.db
        .prepare("SELECT count(*) FROM actions WHERE action IN ('增加高峰值守', '调整排班')")
        .pluck()
        .get();
    expect(count()).toBe(0);

    const some = await importFile(source, filled, { skipInvalid: true });
    expect(some).toMatchObject({ outcome: 'imported', written: 1, errorCount: 1 });
    expect(source.db.prepare("SELECT status FROM actions WHERE action = '增加高峰值守'").pluck().get()).toBe(
      'in_progress',
    );
    expect(source.db.prepare("SELECT count(*) FROM actions WHERE action = '调整排班'").pluck().get()).toBe(0);
    expect(fs.existsSync(filled)).toBe(true);
  });
});
