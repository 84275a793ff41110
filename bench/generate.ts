import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { STANDARDS_LIBRARY } from '../main/seed/standards-library';
import { LATEST_VERSION } from '../main/db/migrations';
import { openWorkbench, type Workbench } from '../main/workbench';
import type { DB } from '../main/db/open';
import { judge } from '../main/services/inspections';
import { shiftPeriod } from '../shared/domain/period';
import { CACHE_DIR } from './harness';

const SURNAMES = ['陈静', '王芳', '黄强', '刘洋', '张伟', '李娜'];
const CITIES = [
  '上海浦东',
  '杭州西湖',
  '南京鼓楼',
  '苏州园区',
  '宁波海曙',
  '合肥蜀山',
  '福州鼓楼',
  '济南历下',
];
export const BENCH_LAST_PERIOD = '2026-10';
export const BENCH_PERIODS = 12;

/** Deterministic pseudo-random numbers, so every run measures the same workbook. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface BenchRow {
  regionCode: string;
  regionName: string;
  branchCode: string;
  branchName: string;
  period: string;
  standardCode: string;
  value: number;
  inspector: string;
  inspectedOn: string;
}

/**
 * `count` measurement rows spread over branches × standards × the last 12 months, values
 * around each standard's target so verdicts mix pass, warning and fail.
 */
export function* benchRows(count: number): Generator<BenchRow> {
  const random = rng(count);
  const perBranch = STANDARDS_LIBRARY.length * BENCH_PERIODS;
  for (let i = 0; i < count; i++) {
    const b = Math.floor(i / perBranch);
    const s = STANDARDS_LIBRARY[i % STANDARDS_LIBRARY.length]!;
    const p = Math.floor(i / STANDARDS_LIBRARY.length) % BENCH_PERIODS;
    const period = shiftPeriod(BENCH_LAST_PERIOD, p);
    const region = b % 4;
    yield {
      regionCode: ['EAST', 'NORTH', 'SOUTH', 'WEST'][region]!,
      regionName: ['华东区', '华北区', '华南区', '西部区'][region]!,
      branchCode: `BR-${String(b + 1).padStart(5, '0')}`,
      branchName: `${CITIES[b % CITIES.length]}第${b + 1}营业厅`,
      period,
      standardCode: s.code,
      value: Math.round(s.target * (0.85 + random() * 0.3) * 100) / 100,
      inspector: SURNAMES[b % SURNAMES.length]!,
      inspectedOn: `${period}-${String(5 + (b % 20)).padStart(2, '0')}`,
    };
  }
}

export const LONG_HEADERS = [
  '区域编码',
  '区域',
  '网点编码',
  '网点名称',
  '统计周期',
  '指标编码',
  '实测值',
  '检查人',
  '检查日期',
];

/** A row's cells under LONG_HEADERS. */
export const longRowCells = (r: BenchRow): (string | number)[] => [
  r.regionCode,
  r.regionName,
  r.branchCode,
  r.branchName,
  r.period,
  r.standardCode,
  r.value,
  r.inspector,
  r.inspectedOn,
];

/**
 * The columns of `../shared/samples/north-2026-q3-long.xlsx`: the region by name, the period
 * and the inspection day as dates (shown `2026年7月` and `2026/7/6`), and notes on some rows.
 */
export const SAMPLE_LONG_HEADERS = [...LONG_HEADERS.filter((h) => h !== '区域编码'), '备注'];
const SAMPLE_NOTES = ['现场复核', '系统导出数据'];
const SAMPLE_DATE_FORMATS: Record<number, string> = { 4: 'yyyy"年"m"月"', 8: 'yyyy/m/d' };

/** The `i`th row's cells under SAMPLE_LONG_HEADERS: every third row has notes. */
const sampleRowCells = (r: BenchRow, i: number): (string | number | Date | null)[] => [
  r.regionName,
  r.branchCode,
  r.branchName,
  new Date(`${r.period}-01T00:00:00Z`),
  r.standardCode,
  r.value,
  r.inspector,
  new Date(`${r.inspectedOn}T00:00:00Z`),
  i % 3 === 0 ? SAMPLE_NOTES[i % 2]! : null,
];

/**
 * A long-format measurements workbook of `count` rows, written once and cached. `plain`:
 * region codes, periods and days as text, no notes (the shape the import has been measured on
 * since the start); `samples`: the columns of the long sample as regions write it (SAMPLE_LONG_HEADERS).
 */
export async function measurementsWorkbook(
  count: number,
  shape: 'plain' | 'samples' = 'plain',
): Promise<string> {
  const file = path.join(CACHE_DIR, `measurements-${shape === 'plain' ? 'long' : shape}-${count}.xlsx`);
  if (fs.existsSync(file)) return file;
  const samples = shape === 'samples';
  const temp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useSharedStrings: true,
    useStyles: samples,
  });
  const ws = wb.addWorksheet('检查数据');
  if (samples)
    for (const [column, numFmt] of Object.entries(SAMPLE_DATE_FORMATS))
      ws.getColumn(Number(column)).numFmt = numFmt;
  ws.addRow(samples ? SAMPLE_LONG_HEADERS : LONG_HEADERS).commit();
  let i = 0;
  for (const r of benchRows(count)) ws.addRow(samples ? sampleRowCells(r, i++) : longRowCells(r)).commit();
  ws.commit();
  await wb.commit();
  fs.renameSync(temp, file);
  return file;
}

/**
 * A database built once by `build` (on top of the built-in standards library) and kept in
 * CACHE_DIR under `name` and the schema version it was built at. So `qms` runs on a copy of it
 * open an up-to-date file: a cached file of an older schema would be migrated, backup and
 * all, inside every timed run. Copies of the same name at other versions are removed.
 */
export async function cachedDatabase(name: string, build: (wb: Workbench) => void): Promise<string> {
  const file = path.join(CACHE_DIR, `${name}-schema${LATEST_VERSION}.db`);
  if (fs.existsSync(file)) return file;
  for (const stale of fs.readdirSync(CACHE_DIR)) {
    if (new RegExp(`^${name}(-schema\\d+)?\\.db(-wal|-shm)?$`).test(stale)) {
      fs.rmSync(path.join(CACHE_DIR, stale), { force: true });
    }
  }
  const temp = `${file}.tmp`;
  fs.rmSync(temp, { force: true });
  const wb = openWorkbench({ dbPath: temp, user: 'bench' });
  await wb.dispatch('standards:seed', {});
  build(wb);
  wb.close();
  fs.renameSync(temp, file);
  return file;
}

/**
 * The prepared inserts bench databases are written with: raw SQL in the caller's transaction,
 * no services, so building a database costs seconds, not the minutes of the contract calls.
 */
export function benchInserts(db: DB) {
  return {
    region: db.prepare('INSERT INTO regions (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    branch: db.prepare(
      'INSERT INTO branches (id, region_id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    /** id, branch, period, inspector, inspected on, created, updated: a self-assessment. */
    inspection: db.prepare(
      `INSERT INTO inspections (id, branch_id, period, kind, inspector, inspected_on, created_at, updated_at)
       VALUES (?, ?, ?, 'self_assessment', ?, ?, ?, ?)`,
    ),
    /** id, inspection, standard id, code, value, verdict, gap, attainment, created, updated. */
    measurement: db.prepare(
      `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

/** The library's standards (version 1 after a seed), by code, with what judging needs. */
export function benchStandards(db: DB) {
  return db.prepare('SELECT id, code, direction, target, warning FROM standards ORDER BY code').all() as {
    id: string;
    code: string;
    direction: 'higher' | 'lower';
    target: number;
    warning: number;
  }[];
}

export interface RegionShape {
  /** Names the cached file, with the sizes. */
  name: string;
  branches: number;
  standards: number;
  /** Months up to BENCH_LAST_PERIOD. */
  periods: number;
  /** Branch b (from 1) belongs to regions[b % regions.length]; its code is `REGION-000b`. */
  regions: readonly { code: string; name: string }[];
  branchName: (b: number) => string;
  /** Of the values; the default is branches × standards × periods. */
  seed?: number;
}

/**
 * Branches × standards × months of self-assessments with values around each standard's
 * target (a realistic share fail or warn), judged as the services judge them, written with
 * prepared SQL in one transaction and cached: suites time work on a loaded database, not
 * loading it.
 */
export function loadedRegionDatabase(shape: RegionShape): Promise<string> {
  const { branches, standards: count, periods } = shape;
  return cachedDatabase(`${shape.name}-${branches}x${count}x${periods}`, ({ db }) => {
    const standards = benchStandards(db).slice(0, count);
    const now = new Date().toISOString();
    const random = rng(shape.seed ?? branches * count * periods);
    const insert = benchInserts(db);
    db.transaction(() => {
      const regions = shape.regions.map((r) => {
        const id = randomUUID();
        insert.region.run(id, r.code, r.name, now, now);
        return { id, code: r.code };
      });
      for (let b = 1; b <= branches; b++) {
        const region = regions[b % regions.length]!;
        const branch = randomUUID();
        insert.branch.run(
          branch,
          region.id,
          `${region.code}-${String(b).padStart(4, '0')}`,
          shape.branchName(b),
          now,
          now,
        );
        for (let p = 0; p < periods; p++) {
          const inspection = randomUUID();
          insert.inspection.run(inspection, branch, shiftPeriod(BENCH_LAST_PERIOD, p), null, null, now, now);
          for (const s of standards) {
            const value = Math.round(s.target * (0.9 + random() * 0.2) * 100) / 100;
            const j = judge(value, s);
            insert.measurement.run(
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
  });
}
