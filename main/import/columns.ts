import type { CellRange, CellValue } from './xlsx/types';

/** Column letters as the export writes them and as the reader reads them back. */
export { columnLetter } from '../export/xlsx-writer';
export { columnIndex } from './xlsx';
import { columnLetter } from '../export/xlsx-writer';

export function rangeRef(r: CellRange): string {
  return `${columnLetter(r.left - 1)}${r.top}:${columnLetter(r.right - 1)}${r.bottom}`;
}

/** A cell as text for headers, previews and the error workbook; a formula without a result as `=F`. */
export function cellText(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return cell.trim() === '' ? null : cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (cell.kind === 'formula') return `=${cell.formula}`;
  return cell.code;
}

/** A cell as the preview shows it (JSON-safe). */
export function previewCell(cell: CellValue | undefined): string | number | boolean | null {
  if (typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return cellText(cell);
}
