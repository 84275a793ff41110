/**
 * The shared samples for plan tests: loaded through the importer, and read independently
 * (standards.xlsx with exceljs, values from expected.json) to compute what the plan must say.
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

/**
 * The EAST sample as a region office gets it in: standards.xlsx and the wide October workbook
 * through the importer (which creates the region and branches from the sheet).
 */
export async function loadEastSample(
  wb: Workbench,
): Promise<{ standards: SampleStandard[]; rows: ExpectedRow[] }> {
  for (const file of ['standards.xlsx', 'east-2026-10-wide.xlsx']) {
    const report = (await wb.dispatch('imports:run', { path: path.join(SAMPLES, file) })) as {
      outcome: string;
    };
    if (report.outcome !== 'imported') throw new Error(`${file}: ${report.outcome}`);
  }
  return { standards: await readSampleStandards(), rows: expectedRows('east-2026-10-wide.xlsx') };
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
