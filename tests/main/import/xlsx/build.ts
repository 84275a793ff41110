import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  openWorkbook,
  type CellRange,
  type CellValue,
  type SheetInfo,
  type SheetRow,
} from '../../../../main/import/xlsx';
import { tempDir } from '../../../helpers/workbench';

/**
 * Hand-made workbooks for the reader's edge cases: each part is written as given, so a test
 * can hold exactly the XML it is about (what Excel, WPS or openpyxl write, or something hostile).
 */

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The inner XML of <sheetData>; or the whole part when `raw` is set. */
  data?: string;
  raw?: string | Uint8Array;
  state?: 'hidden' | 'veryHidden';
  /** Extra XML after </sheetData> (mergeCells). */
  after?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** <numFmts> and <cellXfs> inner XML for styles.xml. */
  numFmts?: string;
  cellXfs?: string;
  date1904?: boolean;
  /** Replace or add parts verbatim (a DOCTYPE, a missing part: set to null to drop). */
  parts?: Record<string, string | Uint8Array | null>;
}

export function bookParts(spec: BookSpec): Record<string, Uint8Array> {
  const sheets = spec.sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('');
  const rels = spec.sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const parts: Record<string, string | Uint8Array | null> = {
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rS" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0"?><styleSheet xmlns="${NS}">${spec.numFmts ? `<numFmts>${spec.numFmts}</numFmts>` : ''}<cellXfs>${spec.cellXfs ?? '<xf numFmtId="0"/>'}</cellXfs></styleSheet>`,
  };
  if (spec.sharedStrings !== undefined) {
    const items =
      typeof spec.sharedStrings === 'string'
        ? spec.sharedStrings
        : spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('');
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0"?><sst xmlns="${NS}">${items}</sst>`;
  }
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] =
      s.raw ??
      `<?xml version="1.0"?><worksheet xmlns="${NS}"><sheetData>${s.data ?? ''}</sheetData>${s.after ?? ''}</worksheet>`;
  });
  Object.assign(parts, spec.parts);
  const out: Record<string, Uint8Array> = {};
  for (const [name, body] of Object.entries(parts)) {
    if (body !== null) out[name] = typeof body === 'string' ? strToU8(body) : body;
  }
  return out;
}

/** Writes the workbook into a fresh temp folder and returns its path. */
export function writeBook(spec: BookSpec, fileName = 'book.xlsx'): string {
  return writeZip(bookParts(spec), fileName);
}

export function writeZip(parts: Zippable, fileName = 'book.xlsx'): string {
  const file = path.join(tempDir('qw-xlsx-'), fileName);
  fs.writeFileSync(file, zipSync(parts, { level: 6 }));
  return file;
}

export function writeBytes(bytes: Uint8Array | string, fileName = 'book.xlsx'): string {
  const file = path.join(tempDir('qw-xlsx-'), fileName);
  fs.writeFileSync(file, bytes);
  return file;
}

export interface ReadSheet {
  info: SheetInfo;
  rows: SheetRow[];
  merges: CellRange[];
}

/** Opens, streams every sheet and closes: what a test compares. */
export async function readBook(file: string): Promise<{ date1904: boolean; sheets: ReadSheet[] }> {
  const wb = await openWorkbook(file);
  try {
    const sheets: ReadSheet[] = [];
    for (const info of wb.sheets) {
      const stream = wb.rows(info);
      const rows: SheetRow[] = [];
      for await (const r of stream) rows.push(r);
      sheets.push({ info, rows, merges: stream.end().merges });
    }
    return { date1904: wb.date1904, sheets };
  } finally {
    await wb.close();
  }
}

/** The cells of one row by sheet row number. */
export function rowOf(sheet: ReadSheet, row: number): CellValue[] | undefined {
  return sheet.rows.find((r) => r.row === row)?.cells;
}
