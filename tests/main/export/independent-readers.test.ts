/**
 * Our workbooks read by programs that are not ours: Python's openpyxl and pandas (Debian's
 * python3-openpyxl / python3-pandas), and LibreOffice Calc headless, which must open every
 * kind and see the same values. Excel and WPS are not on this machine; LibreOffice is the
 * strictest of the three about SpreadsheetML it did not write.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice } from '../../helpers/libreoffice';
import { python, readCsv, sampleWorkbench } from './read';

let wb: Awaited<ReturnType<typeof sampleWorkbench>>;
const files = {
  labels: '',
  keys: '',
  csv: '',
  template: '',
  exchange: '',
};

beforeAll(async () => {
  wb = await sampleWorkbench();
  files.labels = wb.out('measurements.xlsx');
  files.keys = wb.out('measurements-keys.xlsx');
  files.csv = wb.out('measurements.csv');
  files.template = wb.out('template.xlsx');
  files.exchange = wb.out('exchange.xlsx');
  await wb.dispatch('export:run', { kind: 'measurements', path: files.labels });
  await wb.dispatch('export:run', { kind: 'measurements', path: files.keys, headers: 'keys' });
  await wb.dispatch('export:run', { kind: 'measurements', path: files.csv });
  await wb.dispatch('export:run', {
    kind: 'template-measurements',
    path: files.template,
    filters: { scope: 'EAST', period: '2026-11' },
  });
  await wb.dispatch('export:run', { kind: 'exchange', path: files.exchange });
});
afterAll(() => wb.close());

const OPENPYXL_MEASUREMENTS = `
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['测量值']
header = [c.value for c in ws[1]]
rows = list(ws.iter_rows(min_row=2))
col = {h: i for i, h in enumerate(header)}
fills = {}
types = set()
for r in rows:
    v = r[col['结论']]
    fills.setdefault(v.value, set()).add(v.fill.fgColor.rgb if v.fill.patternType == 'solid' else None)
    types.add(('value', 'number' if type(r[col['实测值']].value) in (int, float) else type(r[col['实测值']].value).__name__))
    types.add(('inspected_on', type(r[col['检查日期']].value).__name__))
    types.add(('period', type(r[col['期间']].value).__name__))
first = rows[0]
print(json.dumps({
  'sheets': wb.sheetnames,
  'header': header,
  'bold': all(c.font.b for c in ws[1]),
  'freeze': ws.freeze_panes,
  'filter': ws.auto_filter.ref,
  'rows': len(rows),
  'fills': {k: sorted(v) for k, v in fills.items()},
  'types': sorted(list(t) for t in types),
  'valueFormat': first[col['实测值']].number_format,
  'firstDate': first[col['检查日期']].value.isoformat(),
  'widths': {h: ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for h, i in col.items()},
}, ensure_ascii=False))
`;

const OPENPYXL_TEMPLATE = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
dv = ws.data_validations.dataValidation
lists = wb['_lists']
print(json.dumps({
  'sheets': [(s.title, s.sheet_state) for s in wb.worksheets],
  'title': ws['A1'].value,
  'header': [c.value for c in ws[2]],
  'prefilled': [[c.value for c in r[:5]] for r in ws.iter_rows(min_row=3) if r[0].value],
  'lists': {str(lists.cell(1, c).value): [r[0].value for r in lists.iter_rows(min_row=2, min_col=c, max_col=c) if r[0].value] for c in range(1, lists.max_column + 1)},
  'validations': [{'type': v.type, 'formula': v.formula1, 'ranges': str(v.sqref), 'prompt': v.prompt, 'error': v.showErrorMessage} for v in dv],
  'freeze': ws.freeze_panes,
}, ensure_ascii=False))
`;

const PANDAS = `
import json, sys, pandas as pd
df = pd.read_excel(sys.argv[1], sheet_name=0)
csv = pd.read_csv(sys.argv[2], encoding='utf-8-sig', keep_default_na=False, na_values=[''])
print(json.dumps({
  'columns': list(df.columns),
  'rows': len(df),
  'dtypes': {c: str(t) for c, t in df.dtypes.items()},
  'sameValues': bool((df['value'].round(9) == csv['value'].round(9)).all()),
  'sameKeys': df[['branch_code', 'period', 'standard_code', 'verdict']].astype(str).equals(csv[['branch_code', 'period', 'standard_code', 'verdict']].astype(str)),
}))
`;

describe('openpyxl and pandas', () => {
  it('openpyxl sees the header, frozen pane, filter, number and date types and verdict colours', () => {
    const r = python<{
      sheets: string[];
      header: string[];
      bold: boolean;
      freeze: string;
      filter: string;
      rows: number;
      fills: Record<string, (string | null)[]>;
      types: [string, string][];
      valueFormat: string;
      firstDate: string;
      widths: Record<string, number>;
    }>(OPENPYXL_MEASUREMENTS, files.labels);
    expect(r.sheets).toEqual(['测量值', '图例']);
    expect(r.header).toContain('实测值');
    expect(r.bold).toBe(true);
    expect(r.freeze).toBe('A2');
    expect(r.filter).toBe(`A1:R${r.rows + 1}`);
    expect(r.fills).toEqual({ 达标: ['FFC6EFCE'], 预警: ['FFFFEB9C'], 不达标: ['FFFFC7CE'] });
    expect(r.types).toEqual([
      ['inspected_on', 'datetime'],
      ['period', 'str'],
      ['value', 'number'],
    ]);
    expect(r.valueFormat).toMatch(/^0\.00/);
    expect(r.firstDate).toMatch(/^2026-\d\d-06T00:00:00$/);
    expect(r.widths['网点名称']).toBeGreaterThanOrEqual(14);
  });

  it('openpyxl sees the template: title, prefilled branches, dropdowns from _lists, hints', () => {
    const r = python<{
      sheets: [string, string][];
      title: string;
      header: string[];
      prefilled: unknown[][];
      lists: Record<string, string[]>;
      validations: {
        type: string | null;
        formula: string | null;
        ranges: string;
        prompt: string;
        error: boolean;
      }[];
      freeze: string;
    }>(OPENPYXL_TEMPLATE, files.template);
    expect(r.sheets).toEqual([
      ['2026年11月', 'visible'],
      ['说明', 'visible'],
      ['_lists', 'hidden'],
    ]);
    expect(r.title).toBe('2026年11月华东区营业厅服务质量检查汇总表');
    expect(r.header.slice(0, 5)).toEqual(['区域编码', '区域', '网点编码', '网点名称', '期间']);
    expect(r.header).toContain('掉话率(%)');
    expect(r.prefilled.length).toBeGreaterThan(0);
    expect(r.prefilled.every((row) => row[0] === 'EAST' && row[4] === '2026-11')).toBe(true);
    const branchList = r.validations.find((v) => v.type === 'list')!;
    expect(branchList.formula).toMatch(/^'_lists'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
    expect(branchList.error).toBe(true);
    // The branch dropdown offers the scope's branches only.
    expect(r.lists['网点编码']).toContain('EAST-001');
    expect(r.lists['网点编码']!.every((code) => code.startsWith('EAST-'))).toBe(true);
    expect(r.lists['指标编码']).toContain('NET-DCR');
    expect(r.validations.every((v) => v.prompt && v.prompt.length > 0)).toBe(true);
    expect(r.freeze).toBe('A3');
  });

  it('pandas reads the keys workbook with numeric values equal to the .csv', () => {
    const r = python<{
      columns: string[];
      rows: number;
      dtypes: Record<string, string>;
      sameValues: boolean;
      sameKeys: boolean;
    }>(PANDAS, files.keys, files.csv);
    expect(r.rows).toBe(readCsv(files.csv).length - 1);
    expect(r.dtypes.value).toBe('float64');
    expect(r.dtypes.inspected_on).toMatch(/^datetime64/);
    expect(r.sameValues).toBe(true);
    expect(r.sameKeys).toBe(true);
  });
});

/** LibreOffice's CSV of the first sheet, values as stored (not as shown). */
function libreOfficeCsv(file: string): string[][] {
  const csv = convertWithLibreOffice(file, {
    outDir: path.join(wb.dir, 'lo', path.basename(file, '.xlsx')),
    to: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false',
    profile: path.join(wb.dir, 'lo', 'profile'),
  });
  return readCsv(csv);
}

describe('LibreOffice Calc (headless)', () => {
  it('opens the measurements workbook and holds the same values as our .csv', () => {
    const ours = readCsv(files.csv);
    const theirs = libreOfficeCsv(files.keys);
    expect(theirs[0]).toEqual(ours[0]);
    expect(theirs.length).toBe(ours.length);
    const pick = (rows: string[][], header: string[]) =>
      rows.map((r) =>
        ['branch_code', 'period', 'standard_code', 'verdict', 'inspected_on']
          .map((k) => r[header.indexOf(k)])
          .concat(String(Number(r[header.indexOf('value')]!))),
      );
    expect(pick(theirs.slice(1), theirs[0]!)).toEqual(pick(ours.slice(1), ours[0]!));
  }, 120_000);

  it('opens the fill-in template and the exchange workbook', () => {
    const template = libreOfficeCsv(files.template);
    expect(template[0]![0]).toBe('2026年11月华东区营业厅服务质量检查汇总表');
    expect(template[1]!.slice(0, 3)).toEqual(['区域编码', '区域', '网点编码']);
    const exchange = libreOfficeCsv(files.exchange);
    expect(exchange[0]).toEqual(['key', 'value']);
    expect(exchange[1]).toEqual(['format_version', '1']);
  }, 120_000);
});
