import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { STANDARDS_LIBRARY } from '../main/seed/standards-library';
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

/** A long-format measurements workbook of `count` rows, written once and cached. */
export async function measurementsWorkbook(count: number): Promise<string> {
  const file = path.join(CACHE_DIR, `measurements-long-${count}.xlsx`);
  if (fs.existsSync(file)) return file;
  const temp = `${file}.tmp`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: temp,
    useSharedStrings: true,
    useStyles: false,
  });
  const ws = wb.addWorksheet('检查数据');
  ws.addRow(LONG_HEADERS).commit();
  for (const r of benchRows(count)) {
    ws.addRow([
      r.regionCode,
      r.regionName,
      r.branchCode,
      r.branchName,
      r.period,
      r.standardCode,
      r.value,
      r.inspector,
      r.inspectedOn,
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(temp, file);
  return file;
}
