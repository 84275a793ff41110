/**
 * The look shared by the plan and review workbooks: a title block, tables with a styled
 * header, frozen panes, filters, print set-up (landscape, fit to width) and data bars where
 * a column is read by its size. exceljs cannot write native charts; data bars and
 * verdict colours are what Excel and WPS show without one.
 */
import type ExcelJS from 'exceljs';
import type { Lang } from '../../shared/messages';

export interface Column {
  header: string;
  width: number;
  numFmt?: string;
  wrap?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FFBFBFBF' } };
export const FONT = 'Microsoft YaHei';
const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 10 };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export const tr = (lang: Lang) => (zh: string, en: string) => (lang === 'zh' ? zh : en);

export function newSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ showGridLines: false }],
  });
}

/** A bold title and label/value lines; returns the next free row. */
export function titleBlock(
  ws: ExcelJS.Worksheet,
  title: string,
  lines: [string, string | number][],
  span = 8,
): number {
  ws.mergeCells(1, 1, 1, span);
  const cell = ws.getCell(1, 1);
  cell.value = title;
  cell.font = { name: FONT, size: 16, bold: true, color: { argb: 'FF1F4E79' } };
  ws.getRow(1).height = 28;
  let row = 2;
  for (const [label, value] of lines) {
    ws.getCell(row, 1).value = label;
    ws.getCell(row, 1).font = { name: FONT, bold: true };
    ws.mergeCells(row, 2, row, span);
    const v = ws.getCell(row, 2);
    v.value = value;
    v.font = { name: FONT };
    v.alignment = { wrapText: true, vertical: 'top' };
    if (typeof value === 'string' && value.length > 60)
      ws.getRow(row).height = 15 * Math.ceil(value.length / 90);
    row++;
  }
  return row + 1;
}

/** A section heading above a table. */
export function heading(ws: ExcelJS.Worksheet, row: number, text: string): number {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: 12, bold: true, color: { argb: 'FF1F4E79' } };
  return row + 1;
}

/**
 * Writes a header and rows from `top`; sets widths (never narrower than already set), the
 * filter and, when `freeze`, the frozen header. Returns the rows' first and last row numbers.
 */
export function table(
  ws: ExcelJS.Worksheet,
  top: number,
  columns: readonly Column[],
  rows: readonly (string | number | null)[][],
  options: { freeze?: boolean } = {},
): { first: number; last: number } {
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(col.width ?? 0, c.width);
    const h = ws.getCell(top, i + 1);
    h.value = c.header;
    h.font = { name: FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    h.fill = HEADER_FILL;
    h.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    h.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
  ws.getRow(top).height = 30;
  // One style object per column, shared by its cells: exceljs then resolves it once, not per
  // cell (per-cell styles made a 6,000-gap plan take seconds to write).
  const styles = columns.map((c): Partial<ExcelJS.Style> => ({
    font: BODY_FONT,
    border: BORDER,
    alignment: { vertical: 'top', wrapText: !!c.wrap },
    ...(c.numFmt ? { numFmt: c.numFmt } : {}),
  }));
  rows.forEach((values, r) => {
    const row = ws.getRow(top + 1 + r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.style = styles[i]!;
    });
  });
  const last = top + rows.length;
  if (rows.length)
    ws.autoFilter = { from: { row: top, column: 1 }, to: { row: last, column: columns.length } };
  if (options.freeze) ws.views = [{ state: 'frozen', ySplit: top, showGridLines: false }];
  return { first: top + 1, last };
}

const colLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : colLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

export function dataBar(
  ws: ExcelJS.Worksheet,
  column: number,
  first: number,
  last: number,
  argb = 'FF5B9BD5',
): void {
  if (last < first) return;
  const ref = `${colLetter(column)}${first}:${colLetter(column)}${last}`;
  ws.addConditionalFormatting({
    ref,
    rules: [
      // `color` is written by exceljs's dataBar xform though its typings omit it.
      {
        type: 'dataBar',
        priority: 1,
        gradient: false,
        cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
        color: { argb },
      } as ExcelJS.DataBarRuleType,
    ],
  });
}

/** Colours cells whose text is one of the given labels (fail red, warning amber, ...). */
export function fillWhen(
  ws: ExcelJS.Worksheet,
  column: number,
  first: number,
  last: number,
  fills: Record<string, string>,
): void {
  // The column's cells share one style object: filled cells get a shared copy, never a mutation.
  const filled = new Map<string, Partial<ExcelJS.Style>>();
  for (let r = first; r <= last; r++) {
    const cell = ws.getCell(r, column);
    const argb = fills[String(cell.value)];
    if (!argb) continue;
    if (!filled.has(argb)) {
      filled.set(argb, { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } });
    }
    cell.style = filled.get(argb)!;
  }
}

export const RED = 'FFF8CBAD';
export const AMBER = 'FFFFE699';
export const GREEN = 'FFC6EFCE';
