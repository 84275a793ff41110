import ExcelJS from 'exceljs';
import { writeAtomically } from '../platform/atomic-write';
import type { FailedRow } from './session';

const REASON_HEADER = '错误原因 / Reason';
const ROW_HEADER = '原行号 / Row';
/** A header the importer reads as the period (aliases.ts). */
const PERIOD_HEADER = '统计周期';

/**
 * The rows that failed, for the region to fix and send back: per source sheet, its header,
 * the row as it was, the original row number, and a reason column in both languages. A
 * sheet whose period was in its title (or name, or --period) gets a period column, which the
 * title rows left behind would otherwise take with them: the corrected workbook imports as is.
 * Written to a temporary name and renamed, so a half-written file never carries the name.
 */
export function writeErrorsWorkbook(file: string, rows: readonly FailedRow[]): Promise<void> {
  return writeAtomically(file, (temp) => errorsWorkbookAt(temp, rows));
}

/**
 * The workbook written to `file` as it stands. A failed write (a disk that fills) rejects
 * `commit`: exceljs listens to the file's errors only from there, but its zip writes nothing
 * to the file before (checked up to 100,000 rows on /dev/full).
 */
export async function errorsWorkbookAt(file: string, rows: readonly FailedRow[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: true,
  });
  const bySheet = new Map<string, FailedRow[]>();
  for (const r of rows) bySheet.set(r.sheet, [...(bySheet.get(r.sheet) ?? []), r]);
  const used = new Set<string>();
  for (const [sheet, failed] of bySheet) {
    const ws = wb.addWorksheet(uniqueName(sheet, used));
    const headers = failed[0]!.headers;
    const period = failed[0]!.period;
    const width = Math.max(headers.length, ...failed.map((r) => r.cells.length));
    const head = ws.addRow([
      ROW_HEADER,
      ...(period ? [PERIOD_HEADER] : []),
      ...Array.from({ length: width }, (_, i) => headers[i] ?? ''),
      REASON_HEADER,
    ]);
    head.font = { bold: true };
    head.commit();
    for (const r of failed) {
      const why = r.reasons
        .map((e) => `${e.column ? `${e.column}${e.row} ` : ''}${e.reason.zh} / ${e.reason.en}`)
        .join('\n');
      const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? null);
      ws.addRow([r.row, ...(period ? [period] : []), ...cells, why]).commit();
    }
    ws.commit();
  }
  await wb.commit();
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique. */
function uniqueName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 28) || 'errors';
  let candidate = base;
  for (let n = 2; used.has(candidate); n++) candidate = `${base}~${n}`;
  used.add(candidate);
  return candidate;
}
