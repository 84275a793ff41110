/** The streaming .xlsx reader for imports (issue 4, "Reading" and "Refusals"). */
export { openWorkbook } from './workbook';
export { columnIndex, parseRange } from './sheet';
export type * from './types';
