/**
 * Exchange workbooks (exchange-format.md): export a database, import it into an empty one,
 * export again: the same rows and identical sheets. Merging by id: the newer `updated_at`
 * wins, the older is kept and counted, equal timestamps with different content are listed
 * as conflicts, a code taken by another id is rejected with why; the merge is one batch.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Output } from '../../../shared/contract';
import { EXCHANGE_TABLES } from '../../../main/repositories/export-exchange';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';
import { readWorkbook, sampleWorkbench, sheetValues, tableDump } from './read';

type Report = Output<'exchange:import'>;
const importExchange = async (wb: TestWorkbench, file: string) =>
  (await wb.dispatch('exchange:import', { path: file })) as Report;

/** Every sheet's cells, but the two `_meta` lines that name the installation and moment. */
async function workbookCells(file: string): Promise<Record<string, unknown[][]>> {
  const book = await readWorkbook(file);
  return Object.fromEntries(
    book.worksheets.map((ws) => [
      ws.name,
      sheetValues(ws).filter(
        (r) => !(ws.name === '_meta' && ['source_installation', 'exported_at'].includes(String(r[0]))),
      ),
    ]),
  );
}

describe('round trip: export, import into an empty database, export again', () => {
  let source: Awaited<ReturnType<typeof sampleWorkbench>>;
  let copy: TestWorkbench;
  let first: string;
  let report: Report;

  beforeAll(async () => {
    source = await sampleWorkbench();
    const plan = (await source.dispatch('plans:generate', {
      scope: { type: 'region', code: 'EAST' },
      period: '2026-10',
    })) as Output<'plans:generate'>;
    await source.dispatch('plans:advance', { id: plan.id, to: 'do' }).catch(() => undefined);
    const review = (await source.dispatch('reviews:create', {
      scope: { type: 'region', code: 'EAST' },
      period: '2026-10',
    })) as Output<'reviews:create'>;
    await source.dispatch('reviews:update', {
      id: review.id,
      decisions: '第四季度重点整改掉话率；\n"引号"与 <尖括号> & 换行',
    });
    first = source.out('exchange.xlsx');
    await source.dispatch('export:run', { kind: 'exchange', path: first });
    copy = testWorkbench();
    report = await importExchange(copy, first);
  });
  afterAll(() => {
    source.close();
    copy.close();
  });

  it('inserts every row and reports nothing else', () => {
    const total = EXCHANGE_TABLES.reduce(
      (n, t) => n + (source.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number),
      0,
    );
    expect(report).toMatchObject({
      inserted: total,
      updated: 0,
      unchanged: 0,
      keptLocal: 0,
      conflicts: [],
      rejected: [],
    });
    expect(total).toBeGreaterThan(300);
  });

  it('gives the same data, ids and timestamps included', () => {
    expect(tableDump(copy, EXCHANGE_TABLES)).toEqual(tableDump(source, EXCHANGE_TABLES));
  });

  it('carries text longer than an Excel cell holds (the plan content) through _continued', async () => {
    const continued = sheetValues((await readWorkbook(first)).getWorksheet('_continued')!);
    expect(continued.length).toBeGreaterThan(1);
    const content = copy.db.prepare('SELECT content_json FROM plans').pluck().get() as string;
    expect(content.length).toBeGreaterThan(32_000);
  });

  it('exports the copy to the identical workbook', async () => {
    const second = copy.dir + '/again.xlsx';
    await copy.dispatch('export:run', { kind: 'exchange', path: second });
    expect(await workbookCells(second)).toEqual(await workbookCells(first));
  });

  it('is one undoable batch, and importing it again changes nothing', async () => {
    const again = await importExchange(copy, first);
    expect(again).toMatchObject({ inserted: 0, updated: 0, keptLocal: 0, conflicts: [], rejected: [] });
    expect(again.unchanged).toBe(report.inserted);
    await copy.dispatch('imports:undo', { id: report.batchId });
    for (const t of EXCHANGE_TABLES)
      expect(copy.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });
});

describe('merging by id', () => {
  let region: TestWorkbench;
  let branch: TestWorkbench;
  const when = (wb: TestWorkbench, iso: string) => wb.setNow(iso);
  const branchId = (wb: TestWorkbench, code: string) =>
    wb.db.prepare('SELECT id FROM branches WHERE code = ?').pluck().get(code) as string;

  beforeAll(async () => {
    region = testWorkbench();
    await withOrganisation(region);
    await region.dispatch('branches:create', {
      code: 'EAST-003',
      name: '上海静安营业厅',
      regionCode: 'EAST',
    });
    const file = region.dir + '/base.xlsx';
    await region.dispatch('export:run', { kind: 'exchange', path: file });
    branch = testWorkbench();
    await importExchange(branch, file);
  });
  afterAll(() => {
    region.close();
    branch.close();
  });

  it('takes the newer row, keeps ours when it is newer, and lists same-instant edits as conflicts', async () => {
    // The branch office renames EAST-001 later than the region does; the region renames EAST-002 later.
    when(region, '2026-11-03T09:00:00.000Z');
    await region.dispatch('branches:update', {
      id: branchId(region, 'EAST-001'),
      name: '浦东旗舰厅（区域）',
    });
    when(branch, '2026-11-03T10:00:00.000Z');
    await branch.dispatch('branches:update', {
      id: branchId(branch, 'EAST-001'),
      name: '浦东旗舰厅（网点）',
    });
    when(branch, '2026-11-03T09:00:00.000Z');
    await branch.dispatch('branches:update', { id: branchId(branch, 'EAST-002'), name: '徐汇厅（网点）' });
    when(region, '2026-11-03T10:00:00.000Z');
    await region.dispatch('branches:update', { id: branchId(region, 'EAST-002'), name: '徐汇厅（区域）' });
    // Both change EAST-003 at the same instant, differently.
    when(region, '2026-11-03T11:00:00.000Z');
    when(branch, '2026-11-03T11:00:00.000Z');
    await region.dispatch('branches:update', { id: branchId(region, 'EAST-003'), name: '静安（区域）' });
    await branch.dispatch('branches:update', { id: branchId(branch, 'EAST-003'), name: '静安（网点）' });

    const file = region.dir + '/changes.xlsx';
    await region.dispatch('export:run', { kind: 'exchange', path: file });
    const report = await importExchange(branch, file);

    expect(report.updated).toBe(1); // EAST-002: the region's is newer
    expect(report.keptLocal).toBe(1); // EAST-001: ours is newer
    expect(report.conflicts).toEqual([
      {
        table: 'branches',
        id: branchId(branch, 'EAST-003'),
        key: 'EAST-003',
        fields: [{ field: 'name', local: '静安（网点）', incoming: '静安（区域）' }],
      },
    ]);
    const name = (code: string) =>
      branch.db.prepare('SELECT name FROM branches WHERE code = ?').pluck().get(code);
    expect(name('EAST-001')).toBe('浦东旗舰厅（网点）');
    expect(name('EAST-002')).toBe('徐汇厅（区域）');
    expect(name('EAST-003')).toBe('静安（网点）');
    // The audit trail has the merge's update, under its batch.
    const audited = branch.db
      .prepare("SELECT count(*) FROM audit_log WHERE batch_id = ? AND action = 'update'")
      .pluck()
      .get(report.batchId);
    expect(audited).toBe(1);
  });

  it('rejects, with the reason, a row whose key another row holds; all or nothing unless asked', async () => {
    // Here EAST-001's region and name belong to another code: the two cannot be one branch.
    const other = testWorkbench();
    await other.dispatch('regions:create', { code: 'EAST', name: '华东区' });
    await other.dispatch('branches:create', { code: 'EAST-900', name: '上海浦东营业厅', regionCode: 'EAST' });
    const counts = () =>
      EXCHANGE_TABLES.map((t) => other.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number);
    const before = counts();
    const report = await importExchange(other, region.dir + '/base.xlsx');
    expect(report.applied).toBe(false);
    expect(report.rejected).toEqual([
      expect.objectContaining({
        table: 'branches',
        key: 'EAST-001',
        reason: {
          en: expect.stringMatching(/^region_id \+ name already used by another row here \(\S+\)$/),
          zh: expect.stringMatching(/^region_id \+ name 已被本库的另一行使用（\S+）$/),
        },
      }),
    ]);
    expect(counts()).toEqual(before);
    // Asked to keep what can be merged: everything but that branch (and what hangs on it).
    const kept = (await other.dispatch('exchange:import', {
      path: region.dir + '/base.xlsx',
      skipInvalid: true,
    })) as Report;
    expect(kept.applied).toBe(true);
    expect(kept.rejected.map((r) => r.key)).toEqual(['EAST-001']);
    expect(other.db.prepare('SELECT count(*) FROM standards').pluck().get()).toBeGreaterThan(0);
    other.close();
  });
});

describe('consolidating installations that each set themselves up', () => {
  // A branch office and its region each seeded the library and imported the same branch list:
  // the same standards, regions and branches under ids of their own.
  let region: Awaited<ReturnType<typeof sampleWorkbench>>;
  let office: Awaited<ReturnType<typeof sampleWorkbench>>;
  let file: string;
  const count = (wb: TestWorkbench, sql: string) => wb.db.prepare(sql).pluck().get() as number;

  beforeAll(async () => {
    region = await sampleWorkbench();
    office = await sampleWorkbench();
    office.setNow('2026-12-01T08:00:00.000Z');
    await office.dispatch('measurements:upsert', {
      inspectionId: office.db
        .prepare(
          "SELECT i.id FROM inspections i JOIN branches b ON b.id = i.branch_id WHERE b.code = 'EAST-001' AND i.period = '2026-10'",
        )
        .pluck()
        .get(),
      standardCode: 'CS-SAT',
      value: 70,
    });
    file = office.out('east.xlsx');
    await office.dispatch('export:run', { kind: 'exchange', path: file, filters: { scope: 'EAST' } });
  });
  afterAll(() => {
    region.close();
    office.close();
  });

  it('merges rows held under other ids as those rows, and points what refers to them there', async () => {
    const tables = ['regions', 'branches', 'standards', 'inspections', 'measurements'];
    const before = tables.map((t) => count(region, `SELECT count(*) FROM ${t}`));
    const report = await importExchange(region, file);
    expect(report.rejected).toEqual([]);
    expect(report.applied).toBe(true);
    expect(report.matchedByKey).toBeGreaterThan(50);
    // No second region, branch, standard or inspection: the office's rows are the region's own.
    expect(tables.map((t) => count(region, `SELECT count(*) FROM ${t}`))).toEqual(before);
    // The office's later value arrived, on the region's row, judged by the region's standard.
    const sat = region.db
      .prepare(
        `SELECT m.value, m.verdict, i.id AS inspection FROM measurements m JOIN inspections i ON i.id = m.inspection_id
         JOIN branches b ON b.id = i.branch_id WHERE b.code = 'EAST-001' AND i.period = '2026-10' AND m.standard_code = 'CS-SAT'`,
      )
      .get() as { value: number; verdict: string; inspection: string };
    expect(sat.value).toBe(70);
    expect(sat.verdict).toBe('fail');
    expect(report.updated).toBe(1);
    expect(
      count(
        region,
        'SELECT count(*) FROM measurements WHERE inspection_id NOT IN (SELECT id FROM inspections)',
      ),
    ).toBe(0);
  });

  it('judges a measurement again instead of trusting the verdict written beside it', async () => {
    const book = await readWorkbook(file);
    const sheet = book.getWorksheet('measurements')!;
    const header = sheetValues(sheet)[0]!;
    const row = sheet.getRow(2);
    const code = String(row.getCell(header.indexOf('standard_code') + 1).value);
    const standard = region.db
      .prepare('SELECT direction, target FROM standards WHERE code = ? ORDER BY version DESC')
      .get(code) as { direction: string; target: number };
    // A value far on the good side of its target, with the file still saying it failed.
    const good = standard.direction === 'higher' ? standard.target * 2 : 0;
    row.getCell(header.indexOf('value') + 1).value = good;
    row.getCell(header.indexOf('verdict') + 1).value = 'fail';
    row.getCell(header.indexOf('updated_at') + 1).value = '2027-01-01T00:00:00.000Z';
    const corrected = office.out('corrected.xlsx');
    await book.xlsx.writeFile(corrected);
    const report = await importExchange(region, corrected);
    expect(report.updated).toBe(1);
    const stored = region.db
      .prepare("SELECT value, verdict FROM measurements WHERE updated_at = '2027-01-01T00:00:00.000Z'")
      .get() as { value: number; verdict: string };
    expect(stored).toEqual({ value: good, verdict: 'pass' });
  });

  it('rejects, not crashes on, text in a number column and a plan cut short, writing nothing', async () => {
    await office.dispatch('plans:generate', { scope: { type: 'region', code: 'EAST' }, period: '2026-10' });
    const full = office.out('with-plan.xlsx');
    await office.dispatch('export:run', { kind: 'exchange', path: full, filters: { scope: 'EAST' } });
    const book = await readWorkbook(full);
    // The hidden sheet with the rest of the plan's content, deleted as people delete hidden sheets.
    book.removeWorksheet(book.getWorksheet('_continued')!.id);
    const sheet = book.getWorksheet('measurements')!;
    const header = sheetValues(sheet)[0]!;
    sheet.getRow(2).getCell(header.indexOf('value') + 1).value = '98,5';
    sheet.getRow(2).getCell(header.indexOf('updated_at') + 1).value = '2028-01-01T00:00:00.000Z';
    const damaged = office.out('damaged.xlsx');
    await book.xlsx.writeFile(damaged);
    const plans = count(region, 'SELECT count(*) FROM plans');
    const report = await importExchange(region, damaged);
    expect(report.applied).toBe(false);
    expect(report.rejected.map((r) => [r.table, r.reason])).toEqual([
      [
        'measurements',
        { en: 'the value column takes a number, not text', zh: 'value 列应填数字，不能填文本' },
      ],
      [
        'plans',
        {
          en: 'content_json is cut short or damaged (32000 characters); was the hidden _continued sheet removed?',
          zh: 'content_json 被截断或已损坏（32000 个字符）；隐藏工作表 _continued 是否被删除了？',
        },
      ],
    ]);
    expect(count(region, 'SELECT count(*) FROM plans')).toBe(plans);
    expect(count(region, "SELECT count(*) FROM measurements WHERE updated_at LIKE '2028%'")).toBe(0);
  });
});

describe('a scope, and files it must refuse', () => {
  it('exports a region with its branches and data, and all standards; it imports into an empty database', async () => {
    const source = await sampleWorkbench();
    const file = source.out('south.xlsx');
    await source.dispatch('export:run', { kind: 'exchange', path: file, filters: { scope: 'SOUTH' } });
    const book = await readWorkbook(file);
    const branches = sheetValues(book.getWorksheet('branches')!);
    const code = branches[0]!.indexOf('code');
    expect(branches.slice(1).map((r) => String(r[code]).split('-')[0])).toEqual(
      expect.arrayContaining(['SOUTH']),
    );
    expect(branches.slice(1).every((r) => String(r[code]).startsWith('SOUTH-'))).toBe(true);
    expect(sheetValues(book.getWorksheet('standards')!).length - 1).toBe(
      source.db.prepare('SELECT count(*) FROM standards').pluck().get(),
    );
    const copy = testWorkbench();
    const report = await importExchange(copy, file);
    expect(report.rejected).toEqual([]);
    expect(copy.db.prepare('SELECT count(*) FROM actions').pluck().get()).toBe(
      source.db
        .prepare(
          "SELECT count(*) FROM actions a JOIN branches b ON b.id = a.branch_id WHERE b.code LIKE 'SOUTH-%'",
        )
        .pluck()
        .get(),
    );
    source.close();
    copy.close();
  });

  it('refuses a newer format version and a workbook without _meta, writing nothing', async () => {
    const wb = testWorkbench();
    const newer = wb.dir + '/newer.xlsx';
    const book = new ExcelJS.Workbook();
    book.addWorksheet('_meta').addRows([
      ['key', 'value'],
      ['format_version', 99],
    ]);
    await book.xlsx.writeFile(newer);
    await expect(importExchange(wb, newer)).rejects.toMatchObject({ kind: 'unsupported' });
    const plain = wb.dir + '/plain.xlsx';
    const other = new ExcelJS.Workbook();
    other.addWorksheet('网点').addRow(['网点编码']);
    await other.xlsx.writeFile(plain);
    await expect(importExchange(wb, plain)).rejects.toThrow(/no _meta sheet/);
    expect(wb.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    expect(fs.existsSync(newer)).toBe(true);
    wb.close();
  });
});
