import type { CellRange, CellValue } from './xlsx/types';

/** `A`, `B`, …, `Z`, `AA` for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

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
