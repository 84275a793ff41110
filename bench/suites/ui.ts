import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { openWorkbench } from '../../main/workbench';
import { judge } from '../../main/services/inspections';
import { startServer } from '../../main/server';
import { shiftPeriod } from '../../shared/domain/period';
import { CACHE_DIR, ROOT, report, tempDir, type Row, type Suite } from '../harness';
import { BENCH_LAST_PERIOD, rng } from '../generate';

const BRANCHES = 1000;
const STANDARDS = 25;
const PERIODS = 40;
const TOTAL = BRANCHES * STANDARDS * PERIODS;
const TARGET_SECONDS = 1.5;

/**
 * 1,000 branches x 25 standards x 40 months = 1,000,000 measurements, judged as the services
 * judge them, written with prepared SQL in one transaction and cached between runs.
 */
async function millionDatabase(): Promise<string> {
  const file = path.join(CACHE_DIR, `ui-${BRANCHES}x${STANDARDS}x${PERIODS}.db`);
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
  const random = rng(TOTAL);
  const insRegion = db.prepare(
    'INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
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
    const regions = ['EAST', 'NORTH', 'SOUTH', 'WEST'].map((code) => {
      const id = randomUUID();
      insRegion.run(id, code, `${code} 区`, now, now);
      return { id, code };
    });
    for (let b = 1; b <= BRANCHES; b++) {
      const region = regions[b % regions.length]!;
      const branch = randomUUID();
      insBranch.run(
        branch,
        region.id,
        `${region.code}-${String(b).padStart(4, '0')}`,
        `第${b}营业厅`,
        now,
        now,
      );
      for (let p = 0; p < PERIODS; p++) {
        const inspection = randomUUID();
        insInspection.run(inspection, branch, shiftPeriod(BENCH_LAST_PERIOD, p), now, now);
        for (const s of standards) {
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

function buildRenderer(): string {
  const run = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // vitest sets NODE_ENV=test, which would make a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (run.status !== 0) throw new Error(`renderer build failed: ${run.stderr}`);
  const copy = path.join(tempDir('ui-renderer'), 'renderer');
  fs.cpSync(path.join(ROOT, 'dist', 'renderer'), copy, { recursive: true });
  return copy;
}

/**
 * The measurements page over a million rows in Chromium: time from navigation to the first
 * rows drawn, then a jump to the last row, counting the pages (offset/limit requests) the
 * grid asked for against the size of the table.
 */
const suite: Suite = {
  name: 'ui',
  description: `the measurements grid in Chromium over ${TOTAL.toLocaleString('en')} measurements`,
  async run() {
    const source = await millionDatabase();
    const dir = tempDir('ui');
    const dbPath = path.join(dir, 'ui.db');
    fs.copyFileSync(source, dbPath);
    const staticDir = buildRenderer();
    const server = await startServer({ dbPath, port: 0, staticDir });
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const rows: Row[] = [];
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const fetched: { offset: number; limit: number; rows: number; ms: number }[] = [];
      page.on('requestfinished', (request) => {
        if (!request.url().endsWith('/api/measurements:list')) return;
        const input = JSON.parse(request.postData() ?? '{}') as { offset: number; limit: number };
        const timing = request.timing();
        void request.response().then(async (response) => {
          const body = (await response?.json()) as { value?: { rows: unknown[] } };
          fetched.push({ ...input, rows: body.value?.rows.length ?? 0, ms: timing.responseEnd });
        });
      });
      const firstRow = '[data-testid="measurements-grid"] .ag-row[row-index="0"] [col-id="branchCode"]';
      const waitFirstRow = () =>
        page.waitForFunction((sel) => !!document.querySelector(sel)?.textContent, firstRow, {
          timeout: 60_000,
          polling: 16,
        });

      const verdict = (seconds: number) =>
        seconds < TARGET_SECONDS
          ? `within the ${TARGET_SECONDS} s target`
          : `OVER the ${TARGET_SECONDS} s target`;
      const total = async () =>
        Number((await page.locator('[data-testid="grid-total"]').innerText()).replace(/\D/g, ''));

      // Cold: the URL typed in (page, scripts and the first page of rows).
      let started = performance.now();
      await page.goto(`${server.url}#/inspections?tab=measurements`);
      await waitFirstRow();
      const cold = (performance.now() - started) / 1000;
      rows.push({ case: 'open the app on the measurements page (cold load)', size: TOTAL, seconds: cold });

      /** From another page of the loaded app, as a user clicks the menu, to the first rows drawn. */
      const navigateTo = async (route: string, label: string, runs: number) => {
        for (let i = 0; i < runs; i++) {
          await page.evaluate(() => (window.location.hash = '#/standards'));
          await page.waitForSelector('[data-testid="standards-grid"]');
          started = performance.now();
          await page.evaluate((r) => (window.location.hash = r), route);
          await waitFirstRow();
          const seconds = (performance.now() - started) / 1000;
          rows.push({
            case: `${label}, first rows drawn (run ${i + 1})`,
            size: `${(await total()).toLocaleString('en')} of ${TOTAL.toLocaleString('en')}`,
            seconds,
            note: verdict(seconds),
          });
        }
      };

      /** Jumps to the last row: the grid asks for the block in view, not the table. */
      const scrollToEnd = async (label: string) => {
        const before = fetched.length;
        const size = await total();
        started = performance.now();
        await page.evaluate(() => {
          // The grid's scrolling element: whichever inside it scrolls furthest (class names vary by version).
          const grid = document.querySelector('[data-testid="measurements-grid"]')!;
          const scrollers = [...grid.querySelectorAll<HTMLElement>('*')].filter(
            (e) => e.scrollHeight > e.clientHeight + 100,
          );
          scrollers.sort((a, b) => b.scrollHeight - a.scrollHeight)[0]!.scrollTop = 1e9;
        });
        await page.waitForSelector(
          `[data-testid="measurements-grid"] .ag-row[row-index="${size - 1}"] [col-id="branchCode"]:not(:empty)`,
          { timeout: 180_000 },
        );
        const seconds = (performance.now() - started) / 1000;
        await page.waitForTimeout(300);
        const jump = fetched.slice(before);
        const jumpRows = jump.reduce((n, f) => n + f.rows, 0);
        rows.push({
          case: `${label}: scroll to the last row, drawn`,
          size,
          seconds,
          note: `${jump.length} page request(s), ${jumpRows} rows (${((jumpRows / size) * 100).toFixed(2)}% of ${size.toLocaleString('en')})`,
        });
      };

      await navigateTo('#/inspections?tab=measurements', 'measurements page (newest period)', 3);
      await scrollToEnd('newest period');
      await navigateTo('#/inspections?tab=measurements&period=all', 'measurements page, every period', 1);
      const fetchedRows = fetched.reduce((n, f) => n + f.rows, 0);
      rows.push({
        case: 'all measurements:list requests of the run',
        size: TOTAL,
        seconds: Math.max(...fetched.map((f) => f.ms)) / 1000,
        note: `${fetched.length} requests, ${fetchedRows.toLocaleString('en')} rows fetched (${((fetchedRows / TOTAL) * 100).toFixed(3)}% of the table); seconds: the slowest request`,
      });
    } finally {
      await browser.close();
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    report('The measurements grid over a million rows (Chromium, qms serve)', rows);
  },
};
export default suite;
