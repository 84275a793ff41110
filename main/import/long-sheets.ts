import fs from 'node:fs';
import path from 'node:path';
import { workerEntry } from './worker-url';
import { SheetWorker, sheetWorkers, type SheetReaders } from './xlsx/parallel';

/** Above this file size a load builds the measurement indexes once, after the rows, and reads sheets on a second thread. */
export const BULK_BYTES = 2 * 1024 * 1024;

export function isLong(file: string): boolean {
  try {
    return fs.statSync(file).size > BULK_BYTES;
  } catch {
    return false; // openWorkbook says what is wrong with it
  }
}

/** A reader started before its import asked for one (startEarly), and the file it reads. */
let early: { file: string; reader: SheetWorker } | null = null;

/**
 * `qms import FILE...` of a long workbook: its first sheet's reader started before the rest
 * of qms loads (commands, the database, the import itself), so that the thread's own start
 * (a tenth of a second and more) overlaps ours and its rows are there when the import wants
 * them. The file is the first argument after `import` that names a long file (with several
 * files, the reader waits, a bounded way ahead, for that file's turn).
 */
export function startEarly(args: readonly string[]): SheetWorker | null {
  const at = args.indexOf('import');
  const entry = at < 0 ? null : workerEntry();
  const file =
    entry &&
    args
      .slice(at + 1)
      .map((a) => path.resolve(a))
      .find(isLong);
  if (!entry || !file) return null;
  early = { file, reader: new SheetWorker(entry, file) };
  return early.reader;
}

/** The sheet readers of one import of `file` (absolute): on a second thread when it is long. */
export function sheetReadersFor(file: string): SheetReaders {
  const first = early?.file === file ? early.reader : undefined;
  if (first) early = null;
  // A reader started early was for a long file: no second look at its size.
  return sheetWorkers(first || isLong(file) ? workerEntry() : null, file, first);
}
