/**
 * Loads the shared samples through the services, as the importer would: the standards from
 * standards.xlsx (read with exceljs), the EAST branches from the wide workbook, and the
 * measurements listed in expected.json. Used until `qms import` exists in this tree.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DIMENSIONS } from '../../../shared/domain/dimensions';
import type { Workbench } from '../../../main/workbench';
import { SAMPLES } from '../../helpers/workbench';

export interface SampleStandard {
  code: string;
  nameZh: string;
  nameEn: string;
  dimension: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  warning: number;
  weight: number;
}

export type ExpectedRow = [branch: string, period: string, standard: string, value: number];

export async function readSampleStandards(): Promise<SampleStandard[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, 'standards.xlsx'));
  const ws = wb.worksheets[0]!;
  const out: SampleStandard[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (i: number) => row.getCell(i).value;
    const dimension = DIMENSIONS.find((d) => d.nameZh === v(4))?.code;
    if (!dimension) throw new Error(`standards.xlsx row ${n}: unknown dimension ${String(v(4))}`);
    out.push({
      code: String(v(1)),
      nameZh: String(v(2)),
      nameEn: String(v(3)),
      dimension,
      unit: String(v(5)),
      direction: v(6) === '越高越好' ? 'higher' : 'lower',
      target: Number(v(7)),
      warning: Number(v(8)),
      weight: Number(v(9)),
    });
  });
  return out;
}

export function expectedRows(file: string): ExpectedRow[] {
  const all = JSON.parse(fs.readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Record<
    string,
    ExpectedRow[]
  >;
  return all[file]!;
}

/** EAST branch codes and names from the wide workbook's rows. */
export async function readEastBranches(): Promise<{ code: string; name: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, 'east-2026-10-wide.xlsx'));
  const out: { code: string; name: string }[] = [];
  wb.worksheets[0]!.eachRow((row) => {
    const code = row.getCell(3).value;
    if (typeof code === 'string' && /^EAST-\d+$/.test(code))
      out.push({ code, name: String(row.getCell(4).value) });
  });
  return out;
}

export async function loadEastSample(
  wb: Workbench,
): Promise<{ standards: SampleStandard[]; rows: ExpectedRow[] }> {
  const standards = await readSampleStandards();
  for (const s of standards) await wb.dispatch('standards:create', { ...s, effectiveFrom: '2020-01-01' });
  await wb.dispatch('regions:create', { code: 'EAST', name: '华东区' });
  for (const b of await readEastBranches())
    await wb.dispatch('branches:create', { ...b, regionCode: 'EAST' });
  const rows = expectedRows('east-2026-10-wide.xlsx');
  await loadRows(wb, rows);
  return { standards, rows };
}

/** One self-assessment per branch and period, holding the rows' values. */
export async function loadRows(
  wb: Workbench,
  rows: readonly ExpectedRow[],
  kind = 'self_assessment',
): Promise<void> {
  const inspections = new Map<string, string>();
  for (const [branch, period, standard, value] of rows) {
    const key = `${branch}/${period}`;
    if (!inspections.has(key)) {
      const i = (await wb.dispatch('inspections:create', { branchCode: branch, period, kind })) as {
        id: string;
      };
      inspections.set(key, i.id);
    }
    await wb.dispatch('measurements:upsert', {
      inspectionId: inspections.get(key)!,
      standardCode: standard,
      value,
    });
  }
}
