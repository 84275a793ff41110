import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { judge } from '../../main/services/inspections';
import {
  SYSTEM_PYTHON,
  measureOk,
  qms,
  ratio,
  report,
  sizes,
  inTempDir,
  tsNode,
  type Row,
  type Suite,
} from '../harness';
import { benchInserts, benchRows, benchStandards, cachedDatabase } from '../generate';

/**
 * `qms export measurements --out x.xlsx` (our streaming writer: styled, typed, verdict
 * colours, legend) side by side with pandas `read_sql` + `DataFrame.to_excel` (openpyxl) and
 * exceljs's stock streaming WorkbookWriter, on a database of N judged measurements. Pandas
 * is run up to 100,000 rows (it takes minutes beyond); BENCH_PANDAS_MAX changes that.
 */
function measurementsDatabase(count: number): Promise<string> {
  return cachedDatabase(`export-${count}`, ({ db }) => {
    const standards = new Map(benchStandards(db).map((s) => [s.code, s]));
    const now = new Date().toISOString();
    const ids = new Map<string, string>();
    const idOf = (key: string, write: (id: string) => void) => {
      let id = ids.get(key);
      if (!id) {
        ids.set(key, (id = randomUUID()));
        write(id);
      }
      return id;
    };
    const insert = benchInserts(db);
    db.transaction(() => {
      for (const r of benchRows(count)) {
        const region = idOf(`r/${r.regionCode}`, (id) =>
          insert.region.run(id, r.regionCode, r.regionName, now, now),
        );
        const branch = idOf(`b/${r.branchCode}`, (id) =>
          insert.branch.run(id, region, r.branchCode, r.branchName, now, now),
        );
        const inspection = idOf(`i/${r.branchCode}/${r.period}`, (id) =>
          insert.inspection.run(id, branch, r.period, r.inspector, r.inspectedOn, now, now),
        );
        const s = standards.get(r.standardCode)!;
        const j = judge(r.value, s);
        insert.measurement.run(
          randomUUID(),
          inspection,
          s.id,
          s.code,
          r.value,
          j.verdict,
          j.gap,
          j.attainment,
          now,
          now,
        );
      }
    })();
  });
}

const PANDAS = `
import sqlite3, sys, pandas as pd
con = sqlite3.connect(sys.argv[1])
df = pd.read_sql("""SELECT r.code AS region_code, r.name AS region_name, b.code AS branch_code, b.name AS branch_name,
  i.period, m.standard_code, s.name_zh AS standard_name, s.unit, m.value, s.target, s.warning, m.verdict, m.gap,
  m.attainment, i.kind AS inspection_type, i.inspector, i.inspected_on, m.notes
  FROM measurements m JOIN inspections i ON i.id = m.inspection_id JOIN branches b ON b.id = i.branch_id
  JOIN regions r ON r.id = b.region_id JOIN standards s ON s.id = m.standard_id
  ORDER BY i.period DESC, b.code, m.standard_code""", con, parse_dates=['inspected_on'])
df.to_excel(sys.argv[2], index=False, sheet_name='measurements')
print(len(df), 'rows')
`;

const suite: Suite = {
  name: 'export',
  description: 'measurements to .xlsx: qms export vs pandas read_sql + to_excel vs stock exceljs streaming',
  async run() {
    const pandasMax = Number(process.env.BENCH_PANDAS_MAX ?? 100_000);
    const rows: Row[] = [];
    await inTempDir('export', async (dir) => {
      for (const n of sizes([100_000, 1_000_000])) {
        const db = await measurementsDatabase(n);
        const ours = await measureOk(
          'qms export',
          qms(db, 'export', 'measurements', '--out', path.join(dir, `ours-${n}.xlsx`)),
        );
        rows.push({
          case: 'qms export measurements (styled, streaming)',
          size: n,
          seconds: ours.seconds,
          peakRssMb: ours.peakRssMb,
          note: `${(fs.statSync(path.join(dir, `ours-${n}.xlsx`)).size / 1e6).toFixed(1)} MB file`,
        });
        if (n <= pandasMax) {
          const pandas = await measureOk('pandas', [
            SYSTEM_PYTHON,
            '-c',
            PANDAS,
            db,
            path.join(dir, `pandas-${n}.xlsx`),
          ]);
          rows.push({
            case: 'pandas read_sql + to_excel (openpyxl)',
            size: n,
            seconds: pandas.seconds,
            peakRssMb: pandas.peakRssMb,
            note: `qms export is ${ratio(ours.seconds, pandas.seconds)} faster`,
          });
        }
        const stock = await measureOk(
          'exceljs',
          tsNode('exceljs-export.ts', db, path.join(dir, `exceljs-${n}.xlsx`)),
        );
        rows.push({
          case: 'exceljs stock WorkbookWriter (9 columns, a fill per verdict cell)',
          size: n,
          seconds: stock.seconds,
          peakRssMb: stock.peakRssMb,
          note: `qms export is ${ratio(ours.seconds, stock.seconds)} faster`,
        });
        for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
      }
    });
    report('Exporting measurements to .xlsx', rows);
  },
};
export default suite;
