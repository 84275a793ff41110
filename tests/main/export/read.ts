import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import type { ExportOutcome, ExportRunInput } from '../../../shared/contracts/export';
import { testWorkbench, type TestWorkbench } from '../../helpers/workbench';
import { loadSamples } from './sample-data';

/** A workbench holding the shared samples, and a folder for the files a test writes. */
export async function sampleWorkbench(): Promise<TestWorkbench & { out: (name: string) => string }> {
  const wb = testWorkbench();
  await loadSamples(wb);
  return { ...wb, out: (name) => path.join(wb.dir, name) };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A sheet's rows as plain values (dates as YYYY-MM-DD), row 1 first. */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));
    }
    rows.push(values);
  });
  return rows;
}

/** RFC 4180 CSV (our own files: BOM, CRLF) into rows of strings. */
export function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Runs a Python script with Debian's interpreter (python3-openpyxl, python3-pandas); JSON out. */
export function python<T>(script: string, ...args: string[]): T {
  const run = spawnSync('/usr/bin/python3', ['-c', script, ...args], { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Every row of every table but the machine-local batch_id, for comparing two databases. */
export function tableDump(wb: TestWorkbench, tables: readonly string[]): Record<string, unknown[]> {
  return Object.fromEntries(
    tables.map((t) => {
      const rows = wb.db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Record<string, unknown>[];
      return [t, rows.map(({ batch_id: _batch, ...rest }) => rest)];
    }),
  );
}

/** `export:run` through the workbench's dispatch, typed. */
export async function exportRun(
  wb: { dispatch(channel: string, input: unknown): Promise<unknown> },
  input: ExportRunInput,
): Promise<ExportOutcome> {
  return (await wb.dispatch('export:run', input)) as ExportOutcome;
}
