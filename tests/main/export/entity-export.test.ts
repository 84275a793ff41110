/**
 * Entity exports from the shared samples: the styled .xlsx a quality department sends (labels,
 * frozen bold header, filter, widths, unit formats, real dates, verdict colours, legend), the
 * same rows as the grid under its filters and sort, and .csv / `--headers keys` with
 * canonical values that agree with the workbook cell for cell.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/contract';
import { ENTITY_KINDS } from '../../../shared/contracts/export';
import { writeAtomically } from '../../../main/platform/atomic-write';
import { displayWidth } from '../../../main/export/xlsx-writer';
import { exportRun, readCsv, readWorkbook, sampleWorkbench, sheetValues } from './read';

let wb: Awaited<ReturnType<typeof sampleWorkbench>>;

beforeAll(async () => {
  wb = await sampleWorkbench();
  await wb.dispatch('plans:generate', { scope: { type: 'region', code: 'EAST' }, period: '2026-10' });
  await wb.dispatch('reviews:create', { scope: { type: 'region', code: 'EAST' }, period: '2026-10' });
});
afterAll(() => wb.close());

const VERDICT_FILL = { 达标: 'FFC6EFCE', 预警: 'FFFFEB9C', 不达标: 'FFFFC7CE' } as const;

describe('measurements .xlsx, as regions receive it', () => {
  let file: string;
  beforeAll(async () => {
    file = wb.out('measurements.xlsx');
    await wb.dispatch('export:run', { kind: 'measurements', path: file });
  });

  it('has a bold, frozen, filtered header row in Chinese and CJK-aware column widths', async () => {
    const book = await readWorkbook(file);
    const ws = book.getWorksheet('测量值')!;
    const header = sheetValues(ws)[0]!;
    expect(header.slice(0, 9)).toEqual([
      '区域编码',
      '区域',
      '网点编码',
      '网点名称',
      '期间',
      '指标编码',
      '指标名称',
      '单位',
      '实测值',
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe(`A1:R${ws.rowCount}`);
    // 上海浦东营业厅 is 7 characters but 14 columns wide on screen.
    const names = sheetValues(ws)
      .slice(1)
      .map((r) => String(r[3]));
    const widest = Math.max(...names.map(displayWidth));
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual(widest);
  });

  it('writes numbers in their unit format, real dates, and colours each verdict', async () => {
    const ws = (await readWorkbook(file)).getWorksheet('测量值')!;
    const rows = sheetValues(ws).slice(1);
    expect(rows.length).toBe(wb.db.prepare('SELECT count(*) AS n FROM measurements').pluck().get());
    const seen = new Set<string>();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const unit = String(row.getCell(8).value);
      const value = row.getCell(9);
      expect(typeof value.value).toBe('number');
      expect(value.numFmt).toBe(unit === '%' || unit === '‱' ? `0.00"${unit}"` : '0.00');
      expect(row.getCell(14).numFmt).toBe('0.0%');
      const verdict = String(row.getCell(12).value) as keyof typeof VERDICT_FILL;
      seen.add(verdict);
      expect((row.getCell(12).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(
        VERDICT_FILL[verdict],
      );
      const inspected = row.getCell(17);
      expect(inspected.value).toBeInstanceOf(Date);
      expect(inspected.numFmt).toBe('yyyy-mm-dd');
    });
    expect([...seen].sort()).toEqual(Object.keys(VERDICT_FILL).sort());
  });

  it('has a legend of the verdict colours and what the sheet holds', async () => {
    const ws = (await readWorkbook(file)).getWorksheet('图例')!;
    const rows = sheetValues(ws);
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(['达标', '预警', '不达标']);
    for (let r = 2; r <= 4; r++) {
      const label = String(ws.getRow(r).getCell(1).value) as keyof typeof VERDICT_FILL;
      expect((ws.getRow(r).getCell(1).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe(
        VERDICT_FILL[label],
      );
    }
    expect(rows.find((r) => r[0] === '行数')?.[1]).toBe(
      sheetValues((await readWorkbook(file)).getWorksheet('测量值')!).length - 1,
    );
  });
});

describe('what the grid shows', () => {
  it('exports the rows measurements:list returns for the same filters, in the same order', async () => {
    const filters = { scope: 'EAST', period: '2026-10', sort: [{ field: 'value', dir: 'desc' as const }] };
    const file = wb.out('east-by-value.csv');
    const outcome = await exportRun(wb, { kind: 'measurements', path: file, filters });
    const grid = (await wb.dispatch('measurements:list', {
      regionCode: 'EAST',
      period: '2026-10',
      sort: filters.sort,
      limit: 5000,
    })) as Output<'measurements:list'>;
    const [header, ...rows] = readCsv(file);
    expect(outcome.rows).toBe(grid.total);
    expect(grid.total).toBeGreaterThan(0);
    const col = (k: string) => header!.indexOf(k);
    expect(
      rows.map((r) => [r[col('branch_code')], r[col('standard_code')], Number(r[col('value')])]),
    ).toEqual(grid.rows.map((m) => [m.branchCode, m.standardCode, m.value]));
  });

  it('takes a period range and a verdict, and only those rows', async () => {
    const file = wb.out('range.csv');
    await wb.dispatch('export:run', {
      kind: 'measurements',
      path: file,
      filters: { periodFrom: '2026-08', periodTo: '2026-10', verdict: 'fail' },
    });
    const [header, ...rows] = readCsv(file);
    const expected = wb.db
      .prepare(
        `SELECT count(*) FROM measurements m JOIN inspections i ON i.id = m.inspection_id
          WHERE i.period BETWEEN '2026-08' AND '2026-10' AND m.verdict = 'fail'`,
      )
      .pluck()
      .get();
    expect(rows.length).toBe(expected);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r[header!.indexOf('verdict')]).toBe('fail');
      expect(r[header!.indexOf('period')]! >= '2026-08' && r[header!.indexOf('period')]! <= '2026-10').toBe(
        true,
      );
    }
  });
  it('keeps a range with an open end to periods of its own kind', async () => {
    // The samples hold months; a quarter's inspection is added. As text '2026-Q3' sorts after
    // '2026-08', and '2027-01' after '2026-Q3'.
    const own = await sampleWorkbench();
    try {
      const list = async (filters: object) =>
        (await own.dispatch('measurements:list', { ...filters, limit: 5000 })) as Output<'measurements:list'>;
      const some = (await list({})).rows[0]!;
      const quarter = (await own.dispatch('inspections:create', {
        branchCode: some.branchCode,
        period: '2026-Q3',
      })) as Output<'inspections:create'>;
      await own.dispatch('measurements:upsert', {
        inspectionId: quarter.id,
        standardCode: some.standardCode,
        value: some.value,
      });
      const periods = async (filters: object) => new Set((await list(filters)).rows.map((m) => m.period));
      expect(await periods({})).toEqual(new Set(['2026-07', '2026-08', '2026-09', '2026-10', '2026-Q3']));
      expect(await periods({ periodFrom: '2026-08' })).toEqual(new Set(['2026-08', '2026-09', '2026-10']));
      expect(await periods({ periodTo: '2026-12' })).toEqual(
        new Set(['2026-07', '2026-08', '2026-09', '2026-10']),
      );
      expect(await periods({ periodFrom: '2026-Q1' })).toEqual(new Set(['2026-Q3']));
      const file = own.out('open-range.csv');
      await exportRun(own, { kind: 'measurements', path: file, filters: { periodTo: '2026-Q4' } });
      const [header, ...rows] = readCsv(file);
      expect(rows.map((r) => r[header!.indexOf('period')])).toEqual(['2026-Q3']);
    } finally {
      own.close();
    }
  });
  it('takes the actions grid filters (overdue, status) and the standards grid filters (dimension, search)', async () => {
    const actionsFile = wb.out('overdue.csv');
    await exportRun(wb, { kind: 'actions', path: actionsFile, filters: { overdue: false, status: 'open' } });
    const grid = (await wb.dispatch('actions:list', {
      overdue: false,
      status: 'open',
      limit: 5000,
    })) as Output<'actions:list'>;
    const [aHeader, ...actions] = readCsv(actionsFile);
    expect(grid.total).toBeGreaterThan(0);
    expect(actions.map((r) => r[aHeader!.indexOf('id')])).toEqual(grid.rows.map((a) => a.id));

    const standardsFile = wb.out('network.csv');
    await exportRun(wb, {
      kind: 'standards',
      path: standardsFile,
      filters: { dimension: 'NET', q: '率' },
    });
    const standards = (await wb.dispatch('standards:list', {
      dimension: 'NET',
      q: '率',
    })) as Output<'standards:list'>;
    const [sHeader, ...rows] = readCsv(standardsFile);
    expect(standards.length).toBeGreaterThan(0);
    expect(rows.map((r) => r[sHeader!.indexOf('code')])).toEqual(standards.map((x) => x.code));
  });
});

describe('every kind, .xlsx with keys and .csv', () => {
  it.each(ENTITY_KINDS)(
    '%s: the .csv has canonical keys and the same cells as the keys workbook',
    async (kind) => {
      const xlsx = wb.out(`${kind}-keys.xlsx`);
      const csv = wb.out(`${kind}.csv`);
      const a = await exportRun(wb, { kind, path: xlsx, headers: 'keys', lang: 'en' });
      const b = await exportRun(wb, { kind, path: csv });
      expect(a.rows).toBe(b.rows);
      expect(a.rows).toBeGreaterThan(0);
      const book = await readWorkbook(xlsx);
      const fromXlsx = sheetValues(book.worksheets[0]!).map((r) =>
        r.map((v) => (v === null ? '' : typeof v === 'number' ? String(v) : String(v))),
      );
      const fromCsv = readCsv(csv).map((r) => r.map((v) => (v === 'true' ? '1' : v === 'false' ? '0' : v)));
      expect(fromCsv[0]).toEqual(fromXlsx[0]);
      expect(fromCsv[0]!.every((h) => /^[a-z_]+$/.test(h))).toBe(true);
      expect(fromCsv).toEqual(fromXlsx);
    },
  );

  it('writes a UTF-8 .csv with a BOM, CRLF line ends and plain decimals', async () => {
    const bytes = fs.readFileSync(wb.out('measurements.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('\r\n');
    expect(text).not.toMatch(/\de[+-]?\d/);
    expect(text).toContain('上海浦东营业厅');
  });

  it('labels English headers and vocabularies when asked in English', async () => {
    const file = wb.out('actions-en.xlsx');
    await wb.dispatch('export:run', { kind: 'actions', path: file, lang: 'en' });
    const ws = (await readWorkbook(file)).getWorksheet('Actions')!;
    const [header, ...rows] = sheetValues(ws);
    expect(header!.slice(0, 4)).toEqual(['ID', 'Branch code', 'Branch', 'KPI code']);
    const status = header!.indexOf('Status');
    expect(
      rows.every((r) =>
        ['Open', 'In progress', 'Done', 'Verified', 'Closed', 'Reopened'].includes(String(r[status])),
      ),
    ).toBe(true);
  });
});

describe('on disk', () => {
  it('never leaves half a file under the name: a failed write keeps the old file and no temp', async () => {
    const dir = path.join(wb.dir, 'atomic');
    fs.mkdirSync(dir);
    const target = path.join(dir, 'report.xlsx');
    fs.writeFileSync(target, 'the previous export');
    await expect(
      writeAtomically(target, async (temp) => {
        fs.writeFileSync(temp, 'half a work');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readFileSync(target, 'utf8')).toBe('the previous export');
    expect(fs.readdirSync(dir)).toEqual(['report.xlsx']);
  });

  it('refuses a place it cannot write before reading any row, and the database stays usable', async () => {
    const file = wb.out('a-file.txt');
    fs.writeFileSync(file, '');
    for (const kind of ['measurements', 'actions', 'branches'] as const) {
      const target = path.join(file, `${kind}.xlsx`);
      await expect(wb.dispatch('export:run', { kind, path: target })).rejects.toMatchObject({
        kind: 'unsupported',
        key: 'fileWriteFailed',
        params: { target, detail: 'ENOTDIR' },
      });
      // The rows' cursor was closed: the connection takes a write again (an open one refuses it as busy).
      await expect(
        wb.dispatch('regions:create', { code: `AFTER-${kind.toUpperCase()}`, name: kind }),
      ).resolves.toMatchObject({ code: `AFTER-${kind.toUpperCase()}` });
    }
  });

  it('refuses a template or exchange workbook as .csv, writing nothing', async () => {
    for (const kind of ['exchange', 'template-actions'] as const) {
      const file = wb.out(`${kind}.csv`);
      await expect(wb.dispatch('export:run', { kind, path: file })).rejects.toMatchObject({
        kind: 'unsupported',
      });
      expect(fs.existsSync(file)).toBe(false);
    }
  });
});
