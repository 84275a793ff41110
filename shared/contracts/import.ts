/**
 * Importing regional workbooks (issue 4). Two calls, for the import wizard and `qms import`:
 *
 * - `imports:inspect` reads a workbook without writing: per sheet the detected kind, layout,
 *   header row, period, how each column maps, and the first rows; plus whether these exact
 *   bytes were imported before. The wizard shows this, lets the user correct `mapping`, and
 *   passes the same `mapping` to `imports:run`.
 * - `imports:run` imports it as one batch (all or nothing unless `skipInvalid`) and returns
 *   the report. Long: pass a `jobId` to follow progress ('read' rows read, 'write' rows
 *   written) and to cancel with `jobs:cancel` (nothing is written then).
 */
import { z } from 'zod';
import { call } from './call';
import { JobId } from './jobs';
import { Period } from '../schemas/common';
import type { ExchangeReport } from './export';
import type { Bilingual } from '../messages';
import { check } from '../validation';

export const SHEET_KINDS = ['standards', 'measurements', 'actions', 'branches'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/**
 * A column the user maps by hand: `column` is the letter (`C`), `to` a canonical key
 * (`value`, `branch_code`, ...; see shared/import/aliases.ts), `standard:CODE` for a
 * standard's column in a wide sheet, or `ignore`. `sheet` absent: every sheet.
 */
export const ColumnMapping = z.object({
  sheet: z.string().max(200).optional(),
  column: z
    .string()
    .regex(/^[A-Za-z]{1,3}$/, check('columnLetter'))
    .transform((s) => s.toUpperCase()),
  to: z.string().min(1).max(80),
});
export type ColumnMapping = z.infer<typeof ColumnMapping>;

const Path = z.string().min(1).max(1000);

export const ImportInspect = z.object({
  path: Path,
  /** For sheets that carry no period in a column or their title rows. */
  period: Period.optional(),
  mapping: z.array(ColumnMapping).max(500).default([]),
  includeHidden: z.boolean().default(false),
});
export type ImportInspectInput = z.input<typeof ImportInspect>;

export const ImportRun = ImportInspect.extend({
  /** Read only sheets of this kind; the others are listed with a note. */
  kind: z.enum([...SHEET_KINDS, 'exchange']).optional(),
  dryRun: z.boolean().default(false),
  skipInvalid: z.boolean().default(false),
  /** Import even though these exact bytes were imported before. */
  force: z.boolean().default(false),
  /** Remember `mapping` for workbooks of this shape (default when a mapping is given). */
  rememberMapping: z.boolean().default(true),
  /** Also write the failed rows, with a reason column, to this .xlsx for the region to fix. */
  errorsPath: z
    .string()
    .max(1000)
    .refine((p) => /\.xlsx$/i.test(p), check('errorsXlsx'))
    .optional(),
  jobId: JobId.optional(),
});
export type ImportRunInput = z.input<typeof ImportRun>;

/** One column of a detected sheet. `key` null: not imported. */
export interface MappedColumn {
  column: string;
  header: string;
  key: string | null;
  /** For a wide sheet's standard columns: the standard's code. */
  standardCode?: string;
  /** How the mapping was found. */
  by: 'alias' | 'standard' | 'user' | 'memory' | null;
}

export type PreviewCell = string | number | boolean | null;

/** Why a row carries no data: reported, never imported. */
export type PassedReason = 'empty' | 'total' | 'average' | 'remark' | 'title';

/** A reason or note in both languages (the same shape as a message parameter). */
export type BilingualText = Bilingual;

/** One thing wrong with one row (or one cell of it). `row` is the sheet's 1-based row number. */
export interface RowError {
  sheet: string;
  row: number;
  column: string | null;
  header: string | null;
  value: string | null;
  reason: BilingualText;
}

export interface SheetDetection {
  sheet: string;
  hidden: boolean;
  /** null: not recognised (or hidden, or empty): `note` says why; nothing is read from it. */
  kind: SheetKind | null;
  layout: 'long' | 'wide' | null;
  /** 1-based rows holding the header (two for a two-level header). */
  headerRows: number[];
  period: string | null;
  periodFrom: 'column' | 'title' | 'sheet name' | 'option' | null;
  columns: MappedColumn[];
  /** Merged ranges as A1 references (`E3:G3`). */
  merges: string[];
  /** The first data rows as read (formulas without a result shown as `=FORMULA`). */
  preview: PreviewCell[][];
  note: BilingualText | null;
}

export interface ImportInspection {
  fileName: string;
  sha256: string;
  /** An exchange workbook (a `_meta` sheet) is merged by `exchange:import` (run does this itself). */
  exchange: boolean;
  /** These exact bytes were imported before, in this batch (unless undone). */
  alreadyImported: { batchId: string; at: string } | null;
  sheets: SheetDetection[];
}

export interface SheetReport extends SheetDetection {
  rowsRead: number;
  /** Records created or changed (a wide row is several measurements). */
  written: number;
  created: number;
  updated: number;
  unchanged: number;
  passedOver: { row: number; reason: PassedReason }[];
  errorCount: number;
  /** The first errors (all of them up to 1,000). */
  errors: RowError[];
}

export type ImportOutcome =
  /** Written, as one batch. */
  | 'imported'
  /** Read and validated; nothing written (dry run). */
  | 'checked'
  /** Errors and no skipInvalid: nothing written. */
  | 'rejected'
  /** The same bytes were imported before: nothing written (force to repeat). */
  | 'already_imported'
  /**
   * Nothing to write, no batch: no sheet held rows of a known kind, or (a sheet with a
   * `kind`) every row matched what the database holds.
   */
  | 'nothing';

export interface ImportReport {
  fileName: string;
  sha256: string;
  outcome: ImportOutcome;
  /** The batch written (undo with `imports:undo`); null when nothing was written. */
  batchId: string | null;
  alreadyImported: { batchId: string; at: string } | null;
  sheets: SheetReport[];
  rowsRead: number;
  written: number;
  errorCount: number;
  createdRegions: string[];
  createdBranches: string[];
  /** Set when the file was an exchange workbook, merged by id. */
  exchange: ExchangeReport | null;
}

export const importContract = {
  'imports:inspect': call<ImportInspection>()(ImportInspect),
  'imports:run': call<ImportReport>()(ImportRun),
} as const;
