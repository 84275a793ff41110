// Reads every row of every sheet and prints what arrived:
// `node --import tsx bench/tasks/read-workbook.ts lean|exceljs <file.xlsx>`
// `damaged` counts text cells holding U+FFFD, the mark of a character split across chunks.
import { openWorkbook } from '../../main/import/xlsx';

const [reader, file] = process.argv.slice(2) as ['lean' | 'exceljs', string];
let rows = 0;
let cells = 0;
let damaged = 0;

function count(value: unknown): void {
  if (value === null || value === undefined) return;
  cells++;
  if (typeof value === 'string' && value.includes('\uFFFD')) damaged++;
}

if (reader === 'lean') {
  const wb = await openWorkbook(file);
  for (const sheet of wb.sheets) {
    for await (const row of wb.rows(sheet)) {
      rows++;
      for (const value of row.cells) count(value);
    }
  }
  await wb.close();
} else {
  // Loaded only on this side: exceljs takes a good part of a second to load.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  for await (const ws of wb) {
    for await (const row of ws) {
      rows++;
      for (const value of row.values as unknown[]) count(value);
    }
  }
}
process.stdout.write(`${JSON.stringify({ rows, cells, damaged })}\n`);
