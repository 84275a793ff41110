import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { measurementsWorkbook } from '../generate';
import { CACHE_DIR, measureOk, ratio, report, sizes, tsNode, type Row, type Suite } from '../harness';

/**
 * The import's workbook reader against exceljs's streaming reader, which the issue named and
 * which we did not use: both read every row of the same file in their own process. `damaged`
 * counts text cells holding U+FFFD (exceljs #2063/#2084: characters split across chunks).
 */

/** Rows of Chinese text written as in-sheet strings, so the sheet part itself is CJK-heavy. */
async function chineseTextWorkbook(rows: number): Promise<string> {
  const file = path.join(CACHE_DIR, `chinese-text-${rows}.xlsx`);
  if (fs.existsSync(file)) return file;
  const temp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('文本');
  for (let r = 1; r <= rows; r++) {
    ws.addRow([
      `第${r}行华东区营业厅`,
      `上海浦东第${r % 500}营业厅`,
      '客户满意度未达标，需整改',
      `检查人陈静${r % 7}`,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(temp, file);
  return file;
}

interface ReadResult {
  rows: number;
  cells: number;
  damaged: number;
}

const suite: Suite = {
  name: 'reader',
  description: 'the import reader vs exceljs streaming reader: time, peak memory, damaged Chinese cells',
  async run() {
    const rows: Row[] = [];
    for (const n of sizes([100_000])) {
      const inputs: [string, string][] = [
        ['measurements (shared strings)', await measurementsWorkbook(n)],
        ['Chinese text (in-sheet strings)', await chineseTextWorkbook(n)],
      ];
      for (const [label, file] of inputs) {
        const lean = await measureOk('lean', tsNode('read-workbook.ts', 'lean', file));
        const exceljs = await measureOk('exceljs', tsNode('read-workbook.ts', 'exceljs', file));
        const leanOut = JSON.parse(lean.stdout) as ReadResult;
        const exceljsOut = JSON.parse(exceljs.stdout) as ReadResult;
        rows.push({
          case: `${label}: import reader`,
          size: n,
          seconds: lean.seconds,
          peakRssMb: lean.peakRssMb,
          note: `${leanOut.cells.toLocaleString('en')} cells, ${leanOut.damaged} damaged; ${ratio(lean.seconds, exceljs.seconds)} faster`,
        });
        rows.push({
          case: `${label}: exceljs stream`,
          size: n,
          seconds: exceljs.seconds,
          peakRssMb: exceljs.peakRssMb,
          note: `${exceljsOut.cells.toLocaleString('en')} cells, ${exceljsOut.damaged} damaged`,
        });
      }
    }
    report('Reading a workbook (every row of every sheet)', rows);
  },
};
export default suite;
