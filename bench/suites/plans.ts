import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openWorkbench } from '../../main/workbench';
import { judge } from '../../main/services/inspections';
import { shiftPeriod } from '../../shared/domain/period';
import type { Plan } from '../../shared/contracts/plans';
import { CACHE_DIR, ROOT, measureOk, report, tempDir, type Row, type Suite } from '../harness';
import { BENCH_LAST_PERIOD, rng } from '../generate';

const BRANCHES = 500;
const STANDARDS = 25;
const PERIODS = 12;

/**
 * One region of 500 branches x 25 standards x 12 months (150,000 measurements, judged as the
 * services judge them), written with prepared SQL in one transaction and cached: the suite
 * times plan generation on a loaded database, not loading.
 */
async function regionDatabase(): Promise<string> {
  const file = path.join(CACHE_DIR, `plans-${BRANCHES}x${STANDARDS}x${PERIODS}.db`);
  if (fs.existsSync(file)) return file;
  const temp = `${file}.tmp`;
  fs.rmSync(temp, { force: true });
  const wb = openWorkbench({ dbPath: temp, user: 'bench' });
  await wb.dispatch('standards:seed', {});
  const db = wb.db;
  const standards = (
    db.prepare('SELECT id, code, direction, target, warning FROM standards ORDER BY code').all() as {
      id: string;
      code: string;
      direction: 'higher' | 'lower';
      target: number;
      warning: number;
    }[]
  ).slice(0, STANDARDS);
  const now = new Date().toISOString();
  const random = rng(BRANCHES * STANDARDS);
  const region = randomUUID();
  const insBranch = db.prepare(
    'INSERT INTO branches (id, region_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insInspection = db.prepare(
    "INSERT INTO inspections (id, branch_id, period, kind, created_at, updated_at) VALUES (?, ?, ?, 'self_assessment', ?, ?)",
  );
  const insMeasurement = db.prepare(
    `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    db.prepare('INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      region,
      'EAST',
      '华东区',
      now,
      now,
    );
    for (let b = 1; b <= BRANCHES; b++) {
      const branch = randomUUID();
      insBranch.run(branch, region, `EAST-${String(b).padStart(4, '0')}`, `华东第${b}营业厅`, now, now);
      for (let p = 0; p < PERIODS; p++) {
        const inspection = randomUUID();
        insInspection.run(inspection, branch, shiftPeriod(BENCH_LAST_PERIOD, p), now, now);
        for (const s of standards) {
          // Around the target, so a realistic share of pairs fail or warn.
          const value = Math.round(s.target * (0.9 + random() * 0.2) * 100) / 100;
          const j = judge(value, s);
          insMeasurement.run(
            randomUUID(),
            inspection,
            s.id,
            s.code,
            value,
            j.verdict,
            j.gap,
            j.attainment,
            now,
            now,
          );
        }
      }
    }
  })();
  wb.close();
  fs.renameSync(temp, file);
  return file;
}

/** `qms plan` and `qms review` on the loaded region, each on a fresh copy of the database. */
const suite: Suite = {
  name: 'plans',
  description: `PDCA plan and review for a region of ${BRANCHES} branches x ${STANDARDS} standards x ${PERIODS} periods`,
  async run() {
    const source = await regionDatabase();
    const dir = tempDir('plans');
    const qms = (db: string, ...args: string[]) => [
      process.execPath,
      path.join(ROOT, 'bin/qms.mjs'),
      '--db',
      db,
      ...args,
    ];
    const fresh = (name: string) => {
      const copy = path.join(dir, `${name}.db`);
      fs.copyFileSync(source, copy);
      return copy;
    };
    const rows: Row[] = [];
    // The generation alone, in this process: the plans:generate call the CLI and the app make.
    const wb = openWorkbench({ dbPath: fresh('in-process'), user: 'bench' });
    const started = performance.now();
    const plan = (await wb.dispatch('plans:generate', {
      scope: { type: 'region', code: 'EAST' },
      period: BENCH_LAST_PERIOD,
    })) as Plan;
    const generation = (performance.now() - started) / 1000;
    wb.close();
    rows.push({
      case: 'plans:generate (in process, no start-up, no file)',
      size: `${plan.content.summary.gapCount} gaps`,
      seconds: generation,
    });
    const floor = await measureOk('qms init', qms(fresh('floor'), 'init'));
    rows.push({
      case: 'qms init (start-up and open: the floor)',
      size: '150,000 rows',
      seconds: floor.seconds,
      peakRssMb: floor.peakRssMb,
    });
    for (const [label, args] of [
      [
        'qms plan --out plan.xlsx',
        ['plan', '--scope', 'EAST', '--period', BENCH_LAST_PERIOD, '--out', path.join(dir, 'plan.xlsx')],
      ],
      [
        'qms plan --out plan.pdf (Chromium)',
        ['plan', '--scope', 'EAST', '--period', BENCH_LAST_PERIOD, '--out', path.join(dir, 'plan.pdf')],
      ],
      [
        'qms review --out review.xlsx',
        ['review', '--scope', 'EAST', '--period', BENCH_LAST_PERIOD, '--out', path.join(dir, 'review.xlsx')],
      ],
    ] as const) {
      const m = await measureOk(label, qms(fresh(label.replace(/\W+/g, '-')), ...args));
      rows.push({
        case: label,
        size: m.stdout.match(/(\d+) gaps/)?.[0] ?? '',
        seconds: m.seconds,
        peakRssMb: m.peakRssMb,
        note: `${(m.seconds - floor.seconds).toFixed(2)} s over the floor`,
      });
    }
    report('Plans and reviews on a loaded region', rows);
    fs.rmSync(dir, { recursive: true, force: true });
  },
};
export default suite;
