import path from 'node:path';
import { measurementsWorkbook } from '../generate';
import {
  SYSTEM_PYTHON,
  measure,
  measureOk,
  qms,
  ratio,
  report,
  sizes,
  tempDir,
  type Row,
  type Suite,
} from '../harness';

/**
 * `qms import` of a long measurements workbook, the whole process (start-up, reading,
 * detection, validation against the database, verdicts, writing, commit), side by side with
 * the usual scripting path: pandas.read_excel (openpyxl) + DataFrame.to_sql into SQLite,
 * which reads and stores but validates and judges nothing. 1,000,000 rows: ours alone
 * (the pandas path takes minutes there).
 */
const PANDAS = `
import sys, sqlite3, pandas as pd
df = pd.read_excel(sys.argv[1], engine="openpyxl")
con = sqlite3.connect(sys.argv[2])
df.to_sql("measurements", con, if_exists="replace", index=False)
con.commit()
print(len(df))
`;

async function ours(file: string): Promise<{ seconds: number; peakRssMb: number }> {
  const db = path.join(tempDir('import'), 'bench.db');
  await measureOk('qms seed', qms(db, 'seed', 'standards'));
  return measureOk('qms import', qms(db, 'import', file));
}

const suite: Suite = {
  name: 'import',
  description: 'qms import of a long measurements workbook vs pandas.read_excel(openpyxl) + to_sql',
  async run() {
    const rows: Row[] = [];
    for (const n of sizes([100_000, 1_000_000])) {
      const file = await measurementsWorkbook(n);
      const q = await ours(file);
      rows.push({
        case: 'qms import (detect, validate, judge, write)',
        size: n,
        seconds: q.seconds,
        peakRssMb: q.peakRssMb,
      });
      if (n > 200_000) continue;
      const p = await measure([SYSTEM_PYTHON, '-c', PANDAS, file, path.join(tempDir('pandas'), 'pandas.db')]);
      rows.push(
        p.exitCode === 0
          ? {
              case: 'pandas.read_excel(openpyxl) + to_sql',
              size: n,
              seconds: p.seconds,
              peakRssMb: p.peakRssMb,
              note: `qms is ${ratio(q.seconds, p.seconds)} faster`,
            }
          : {
              case: 'pandas.read_excel(openpyxl) + to_sql',
              size: n,
              seconds: 0,
              note: `failed: ${p.stderr.trim().split('\n').at(-1)}`,
            },
      );
    }
    report('Importing a measurements workbook', rows);
  },
};
export default suite;
