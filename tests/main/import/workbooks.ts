import path from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir } from '../../helpers/workbench';

export interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  hidden?: boolean;
}

/** Writes a small workbook as a region would send it (exceljs, cached values where given). */
export async function writeWorkbook(
  sheets: SheetSpec[],
  name = 'book.xlsx',
  dir = tempDir(),
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.hidden ? { state: 'hidden' } : {});
    for (const row of s.rows) ws.addRow(row);
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export const LONG_HEADER = ['区域编码', '网点编码', '网点名称', '统计周期', '指标编码', '实测值'];
