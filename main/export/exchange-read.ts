import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { EXCHANGE_FORMAT_VERSION } from '../../shared/contracts/export';
import type { DB } from '../db/open';
import type { RawRow } from '../repositories/rows';
import { EXCHANGE_TABLES, exchangeColumns, type ExchangeTable } from '../repositories/export-exchange';
import { CONTINUED_SHEET, META_SHEET } from './exchange';

/**
 * Reads an exchange workbook back into raw rows, typed by the columns of this database's
 * tables. Tolerates what a person's Excel does to a file it re-saves (shared strings, rich
 * text, numbers typed into text columns); refuses what it cannot read losslessly.
 */
export interface ExchangeContent {
  meta: Record<string, string>;
  tables: Map<ExchangeTable, RawRow[]>;
}

const cannot = (file: string, detail: string) =>
  new AppError('unsupported', 'invalidField', { field: file, detail }, 'path');

export async function readExchange(db: DB, file: string): Promise<ExchangeContent> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    throw cannot(file, 'not a readable .xlsx workbook; export it again from the workbench');
  }
  const metaSheet = wb.getWorksheet(META_SHEET);
  if (!metaSheet)
    throw cannot(file, 'no _meta sheet, so not an exchange workbook; import it as an ordinary workbook');
  const meta: Record<string, string> = {};
  metaSheet.eachRow((row, n) => {
    if (n > 1) meta[String(cellValue(row.getCell(1).value))] = String(cellValue(row.getCell(2).value) ?? '');
  });
  const version = Number(meta.format_version);
  if (!Number.isInteger(version) || version > EXCHANGE_FORMAT_VERSION) {
    throw cannot(
      file,
      `exchange format ${meta.format_version ?? '?'} is newer than this program reads; update the workbench`,
    );
  }

  const tables = new Map<ExchangeTable, RawRow[]>();
  const byId = new Map<string, RawRow>();
  for (const table of EXCHANGE_TABLES) {
    const sheet = wb.getWorksheet(table);
    const rows: RawRow[] = [];
    tables.set(table, rows);
    if (!sheet) continue;
    const known = new Map(exchangeColumns(db, table).map((c) => [c.name, c.type]));
    const headers = (sheet.getRow(1).values as unknown[])
      .slice(1)
      .map((v) => String(cellValue(v as ExcelJS.CellValue) ?? ''));
    const unknown = headers.filter((h) => h && !known.has(h));
    if (unknown.length)
      throw cannot(
        file,
        `sheet ${table} has columns this program does not know (${unknown.join(', ')}); update the workbench`,
      );
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const raw: Record<string, unknown> = {};
      headers.forEach((h, i) => {
        raw[h] = typed(cellValue(row.getCell(i + 1).value), known.get(h)!);
      });
      if (!raw.id) return;
      rows.push(raw as RawRow);
      byId.set(`${table}/${String(raw.id)}`, raw as RawRow);
    });
  }
  const rest = wb.getWorksheet(CONTINUED_SHEET);
  rest?.eachRow((row, n) => {
    if (n === 1) return;
    const [table, id, column, , text] = [1, 2, 3, 4, 5].map((i) => cellValue(row.getCell(i).value));
    const target = byId.get(`${String(table)}/${String(id)}`);
    if (target) target[String(column)] = `${String(target[String(column)] ?? '')}${String(text ?? '')}`;
  });
  return { meta, tables };
}

function cellValue(v: ExcelJS.CellValue): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString();
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return cellValue((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return null;
}

/** SQLite's column affinity decides: TEXT stays text even when it looks like a number. */
function typed(v: string | number | null, type: string): string | number | null {
  if (v === null) return null;
  if (type === 'TEXT') return typeof v === 'number' ? String(v) : v;
  if (typeof v === 'number') return v;
  const n = Number(v);
  return v.trim() !== '' && Number.isFinite(n) ? n : v;
}
