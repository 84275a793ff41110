// The reference side of the export suite: exceljs's stock streaming WorkbookWriter fed the
// same rows as `qms export measurements`, with a style object per cell as its API invites.
// Run as its own process so its peak RSS is its own.
import ExcelJS from 'exceljs';
import Database from 'better-sqlite3';

const [dbPath, out] = process.argv.slice(2);
const db = new Database(dbPath!, { readonly: true });
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out!, useStyles: true });
const sheet = workbook.addWorksheet('测量值', { views: [{ state: 'frozen', ySplit: 1 }] });
sheet.columns = [
  '区域编码',
  '网点编码',
  '网点名称',
  '期间',
  '指标编码',
  '实测值',
  '目标值',
  '结论',
  '检查日期',
].map((header) => ({ header, width: 14 }));
const rows = db
  .prepare(
    `SELECT r.code AS region, b.code AS branch, b.name AS branchName, i.period, m.standard_code AS code,
            m.value, s.target, m.verdict, i.inspected_on AS inspectedOn
       FROM measurements m JOIN inspections i ON i.id = m.inspection_id JOIN branches b ON b.id = i.branch_id
       JOIN regions r ON r.id = b.region_id JOIN standards s ON s.id = m.standard_id
      ORDER BY i.period DESC, b.code, m.standard_code`,
  )
  .iterate() as Iterable<Record<string, string | number | null>>;
const fills = { pass: 'FFC6EFCE', warning: 'FFFFEB9C', fail: 'FFFFC7CE' } as Record<string, string>;
let n = 0;
for (const r of rows) {
  const row = sheet.addRow([
    r.region,
    r.branch,
    r.branchName,
    r.period,
    r.code,
    r.value,
    r.target,
    r.verdict,
    r.inspectedOn,
  ]);
  row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fills[String(r.verdict)]! } };
  row.commit();
  n++;
}
await sheet.commit();
await workbook.commit();
process.stdout.write(`${n} rows\n`);
