import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openWorkbench } from '../../main/workbench';
import { judge } from '../../main/services/inspections';
import {
  CACHE_DIR,
  ROOT,
  SYSTEM_PYTHON,
  measureOk,
  ratio,
  report,
  sizes,
  tempDir,
  tsNode,
  type Row,
  type Suite,
} from '../harness';
import { benchRows } from '../generate';

/**
 * `qms export measurements --out x.xlsx` (our streaming writer: styled, typed, verdict
 * colours, legend) side by side with pandas `read_sql` + `DataFrame.to_excel` (openpyxl) and
 * exceljs's stock streaming WorkbookWriter, on a database of N judged measurements. Pandas
 * is run up to 100,000 rows (it takes minutes beyond); BENCH_PANDAS_MAX changes that.
 */
async function measurementsDatabase(count: number): Promise<string> {
  const file = path.join(CACHE_DIR, `export-${count}.db`);
  if (fs.existsSync(file)) return file;
  const temp = `${file}.tmp`;
  fs.rmSync(temp, { force: true });
  const wb = openWorkbench({ dbPath: temp, user: 'bench' });
  await wb.dispatch('standards:seed', {});
  const db = wb.db;
  const standards = new Map(
    (
      db.prepare('SELECT id, code, direction, target, warning FROM standards').all() as {
        id: string;
        code: string;
        direction: 'higher' | 'lower';
        target: number;
        warning: number;
      }[]
    ).map((s) => [s.code, s]),
  );
  const now = new Date().toISOString();
  const ids = new Map<string, string>();
  const idOf = (key: string, insert: (id: string) => void) => {
    let id = ids.get(key);
    if (!id) {
      ids.set(key, (id = randomUUID()));
      insert(id);
    }
    return id;
  };
  const insRegion = db.prepare(
    'INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insBranch = db.prepare(
    'INSERT INTO branches (id, region_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insInspection = db.prepare(
    `INSERT INTO inspections (id, branch_id, period, kind, inspector, inspected_on, created_at, updated_at)
     VALUES (?, ?, ?, 'self_assessment', ?, ?, ?, ?)`,
  );
  const insMeasurement = db.prepare(
    `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of benchRows(count)) {
      const region = idOf(`r/${r.regionCode}`, (id) =>
        insRegion.run(id, r.regionCode, r.regionName, now, now),
      );
      const branch = idOf(`b/${r.branchCode}`, (id) =>
        insBranch.run(id, region, r.branchCode, r.branchName, now, now),
      );
      const inspection = idOf(`i/${r.branchCode}/${r.period}`, (id) =>
        insInspection.run(id, branch, r.period, r.inspector, r.inspectedOn, now, now),
      );
      const s = standards.get(r.standardCode)!;
      const j = judge(r.value, s);
      insMeasurement.run(
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
  wb.close();
  fs.renameSync(temp, file);
  return file;
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
    const dir = tempDir('export');
    const rows: Row[] = [];
    for (const n of sizes([100_000, 1_000_000])) {
      const db = await measurementsDatabase(n);
      const ours = await measureOk('qms export', [
        process.execPath,
        path.join(ROOT, 'bin/qms.mjs'),
        '--db',
        db,
        'export',
        'measurements',
        '--out',
        path.join(dir, `ours-${n}.xlsx`),
      ]);
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
    report('Exporting measurements to .xlsx', rows);
    fs.rmSync(dir, { recursive: true, force: true });
  },
};
export default suite;
