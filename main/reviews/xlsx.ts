/**
 * The review pack as a workbook: summary with decisions and objectives, attainment by
 * dimension and branch (colour scale), composite scores with their change (data bars), open
 * and overdue actions, and the progress of the improvement plans.
 */
import ExcelJS from 'exceljs';
import type { Review } from '../../shared/contracts/plans';
import type { Lang } from '../../shared/messages';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import { label, textLines as lines } from '../../shared/plans/texts';
import { RED, dataBar, fillWhen, heading, newSheet, table, titleBlock, tr } from '../plans/workbook-style';

export function reviewWorkbook(review: Review, lang: Lang): ExcelJS.Workbook {
  const t = tr(lang);
  const s = review.snapshot;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Quality Workbench';
  wb.created = wb.modified = new Date(review.updatedAt);
  const fmt = (n: number | null, suffix = '') => (n === null ? '—' : `${n}${suffix}`);

  const summary = newSheet(wb, t('摘要', 'Summary'));
  let row = titleBlock(summary, review.title, [
    [t('范围', 'Scope'), `${s.scopeName}${review.scope.code ? ` (${review.scope.code})` : ''}`],
    [t('周期', 'Period'), `${review.period}（${t('对比', 'vs')} ${s.previousPeriod}）`],
    [
      t('综合得分', 'Composite score'),
      `${fmt(s.score.current)}（${t('上期', 'previous')} ${fmt(s.score.previous)}，${t('同一批营业厅的变化', 'change of the same branches')} ${fmt(s.score.change)}）`,
    ],
    [
      t('纠正措施', 'Corrective actions'),
      t(
        `未开始 ${s.actions.open}，进行中 ${s.actions.inProgress}，重新打开 ${s.actions.reopened}，已完成 ${s.actions.done}，已验证 ${s.actions.verified}；逾期 ${s.actions.overdue}`,
        `open ${s.actions.open}, in progress ${s.actions.inProgress}, reopened ${s.actions.reopened}, done ${s.actions.done}, verified ${s.actions.verified}; overdue ${s.actions.overdue}`,
      ),
    ],
    [t('生成时间', 'Generated'), s.generatedAt.slice(0, 16).replace('T', ' ')],
  ]);
  row = heading(
    summary,
    row,
    t('各维度达成率（均值，1 = 达到目标）', 'Attainment by dimension (mean; 1 = on target)'),
  );
  const dims = table(
    summary,
    row,
    [
      { header: t('维度', 'Dimension'), width: 16 },
      { header: t('达成率', 'Attainment'), width: 60, numFmt: '0.0%' },
    ],
    DIMENSIONS.map((d) => [lang === 'zh' ? d.nameZh : d.nameEn, s.dimensionAttainment[d.code] ?? null]),
  );
  dataBar(summary, 2, dims.first, dims.last);
  row = heading(summary, dims.last + 2, t('评审决议', 'Decisions'));
  row =
    table(
      summary,
      row,
      [{ header: t('决议', 'Decision'), width: 16 }],
      lines(review.decisions).map((l) => [l]),
    ).last + 2;
  row = heading(summary, row, t('下一周期目标', 'Objectives for the next cycle'));
  table(
    summary,
    row,
    [{ header: t('目标', 'Objective'), width: 16 }],
    lines(review.objectives).map((l) => [l]),
  );

  const att = newSheet(wb, t('维度达成', 'Attainment'));
  const attRange = table(
    att,
    1,
    [
      { header: t('网点编码', 'Branch code'), width: 12 },
      { header: t('网点名称', 'Branch'), width: 18 },
      ...DIMENSIONS.map((d) => ({ header: lang === 'zh' ? d.nameZh : d.nameEn, width: 14, numFmt: '0.0%' })),
    ],
    s.branches.map((b) => [
      b.branchCode,
      b.branchName,
      ...DIMENSIONS.map((d) => b.attainment[d.code] ?? null),
    ]),
    { freeze: true },
  );
  if (attRange.last >= attRange.first) {
    att.addConditionalFormatting({
      ref: `C${attRange.first}:${String.fromCharCode(66 + DIMENSIONS.length)}${attRange.last}`,
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo: [
            { type: 'num', value: 0.8 },
            { type: 'num', value: 1 },
            { type: 'num', value: 1.2 },
          ],
          color: [{ argb: 'FFF8696B' }, { argb: 'FFFFEB84' }, { argb: 'FF63BE7B' }],
        },
      ],
    });
  }

  const scores = newSheet(wb, t('综合得分', 'Scores'));
  const sc = table(
    scores,
    1,
    [
      { header: t('网点编码', 'Branch code'), width: 12 },
      { header: t('网点名称', 'Branch'), width: 18 },
      { header: `${t('综合得分', 'Score')} ${review.period}`, width: 14, numFmt: '0.00' },
      { header: `${t('上期得分', 'Previous')} ${s.previousPeriod}`, width: 14, numFmt: '0.00' },
      { header: t('变化', 'Change'), width: 10, numFmt: '+0.00;-0.00;0.00' },
      { header: t('已测指标', 'Measured'), width: 10 },
      { header: t('缺测指标', 'Missing'), width: 10 },
    ],
    s.branches.map((b) => [
      b.branchCode,
      b.branchName,
      b.score,
      b.previousScore,
      b.change,
      b.measured,
      b.missing,
    ]),
    { freeze: true },
  );
  dataBar(scores, 3, sc.first, sc.last);

  const actions = newSheet(wb, t('纠正措施', 'Actions'));
  const ac = table(
    actions,
    1,
    [
      { header: t('网点编码', 'Branch code'), width: 12 },
      { header: t('指标编码', 'Standard code'), width: 12 },
      { header: t('措施', 'Action'), width: 50, wrap: true },
      { header: t('责任部门', 'Department'), width: 14 },
      { header: t('责任人', 'Owner'), width: 10 },
      { header: t('完成时限', 'Due'), width: 12 },
      { header: t('状态', 'Status'), width: 10 },
      { header: t('逾期', 'Overdue'), width: 8 },
    ],
    s.actions.openList.map((a) => [
      a.branchCode,
      a.standardCode ?? '',
      a.action,
      a.department,
      a.owner,
      a.dueDate,
      label(a.status, lang),
      a.overdue ? t('逾期', 'Overdue') : '',
    ]),
    { freeze: true },
  );
  fillWhen(actions, 8, ac.first, ac.last, { [t('逾期', 'Overdue')]: RED });

  const plans = newSheet(wb, t('改进计划', 'Plans'));
  table(
    plans,
    1,
    [
      { header: t('计划', 'Plan'), width: 36 },
      { header: t('周期', 'Period'), width: 10 },
      { header: t('阶段', 'Stage'), width: 10 },
      { header: t('差距项', 'Gaps'), width: 10 },
      { header: t('已关闭', 'Closed'), width: 10 },
      { header: t('措施数', 'Actions'), width: 10 },
      { header: t('已完成措施', 'Actions done'), width: 12 },
    ],
    s.plans.map((p) => [
      p.title,
      p.period,
      label(p.stage, lang),
      p.gapCount,
      p.closedCount,
      p.actionCount,
      p.actionsDone,
    ]),
    { freeze: true },
  );
  return wb;
}

export async function writeReviewXlsx(review: Review, lang: Lang, file: string): Promise<void> {
  await reviewWorkbook(review, lang).xlsx.writeFile(file);
}
