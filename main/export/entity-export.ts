import path from 'node:path';
import type { ExportFilters, EntityKind, ExportOutcome } from '../../shared/contracts/export';
import { periodRange } from '../../shared/domain/period';
import { labelOf } from '../../shared/domain/enums';
import type { Lang } from '../../shared/messages';
import { comparePeriods } from '../../shared/domain/period';
import * as repo from '../repositories/export';
import { listStandards } from '../repositories/standards';
import { listPlans } from '../plans/service';
import { listReviews } from '../reviews/service';
import { today, type ServiceContext } from '../services/context';
import { scopeFromCode } from '../plans/scope';
import {
  ACTION_COLUMNS,
  BRANCH_COLUMNS,
  MEASUREMENT_COLUMNS,
  PLAN_COLUMNS,
  REVIEW_COLUMNS,
  STANDARD_COLUMNS,
  type Column,
} from './columns';
import { csvCells, headerOf, xlsxCells, type Mode } from './cells';
import { writeAtomically } from '../platform/atomic-write';
import { CsvWriter } from './csv-writer';
import { XlsxWriter } from './xlsx-writer';
import { VERDICT_STYLE } from './styles';

export type Progress = (done: number, total: number | null) => void;

interface Source<R> {
  columns: Column<R>[];
  rows: Iterable<R>;
  total: number | null;
  sheetName: { zh: string; en: string };
  legend: boolean;
}

/** Where rows of a kind come from, under the caller's filters (the grid's). */
function sourceOf(ctx: ServiceContext, kind: EntityKind, f: ExportFilters): Source<never> {
  const scope = scopeFromCode(ctx, f.scope);
  const org = {
    regionCode: scope.type === 'region' ? scope.code : undefined,
    branchCode: scope.type === 'branch' ? scope.code : undefined,
  };
  const from = f.period ?? f.periodFrom;
  const to = f.period ?? f.periodTo;
  const inRange = (p: string) =>
    (!from || comparePeriods(p, from) >= 0) && (!to || comparePeriods(p, to) <= 0);
  const inScope = (s: { type: string; code?: string }) =>
    scope.type === 'all' || (s.type === scope.type && s.code === scope.code);
  const source = <R>(s: Source<R>) => s as unknown as Source<never>;
  switch (kind) {
    case 'measurements': {
      const filter = {
        ...org,
        period: f.period,
        periodFrom: f.periodFrom,
        periodTo: f.periodTo,
        standardCode: f.standardCode,
        verdict: f.verdict,
        sort: f.sort,
      };
      return source({
        columns: MEASUREMENT_COLUMNS,
        rows: repo.iterateMeasurements(ctx.db, filter),
        total: repo.countMeasurements(ctx.db, filter),
        sheetName: { zh: '测量值', en: 'Measurements' },
        legend: true,
      });
    }
    case 'actions':
      return source({
        columns: ACTION_COLUMNS,
        rows: repo.iterateActions(
          ctx.db,
          {
            ...org,
            standardCode: f.standardCode,
            status: f.status,
            overdue: f.overdue,
            planId: f.planId,
            dueFrom: from ? periodRange(from).start : undefined,
            dueTo: to ? periodRange(to).end : undefined,
            sort: f.sort,
          },
          today(ctx),
        ),
        total: null,
        sheetName: { zh: '整改措施', en: 'Actions' },
        legend: false,
      });
    case 'branches':
      return source({
        columns: BRANCH_COLUMNS,
        rows: repo.iterateBranches(ctx.db, { ...org, sort: f.sort }),
        total: null,
        sheetName: { zh: '网点清单', en: 'Branches' },
        legend: false,
      });
    case 'standards':
      return source({
        columns: STANDARD_COLUMNS,
        rows: listStandards(ctx.db, { history: false, dimension: f.dimension, q: f.q }),
        total: null,
        sheetName: { zh: '服务质量标准', en: 'Standards' },
        legend: false,
      });
    case 'plans':
      return source({
        columns: PLAN_COLUMNS,
        rows: listPlans(ctx, {}).filter((p) => inRange(p.period) && inScope(p.scope)),
        total: null,
        sheetName: { zh: 'PDCA改进计划', en: 'PDCA plans' },
        legend: false,
      });
    case 'reviews':
      return source({
        columns: REVIEW_COLUMNS,
        rows: listReviews(ctx, {}).filter((r) => inRange(r.period) && inScope(r.scope)),
        total: null,
        sheetName: { zh: '管理评审', en: 'Reviews' },
        legend: false,
      });
  }
}

export async function exportEntities(
  ctx: ServiceContext,
  req: { kind: EntityKind; path: string; filters: ExportFilters; headers: 'labels' | 'keys'; lang: Lang },
  progress?: Progress,
): Promise<ExportOutcome> {
  const source = sourceOf(ctx, req.kind, req.filters);
  const csv = path.extname(req.path).toLowerCase() === '.csv';
  const mode: Mode = { labels: !csv && req.headers === 'labels', lang: req.lang };
  const tick = progressEvery(progress, source.total);
  let rows: number;
  try {
    rows = await writeAtomically(req.path, (temp) =>
      csv ? writeCsv(temp, source, tick) : writeXlsx(ctx, temp, source, mode, req, tick),
    );
  } finally {
    // A statement's cursor the writer never reached (a place refused before any work) or left
    // (a failed write) would keep the connection busy for every later query.
    (source.rows as Partial<Iterator<never>>).return?.();
  }
  progress?.(rows, rows);
  return { path: path.resolve(req.path), rows };
}

async function writeCsv(temp: string, source: Source<never>, tick: (n: number) => void): Promise<number> {
  const out = new CsvWriter(temp);
  try {
    await out.row(source.columns.map((c) => c.key));
    const convert = csvCells(source.columns);
    let n = 0;
    for (const r of source.rows) {
      await out.row(convert(r));
      tick(++n);
    }
    await out.finish();
    return n;
  } catch (e) {
    out.abort();
    throw e;
  }
}

async function writeXlsx(
  ctx: ServiceContext,
  temp: string,
  source: Source<never>,
  mode: Mode,
  req: { filters: ExportFilters; lang: Lang },
  tick: (n: number) => void,
): Promise<number> {
  const sheetName = source.sheetName[req.lang];
  const out = new XlsxWriter(temp, { created: ctx.now(), creator: ctx.user, title: sheetName });
  try {
    const { columnStyles, convert } = xlsxCells(source.columns, out, mode);
    const sheet = await out.addSheet({
      name: sheetName,
      columns: source.columns.map((c, i) => ({ header: headerOf(c, mode), style: columnStyles[i] })),
    });
    let n = 0;
    for (const r of source.rows) {
      const { values, styles } = convert(r);
      await sheet.row(values, styles);
      tick(++n);
    }
    if (source.legend) await writeLegend(ctx, out, req, n);
    await out.finish();
    return n;
  } catch (e) {
    out.abort();
    throw e;
  }
}

/** The legend of verdict colours, and what the sheet holds (scope, period, when, rows). */
async function writeLegend(
  ctx: ServiceContext,
  out: XlsxWriter,
  req: { filters: ExportFilters; lang: Lang },
  rows: number,
): Promise<void> {
  const zh = req.lang === 'zh';
  const sheet = await out.addSheet({
    name: zh ? '图例' : 'Legend',
    columns: [
      { header: zh ? '项目' : 'Item', minWidth: 14 },
      { header: zh ? '说明' : 'Meaning', minWidth: 50 },
    ],
    autoFilter: false,
  });
  const meaning = {
    pass: zh ? '实测值达到目标值' : 'the value meets the target',
    warning: zh ? '实测值介于预警值与目标值之间' : 'between the warning threshold and the target',
    fail: zh ? '实测值未达到预警值' : 'beyond the warning threshold',
  };
  for (const v of ['pass', 'warning', 'fail'] as const) {
    await sheet.row([labelOf(v)[req.lang], meaning[v]], [out.style(VERDICT_STYLE[v]), undefined]);
  }
  const f = req.filters;
  const period = f.period ?? (f.periodFrom || f.periodTo ? `${f.periodFrom ?? ''}..${f.periodTo ?? ''}` : '');
  await sheet.row([zh ? '范围' : 'Scope', f.scope ?? (zh ? '全部' : 'all')]);
  await sheet.row([zh ? '期间' : 'Period', period || (zh ? '全部' : 'all')]);
  await sheet.row([zh ? '行数' : 'Rows', rows]);
  await sheet.row([
    zh ? '导出时间' : 'Exported at',
    ctx.now().toISOString().replace('T', ' ').slice(0, 19) + ' UTC',
  ]);
}

/** Calls `progress` every few thousand rows, not per row. */
function progressEvery(progress: Progress | undefined, total: number | null): (n: number) => void {
  if (!progress) return () => {};
  return (n) => {
    if (n % 5000 === 0) progress(n, total);
  };
}
