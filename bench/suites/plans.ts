import path from 'node:path';
import { openWorkbench } from '../../main/workbench';
import type { Plan } from '../../shared/contracts/plans';
import { freshCopy, inTempDir, measure, measureOk, qms, report, type Row, type Suite } from '../harness';
import { BENCH_LAST_PERIOD, loadedRegionDatabase } from '../generate';

const BRANCHES = 500;
const STANDARDS = 25;
const PERIODS = 12;

/** One region of 500 branches x 25 standards x 12 months: 150,000 measurements. */
const regionDatabase = () =>
  loadedRegionDatabase({
    name: 'plans',
    branches: BRANCHES,
    standards: STANDARDS,
    periods: PERIODS,
    regions: [{ code: 'EAST', name: '华东区' }],
    branchName: (b) => `华东第${b}营业厅`,
    // The seed the suite's first figures were measured with: the same 6,162 gaps since.
    seed: BRANCHES * STANDARDS,
  });

const PLAN = ['plan', '--scope', 'EAST', '--period', BENCH_LAST_PERIOD];

/** `qms plan` and `qms review` on the loaded region, each on a fresh copy of the database. */
const suite: Suite = {
  name: 'plans',
  description: `PDCA plan and review for a region of ${BRANCHES} branches x ${STANDARDS} standards x ${PERIODS} periods`,
  async run() {
    const source = await regionDatabase();
    const rows: Row[] = [];
    await inTempDir('plans', async (dir) => {
      const fresh = (name: string) => freshCopy(source, dir, name);
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
      // Untimed: the first qms run after a source change compiles the CLI.
      await measureOk('qms --version', qms(fresh('warm-up'), '--version'));
      const floor = await measureOk('qms init', qms(fresh('floor'), 'init'));
      rows.push({
        case: 'qms init (start-up and open: the floor)',
        size: '150,000 rows',
        seconds: floor.seconds,
        peakRssMb: floor.peakRssMb,
      });
      const overFloor = (seconds: number) =>
        `${(seconds - floor.seconds).toFixed(2)} s over the floor (${floor.seconds.toFixed(2)} s)`;
      // The whole process of generating and storing the plan: the CLI's own time for a plan.
      const own = await measure(qms(fresh('plan-no-out'), ...PLAN));
      if (own.exitCode === 0) {
        rows.push({
          case: 'qms plan, no --out (start-up, generate, store)',
          size: own.stdout.match(/(\d+) gaps/)?.[0] ?? '',
          seconds: own.seconds,
          peakRssMb: own.peakRssMb,
          note: overFloor(own.seconds),
        });
      } else {
        rows.push({
          case: 'qms plan, no --out (start-up, generate, store)',
          size: '',
          seconds: Number.NaN,
          note: `not run: qms exited ${own.exitCode}: ${own.stderr.trim().split('\n')[0]}`,
        });
      }
      for (const [label, args] of [
        ['qms plan --out plan.xlsx', [...PLAN, '--out', path.join(dir, 'plan.xlsx')]],
        ['qms plan --out plan.pdf (Chromium)', [...PLAN, '--out', path.join(dir, 'plan.pdf')]],
        [
          'qms review --out review.xlsx',
          [
            'review',
            '--scope',
            'EAST',
            '--period',
            BENCH_LAST_PERIOD,
            '--out',
            path.join(dir, 'review.xlsx'),
          ],
        ],
      ] as const) {
        const m = await measureOk(label, qms(fresh(label), ...args));
        rows.push({
          case: label,
          size: m.stdout.match(/(\d+) gaps/)?.[0] ?? '',
          seconds: m.seconds,
          peakRssMb: m.peakRssMb,
          note: overFloor(m.seconds),
        });
      }
    });
    report('Plans and reviews on a loaded region', rows);
  },
};
export default suite;
