import fs from 'node:fs';
import path from 'node:path';
import { measurementsWorkbook } from '../generate';
import {
  SYSTEM_PYTHON,
  measure,
  measureOk,
  qmsAt,
  ROOT,
  ratio,
  report,
  sizes,
  inTempDir,
  type Measurement,
  type Row,
  type Suite,
} from '../harness';

/**
 * `qms import` of a long measurements workbook, the whole process (start-up, reading,
 * detection, validation against the database, verdicts, writing, commit), side by side with
 * the usual scripting path: pandas.read_excel (openpyxl) + DataFrame.to_sql into SQLite,
 * which reads and stores but validates and judges nothing. Two shapes of workbook: the plain
 * one measured since the start (text only), and the long sample's (dates and notes, which
 * cost both sides more). 1,000,000 rows: ours alone, plain (the pandas path takes minutes
 * there). At the sizes both run, each side runs REPEAT times,
 * alternating, and the medians are compared. BENCH_BASELINE names another checkout (say a
 * git worktree of an earlier commit, with node_modules) whose `qms import` runs in turn with
 * the others: a change measured against its parent in one run.
 */
const PANDAS = `
import sys, sqlite3, pandas as pd
df = pd.read_excel(sys.argv[1], engine="openpyxl")
con = sqlite3.connect(sys.argv[2])
df.to_sql("measurements", con, if_exists="replace", index=False)
con.commit()
print(len(df))
`;

/**
 * Runs per side at the sizes pandas takes part in: alternated, so a slow spell of this shared
 * machine hits both sides. Five, not three: a neighbour stretched single runs by a third.
 */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);

const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
if (BASELINE && !fs.existsSync(path.join(BASELINE, 'bin', 'qms.mjs')))
  throw new Error(
    `BENCH_BASELINE=${BASELINE}: no bin/qms.mjs there (a checkout of this project, with node_modules)`,
  );

/** `qms import` of the checkout at `root`, on a database it seeded itself. */
function qmsImport(root: string, file: string): Promise<Measurement> {
  return inTempDir('import', async (dir) => {
    const db = path.join(dir, 'bench.db');
    await measureOk('qms seed', qmsAt(root, db, 'seed', 'standards'));
    return measureOk('qms import', qmsAt(root, db, 'import', file));
  });
}

function pandas(file: string): Promise<Measurement> {
  return inTempDir('pandas', (dir) =>
    measure([SYSTEM_PYTHON, '-c', PANDAS, file, path.join(dir, 'pandas.db')]),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * "1.98–2.31 s over 3 runs; CPU 3.10 s": the range for the reader to judge the noise, and the
 * median CPU time of all threads, which a busy neighbour moves less than the wall clock.
 */
function spread(runs: Measurement[]): string {
  const s = runs.map((r) => r.seconds);
  const cpu = median(runs.map((r) => r.cpuSeconds));
  return `${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)} s over ${s.length} runs; CPU ${cpu.toFixed(2)} s`;
}

/** One side's row: the median of its runs, their peak RSS, their spread, then how it compares. */
function sideRow(
  name: string,
  size: number,
  runs: Measurement[],
  compared?: (seconds: number) => string,
): Row {
  const seconds = median(runs.map((m) => m.seconds));
  const notes = runs.length > 1 ? [`median; ${spread(runs)}`] : [];
  if (compared) notes.push(compared(seconds));
  return {
    case: name,
    size,
    seconds,
    peakRssMb: Math.max(...runs.map((m) => m.peakRssMb)),
    note: notes.length > 0 ? notes.join('; ') : undefined,
  };
}

/**
 * Both sides on one workbook of `n` rows, REPEAT times each, alternating: their rows of the
 * table. Pandas only at sizes it finishes in seconds.
 */
async function sideBySide(file: string, n: number): Promise<Row[]> {
  const rows: Row[] = [];
  const withPandas = n <= 200_000;
  const mine: Measurement[] = [];
  const before: Measurement[] = [];
  const theirs: Measurement[] = [];
  for (let i = 0; i < (withPandas || BASELINE ? REPEAT : 1); i++) {
    mine.push(await qmsImport(ROOT, file));
    if (BASELINE) before.push(await qmsImport(BASELINE, file));
    if (withPandas) theirs.push(await pandas(file));
  }
  const mineRow = sideRow('qms import (detect, validate, judge, write)', n, mine);
  const q = mineRow.seconds;
  rows.push(mineRow);
  if (BASELINE)
    rows.push(
      sideRow(
        `the same, by BENCH_BASELINE (${path.basename(BASELINE)})`,
        n,
        before,
        (b) => `this checkout takes ${Math.round((100 * q) / b)}% of its time (medians)`,
      ),
    );
  if (!withPandas) return rows;
  const failed = theirs.find((p) => p.exitCode !== 0);
  if (failed) {
    rows.push({
      case: 'pandas.read_excel(openpyxl) + to_sql',
      size: n,
      seconds: NaN,
      note: `failed: ${failed.stderr.trim().split('\n').at(-1)}`,
    });
    return rows;
  }
  rows.push(
    sideRow(
      'pandas.read_excel(openpyxl) + to_sql',
      n,
      theirs,
      (p) => `qms is ${ratio(q, p)} faster (medians)`,
    ),
  );
  return rows;
}

const suite: Suite = {
  name: 'import',
  description: 'qms import of a long measurements workbook vs pandas.read_excel(openpyxl) + to_sql',
  async run() {
    const plain: Row[] = [];
    const samples: Row[] = [];
    for (const n of sizes([100_000, 1_000_000])) {
      plain.push(...(await sideBySide(await measurementsWorkbook(n), n)));
      // The samples' shape beside pandas only: a million rows of it adds minutes of writing the file.
      if (n <= 200_000) samples.push(...(await sideBySide(await measurementsWorkbook(n, 'samples'), n)));
    }
    report('Importing a measurements workbook: region codes, periods and days as text, no notes', plain);
    if (samples.length > 0)
      report(
        'Importing a measurements workbook shaped like the long sample: periods and days as dates, notes on a third of the rows',
        samples,
      );
  },
};
export default suite;
