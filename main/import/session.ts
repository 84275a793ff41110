import type { PassedReason, RowError, SheetReport } from '../../shared/contracts/import';
import type { Job } from '../services/jobs';
import type { ServiceContext } from '../services/context';
import { cellText, columnIndex, columnLetter, previewCell } from './columns';
import type { CellProblem, RowReader } from './row-reader';
import type { StandardsIndex } from './standards-index';
import type { SheetRow } from './xlsx/types';
import type { Organisation } from './organisation';

/** A failed row as the errors workbook shows it: its cells and why. */
export interface FailedRow {
  sheet: string;
  row: number;
  headers: string[];
  /** Numbers stay numbers: as text, Excel and WPS flag every one of them as a number stored as text. */
  cells: (string | number | boolean | null)[];
  reasons: RowError[];
  /** The sheet's period when no column of it holds one (its title, its name, --period). */
  period: string | null;
}

/** What a kind of sheet does with each data row, and at the sheet's end if it held rows back. */
export interface RowWriter {
  row(r: RowReader): void;
  /**
   * Writes a row that needs none of RowReader's checks, as `row` would (true); false leaves
   * the row to `row`. For the bulk of a long sheet: see measurementRows.
   */
  quick?(row: SheetRow): boolean;
  end?(): void;
}

/** Report details kept per sheet; counts go on beyond them. */
const MAX_ERRORS_PER_SHEET = 1000;
const MAX_PASSED_PER_SHEET = 1000;
/** Failed rows kept for the errors workbook. */
const MAX_FAILED_ROWS = 50_000;
const PROGRESS_EVERY = 5000;

/**
 * One import run's state: the batch's service context, lookups, and what the report will
 * say. Kinds call `failed`, `passed` and `counted`; the runner reads the totals.
 */
export class ImportSession {
  rowsRead = 0;
  written = 0;
  errorCount = 0;
  readonly failedRows: FailedRow[] = [];
  readonly createdRegions: string[] = [];
  readonly createdBranches: string[] = [];
  sheet!: SheetReport;
  private headers: string[] = [];

  constructor(
    readonly ctx: ServiceContext,
    readonly standards: StandardsIndex,
    readonly org: Organisation,
    readonly date1904: boolean,
    readonly job: Job | null,
  ) {}

  startSheet(report: SheetReport): void {
    this.sheet = report;
    this.headers = [];
    for (const c of report.columns) this.headers[columnIndex(c.column)] = c.header;
  }

  /** Every data row read, passed over or not: for progress and cancel. */
  read(): void {
    this.rowsRead++;
    this.sheet.rowsRead++;
    if (this.rowsRead % PROGRESS_EVERY === 0 && this.job) {
      this.job.throwIfCancelled();
      this.job.progress('read', this.rowsRead, null);
      this.job.progress('write', this.written, null);
    }
  }

  passed(row: SheetRow, why: PassedReason): void {
    if (this.sheet.passedOver.length < MAX_PASSED_PER_SHEET)
      this.sheet.passedOver.push({ row: row.row, reason: why });
  }

  /**
   * Rows `from` to `to` absent from the file: empty rows, which Excel, WPS and openpyxl do not
   * write at all. Noted as the empty rows they are to the person who left them (exchange-format.md).
   */
  absent(from: number, to: number): void {
    for (let row = from; row <= to && this.sheet.passedOver.length < MAX_PASSED_PER_SHEET; row++)
      this.sheet.passedOver.push({ row, reason: 'empty' });
  }

  counted(what: 'created' | 'updated' | 'unchanged', n = 1): void {
    this.sheet[what] += n;
    if (what !== 'unchanged') {
      this.sheet.written += n;
      this.written += n;
    }
  }

  failed(row: SheetRow, problems: readonly CellProblem[]): void {
    this.errorCount += problems.length;
    this.sheet.errorCount += problems.length;
    const errors = problems.map((p): RowError => ({
      sheet: this.sheet.sheet,
      row: row.row,
      column: p.column === null ? null : columnLetter(p.column),
      header: p.column === null ? null : (this.headers[p.column] ?? null),
      value: p.column === null ? null : cellText(row.cells[p.column]),
      reason: p.reason,
    }));
    for (const e of errors) if (this.sheet.errors.length < MAX_ERRORS_PER_SHEET) this.sheet.errors.push(e);
    if (this.failedRows.length < MAX_FAILED_ROWS) {
      this.failedRows.push({
        sheet: this.sheet.sheet,
        row: row.row,
        headers: this.headers,
        cells: row.cells.map((c) => previewCell(c)),
        reasons: errors,
        period: this.sheet.periodFrom === 'column' ? null : this.sheet.period,
      });
    }
  }
}
