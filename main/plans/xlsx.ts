/**
 * The plan as an Excel workbook: a summary sheet (problem, objective, Pareto, root-cause
 * prompts) and one sheet per PDCA stage, every gap on its own row with branch and standard.
 */
import ExcelJS from 'exceljs';
import type { Plan } from '../../shared/contracts/plans';
import type { ParetoRow } from '../../shared/plans/types';
import type { Lang } from '../../shared/messages';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import {
  checkLabel,
  checkMeasure,
  formatValue,
  gapStatement,
  label,
  standardName,
  trendLabel,
} from '../../shared/plans/texts';
import {
  AMBER,
  GREEN,
  RED,
  dataBar,
  fillWhen,
  heading,
  newSheet,
  table,
  titleBlock,
  tr,
} from './workbook-style';
import { doRowCells, doRows } from './do-rows';

const PCT = '0.0%';

export function planWorkbook(plan: Plan, lang: Lang): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quality Workbench';
  // Fixed from the plan, so the same plan writes the same workbook.
  wb.created = wb.modified = new Date(plan.updatedAt);
  summarySheet(wb, plan, lang);
  planSheet(wb, plan, lang);
  doSheet(wb, plan, lang);
  checkSheet(wb, plan, lang);
  actSheet(wb, plan, lang);
  return wb;
}

export async function writePlanXlsx(plan: Plan, lang: Lang, file: string): Promise<void> {
  await planWorkbook(plan, lang).xlsx.writeFile(file);
}

const dimensionName = (code: string, lang: Lang) => {
  const d = DIMENSIONS.find((x) => x.code === code);
  return d ? (lang === 'zh' ? d.nameZh : d.nameEn) : code;
};

/** One Pareto table (by standard or by branch) with a data bar on the weighted gap. */
function paretoTable(
  ws: ExcelJS.Worksheet,
  top: number,
  rows: readonly ParetoRow[],
  [codeHeader, nameHeader]: [string, string],
  lang: Lang,
): { first: number; last: number } {
  const t = tr(lang);
  const placed = table(
    ws,
    top,
    [
      { header: t('序号', '#'), width: 6 },
      { header: codeHeader, width: 12 },
      { header: nameHeader, width: 22 },
      { header: t('差距项数', 'Gaps'), width: 10 },
      { header: t('加权差距', 'Weighted gap'), width: 14, numFmt: '0.000' },
      { header: t('占比', 'Share'), width: 10, numFmt: PCT },
      { header: t('累计占比', 'Cumulative'), width: 12, numFmt: PCT },
      { header: t('关键少数', 'Vital few'), width: 10 },
    ],
    rows.map((p, i) => [
      i + 1,
      p.code,
      p.label[lang],
      p.count,
      p.score,
      p.share,
      p.cumulative,
      p.vital ? '★' : '',
    ]),
  );
  dataBar(ws, 5, placed.first, placed.last);
  return placed;
}

function summarySheet(wb: ExcelJS.Workbook, plan: Plan, lang: Lang): void {
  const t = tr(lang);
  const c = plan.content;
  const ws = newSheet(wb, t('摘要', 'Summary'));
  let row = titleBlock(ws, plan.title, [
    [t('范围', 'Scope'), `${c.summary.scopeName}${plan.scope.code ? ` (${plan.scope.code})` : ''}`],
    [t('周期', 'Period'), plan.period],
    [t('阶段', 'Stage'), label(plan.stage, lang)],
    [t('生成时间', 'Generated'), c.generatedAt.slice(0, 16).replace('T', ' ')],
    [t('问题描述', 'Problem'), c.problem[lang]],
    [t('改进目标', 'Objective'), c.objective[lang]],
    [
      t('差距项', 'Gaps'),
      t(
        `${c.summary.gapCount} 项（不达标 ${c.summary.failCount}，预警 ${c.summary.warningCount}）；已有措施 ${c.summary.linkedCount}，待确认新措施 ${c.summary.proposedCount}`,
        `${c.summary.gapCount} (${c.summary.failCount} failed, ${c.summary.warningCount} warned); ${c.summary.linkedCount} with open actions, ${c.summary.proposedCount} new actions to confirm`,
      ),
    ],
    ...(plan.previousPlanId
      ? [[t('上一周期计划', 'Previous plan'), plan.previousPlanId] as [string, string]]
      : []),
  ]);
  row = heading(
    ws,
    row,
    t(
      '帕累托分析（按标准）：少数标准承担大部分加权差距',
      'Pareto by standard: the few standards that carry most of the weighted gap',
    ),
  );
  const std = paretoTable(
    ws,
    row,
    c.paretoByStandard,
    [t('指标编码', 'Standard'), t('指标名称', 'Name')],
    lang,
  );
  dataBar(ws, 7, std.first, std.last, 'FFED7D31');
  row = heading(ws, std.last + 2, t('帕累托分析（按网点）', 'Pareto by branch'));
  const br = paretoTable(ws, row, c.paretoByBranch, [t('网点编码', 'Branch'), t('网点名称', 'Name')], lang);
  row = heading(
    ws,
    br.last + 2,
    t(
      '原因分析提示（人、流程、网络与系统、产品与资费、环境、测量）',
      'Root-cause prompts (people, process, network/systems, product/pricing, environment, measurement)',
    ),
  );
  table(
    ws,
    row,
    [
      { header: t('维度', 'Dimension'), width: 6 },
      { header: t('原因类别', 'Category'), width: 12 },
      { header: t('分析提示', 'Prompt'), width: 22, wrap: true },
    ],
    Object.entries(c.rootCausePrompts).flatMap(([dim, prompts]) =>
      prompts.map((p) => [dimensionName(dim, lang), label(p.category, lang), p.text[lang]]),
    ),
  );
}

function planSheet(wb: ExcelJS.Workbook, plan: Plan, lang: Lang): void {
  const t = tr(lang);
  const ws = newSheet(wb, t('计划 P', 'Plan'));
  const c = plan.content;
  const rows = c.gaps.map((g) => [
    g.rank,
    g.branchCode,
    g.branchName,
    g.standardCode,
    standardName(g, lang),
    dimensionName(g.dimension, lang),
    label(g.direction, lang),
    g.unit,
    g.target,
    g.warning,
    g.value,
    label(g.verdict, lang),
    g.gap,
    g.normalisedGap,
    g.weight,
    g.score,
    g.history.map((h) => formatValue(h.value)).join(' → '),
    trendLabel(g.trend, lang),
    gapStatement(g, lang),
    (c.countermeasures[g.standardCode] ?? []).map((m, i) => `${i + 1}. ${m.text[lang]}`).join('\n'),
    checkMeasure(g, plan.period, lang),
    g.carriedFrom ? t('上期遗留', 'Carried over') : '',
  ]);
  const range = table(
    ws,
    1,
    [
      { header: t('排名', 'Rank'), width: 6 },
      { header: t('网点编码', 'Branch code'), width: 11 },
      { header: t('网点名称', 'Branch'), width: 16 },
      { header: t('指标编码', 'Standard code'), width: 11 },
      { header: t('指标名称', 'Standard'), width: 18 },
      { header: t('维度', 'Dimension'), width: 12 },
      { header: t('方向', 'Direction'), width: 10 },
      { header: t('单位', 'Unit'), width: 7 },
      { header: t('目标值', 'Target'), width: 9 },
      { header: t('预警值', 'Warning'), width: 9 },
      { header: t('实测值', 'Value'), width: 9 },
      { header: t('判定', 'Verdict'), width: 8 },
      { header: t('差距', 'Gap'), width: 9, numFmt: '0.00' },
      { header: t('归一化差距', 'Normalised gap'), width: 11, numFmt: '0.0%' },
      { header: t('权重', 'Weight'), width: 7 },
      { header: t('加权差距', 'Weighted gap'), width: 11, numFmt: '0.000' },
      { header: t('基线趋势（近期→本期）', 'Baseline (earlier → now)'), width: 24 },
      { header: t('趋势', 'Trend'), width: 8 },
      { header: t('问题描述', 'Problem'), width: 44, wrap: true },
      { header: t('对策建议', 'Countermeasures'), width: 48, wrap: true },
      { header: t('检查指标与时间', 'Check: measure and when'), width: 26, wrap: true },
      { header: t('备注', 'Note'), width: 10 },
    ],
    rows,
    { freeze: true },
  );
  fillWhen(ws, 12, range.first, range.last, { [label('fail', lang)]: RED, [label('warning', lang)]: AMBER });
  dataBar(ws, 16, range.first, range.last);
}

function doSheet(wb: ExcelJS.Workbook, plan: Plan, lang: Lang): void {
  const t = tr(lang);
  const ws = newSheet(wb, t('执行 D', 'Do'));
  const sources = {
    linked: t('已有措施（关联）', 'Existing (linked)'),
    plan: t('本计划措施', 'This plan'),
    proposed: t('建议（待确认）', 'Proposed (to confirm)'),
  };
  const rows = doRows(plan, plan.content.gaps, lang).map((r) => [
    ...doRowCells(r, sources),
    r.status === null ? t('待确认', 'To confirm') : label(r.status, lang),
    r.overdue ? t('逾期', 'Overdue') : '',
  ]);
  const range = table(
    ws,
    1,
    [
      { header: t('排名', 'Rank'), width: 6 },
      { header: t('网点编码', 'Branch code'), width: 11 },
      { header: t('指标编码', 'Standard code'), width: 11 },
      { header: t('来源', 'Source'), width: 16 },
      { header: t('措施', 'Action'), width: 56, wrap: true },
      { header: t('责任部门', 'Department'), width: 14 },
      { header: t('责任人', 'Owner'), width: 10 },
      { header: t('完成时限', 'Due'), width: 12 },
      { header: t('状态', 'Status'), width: 10 },
      { header: t('逾期', 'Overdue'), width: 8 },
    ],
    rows,
    { freeze: true },
  );
  fillWhen(ws, 10, range.first, range.last, { [t('逾期', 'Overdue')]: RED });
}

function checkSheet(wb: ExcelJS.Workbook, plan: Plan, lang: Lang): void {
  const t = tr(lang);
  const ws = newSheet(wb, t('检查 C', 'Check'));
  const check = plan.content.check;
  const results = new Map((check?.results ?? []).map((r) => [r.key, r]));
  const rows = plan.content.gaps.map((g) => {
    const r = results.get(g.key);
    return [
      g.rank,
      g.branchCode,
      g.standardCode,
      standardName(g, lang),
      checkMeasure(g, plan.period, lang),
      plan.period,
      g.value,
      r?.afterPeriod ?? '',
      r?.after ?? null,
      r?.afterVerdict ? label(r.afterVerdict, lang) : '',
      r?.improvement ?? null,
      r ? checkLabel(r.status, lang) : t('未检查', 'Not checked yet'),
    ];
  });
  const top = 3;
  ws.getCell(1, 1).value = check
    ? t(
        `检查时间 ${check.checkedAt.slice(0, 16).replace('T', ' ')}：以计划周期之后最近一期检查数据为准`,
        `Checked ${check.checkedAt.slice(0, 16).replace('T', ' ')} against the latest inspection after the plan's period`,
      )
    : t(
        '尚未进入检查阶段：下表为各差距的检查指标与时间',
        'Not in Check yet: the measure and period that will show each gap closed',
      );
  const range = table(
    ws,
    top,
    [
      { header: t('排名', 'Rank'), width: 6 },
      { header: t('网点编码', 'Branch code'), width: 11 },
      { header: t('指标编码', 'Standard code'), width: 11 },
      { header: t('指标名称', 'Standard'), width: 18 },
      { header: t('检查指标', 'Measure'), width: 26 },
      { header: t('基线周期', 'Before'), width: 10 },
      { header: t('基线值', 'Before value'), width: 10 },
      { header: t('复查周期', 'After'), width: 10 },
      { header: t('复查值', 'After value'), width: 10 },
      { header: t('复查判定', 'After verdict'), width: 10 },
      { header: t('改善', 'Improvement'), width: 10, numFmt: '0.00' },
      { header: t('结果', 'Result'), width: 14 },
    ],
    rows,
    { freeze: true },
  );
  fillWhen(ws, 12, range.first, range.last, {
    [checkLabel('closed', lang)]: GREEN,
    [checkLabel('improved', lang)]: AMBER,
    [checkLabel('not_closed', lang)]: RED,
  });
}

function actSheet(wb: ExcelJS.Workbook, plan: Plan, lang: Lang): void {
  const t = tr(lang);
  const ws = newSheet(wb, t('处理 A', 'Act'));
  const act = plan.content.act;
  let row = titleBlock(ws, t('处理：标准化与遗留问题', 'Act: standardise and carry over'), [
    [
      t('记录时间', 'Recorded'),
      act ? act.recordedAt.slice(0, 16).replace('T', ' ') : t('尚未记录', 'not recorded yet'),
    ],
    [t('下一周期计划', 'Next-cycle plan'), plan.nextPlanTitle ?? act?.nextPlanId ?? '—'],
  ]);
  row = heading(ws, row, t('已标准化的做法', 'Standardised'));
  const std = table(
    ws,
    row,
    [
      { header: t('指标编码', 'Standard code'), width: 12 },
      { header: t('网点编码', 'Branch code'), width: 12 },
      { header: t('标准化内容（制度/流程）', 'Procedure'), width: 60, wrap: true },
      { header: t('新版本', 'New version'), width: 10 },
      { header: t('新目标值', 'New target'), width: 10 },
      { header: t('新预警值', 'New warning'), width: 10 },
      { header: t('生效日期', 'Effective'), width: 12 },
    ],
    (act?.standardised ?? []).map((s) => [
      s.standardCode,
      s.branchCode ?? t('全部', 'all'),
      s.procedure,
      s.newVersion?.version ?? null,
      s.newVersion?.target ?? null,
      s.newVersion?.warning ?? null,
      s.newVersion?.effectiveFrom ?? '',
    ]),
  );
  row = heading(ws, std.last + 2, t('转入下一周期的未关闭差距', 'Open gaps carried into the next cycle'));
  const results = new Map((plan.content.check?.results ?? []).map((r) => [r.key, r]));
  // Before Act: the gaps Check found still open (none listed before any check exists).
  const carried = act
    ? new Set(act.carriedOver)
    : new Set(plan.content.check?.results.filter((r) => r.status !== 'closed').map((r) => r.key) ?? []);
  table(
    ws,
    row,
    [
      { header: t('指标编码', 'Standard code'), width: 12 },
      { header: t('网点编码', 'Branch code'), width: 12 },
      { header: t('检查结果', 'Check result'), width: 20 },
      { header: t('原排名', 'Rank'), width: 10 },
    ],
    plan.content.gaps
      .filter((g) => carried.has(g.key))
      .map((g) => [
        g.standardCode,
        g.branchCode,
        checkLabel(results.get(g.key)?.status ?? 'no_data', lang),
        g.rank,
      ]),
  );
}
