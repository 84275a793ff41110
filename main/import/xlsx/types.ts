import type { SheetWorker } from './parallel';

/**
 * The streaming workbook reader's interface (issue 4, "Reading"), agreed with the import
 * pipeline. Stable: add fields, never change the meaning of existing ones.
 */

/**
 * A cell as read from the file. Empty cells (and empty text) are `null`; nothing is guessed.
 * A number under a date or time format (built-in ids 14-22, 27-36, 45-47, 50-58, or a custom
 * format with y/m/d/h/s outside quotes and brackets) is a `Date` holding the wall-clock time
 * as UTC, in the workbook's 1900 or 1904 system; a serial Excel cannot show stays a number.
 * A number under a percent format (built-in ids 9 and 10, or a custom format with `%` outside
 * quotes and brackets) is the text the cell shows, `95.3%` for 0.953: what the person typed,
 * which the contract reads as 95.3 for a % standard. Other numbers stay numbers whatever their format.
 * Text keeps its spaces and line breaks (`_x000D_` escapes decoded).
 */
export type CellValue = null | string | number | boolean | Date | FormulaWithoutResult | CellError;

/** A formula with no cached result in the file (openpyxl writes these): reported, never guessed. */
export interface FormulaWithoutResult {
  kind: 'formula';
  /** The formula text without the leading `=`; for a shared formula's dependants, the master's text. */
  formula: string;
}

/** A cached error result such as `#DIV/0!` or `#N/A`. */
export interface CellError {
  kind: 'error';
  code: string;
}

export interface SheetInfo {
  /** 0-based position in workbook order. */
  index: number;
  name: string;
  /** True for both `hidden` and `veryHidden`. */
  hidden: boolean;
  /** The sheet's part path inside the zip (no leading slash), '' when the part is missing. */
  path: string;
  /**
   * `worksheet` has cells; `chartsheet`, `dialogsheet`, `macrosheet` and `missing` (the
   * workbook names a part the file does not contain) stream no rows.
   */
  kind: 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'missing';
  /** The part's size in the file (compressed): which sheet of a long workbook is the long one. */
  bytes: number;
}

/** A 1-based inclusive cell range (a merged range). */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A row with at least one non-empty cell; rows holding only formatting are not streamed. */
export interface SheetRow {
  /** 1-based sheet row number. */
  row: number;
  /** cells[0] is column A; trailing empty cells are not included. */
  cells: CellValue[];
}

export interface SheetEnd {
  merges: CellRange[];
  /** How many rows were streamed (rows with at least one non-empty cell). */
  rows: number;
}

export interface RowsOptions {
  /** Aborting rejects the iteration with AppError('cancelled'). */
  signal?: AbortSignal;
  /** Compressed bytes of this sheet's part consumed so far, for a progress bar. */
  onBytes?: (done: number, total: number) => void;
  /** Read the sheet on this worker thread (parallel.ts), for a long sheet: started by the caller for this file. */
  worker?: SheetWorker;
}

export type SheetRows = AsyncIterable<SheetRow> & {
  /** Merged ranges (they come at the end of the sheet XML) and the row count; valid after iteration. */
  end(): SheetEnd;
  /**
   * The same rows in the groups they were parsed in (one inflated chunk, a few hundred rows):
   * for bulk consumers, it saves a promise per row (about 0.1 s per 100k rows). Iterate either
   * this or the rows, once.
   */
  batches(): AsyncIterable<SheetRow[]>;
};

export interface OpenedWorkbook {
  fileName: string;
  bytes: number;
  /** Hex SHA-256 of the file's bytes; empty when opened with `hash: false`. */
  sha256: string;
  date1904: boolean;
  /** The shared strings table, by index (what `t="s"` cells hold). */
  sharedStrings: readonly string[];
  /** Every sheet, hidden ones too, in workbook order. */
  sheets: SheetInfo[];
  /**
   * Streams one sheet's rows in order (empty rows simply don't appear). Memory stays flat:
   * only the shared strings table is held. Refusals (corrupt part, entity declarations,
   * inflating past the bound) throw AppError('unsupported') from the iteration.
   */
  rows(sheet: SheetInfo, options?: RowsOptions): SheetRows;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Bound on the bytes one read of one part may inflate to (zip bomb guard). Default 2 GiB. */
  maxInflatedBytes?: number;
  /**
   * false: leave `sha256` empty. A promise: the hash as another thread computes it (the long
   * sheet's reader, which reads the file anyway), awaited when needed; null from it: hashed here.
   */
  hash?: boolean | Promise<string | null>;
}
