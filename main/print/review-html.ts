/** The review pack's print view (PDF for the meeting; the app previews the same HTML). */
import type { Review } from '../../shared/contracts/plans';
import type { Lang } from '../../shared/messages';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import { label, textLines as lines } from '../../shared/plans/texts';
import { esc, htmlTable, page, Raw } from './html';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;
const num = (x: number | null) => (x === null ? '—' : x.toFixed(2));

export function reviewHtml(review: Review, lang: Lang): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const s = review.snapshot;
  const cls = (a: number | null | undefined) =>
    a === null || a === undefined ? '' : a < 0.9 ? 'fail' : a < 1 ? 'warning' : '';
  const list = (text: string) => {
    const items = lines(text);
    return items.length
      ? `<ol>${items.map((l) => `<li>${esc(l)}</li>`).join('')}</ol>`
      : `<p class="note">${t('（未填写）', '(none recorded)')}</p>`;
  };
  const body = `
<h1>${esc(review.title)}</h1>
<div class="meta">
  <span><b>${t('范围', 'Scope')}</b>${esc(s.scopeName)}${review.scope.code ? ` (${esc(review.scope.code)})` : ''}</span>
  <span><b>${t('周期', 'Period')}</b>${esc(review.period)}</span>
  <span><b>${t('对比周期', 'Compared with')}</b>${esc(s.previousPeriod)}</span>
</div>
<div class="figures">
  <div class="figure"><div class="n">${num(s.score.current)}</div>${t('综合得分', 'composite score')}</div>
  <div class="figure"><div class="n">${s.score.change === null ? '—' : (s.score.change > 0 ? '+' : '') + s.score.change.toFixed(2)}</div>${t('较上期（同一批营业厅）', 'vs previous (same branches)')}</div>
  <div class="figure"><div class="n">${s.actions.open + s.actions.inProgress + s.actions.reopened}</div>${t('未完成措施', 'open actions')}</div>
  <div class="figure"><div class="n">${s.actions.overdue}</div>${t('逾期措施', 'overdue')}</div>
  <div class="figure"><div class="n">${s.plans.length}</div>${t('改进计划', 'plans')}</div>
</div>
<h2>${t('各维度达成率', 'Attainment by dimension')}</h2>
${htmlTable(
  [
    { header: t('网点', 'Branch'), width: 22 },
    ...DIMENSIONS.map((d) => ({
      header: lang === 'zh' ? d.nameZh : d.nameEn,
      width: 13,
      align: 'right' as const,
    })),
  ],
  [
    [
      new Raw(`<b>${esc(t('全部网点均值', 'Mean of branches'))}</b>`),
      ...DIMENSIONS.map(
        (d) =>
          new Raw(
            `<span class="${cls(s.dimensionAttainment[d.code])}">${pct(s.dimensionAttainment[d.code])}</span>`,
          ),
      ),
    ],
    ...s.branches.map((b) => [
      `${b.branchCode} ${b.branchName}`,
      ...DIMENSIONS.map(
        (d) => new Raw(`<span class="${cls(b.attainment[d.code])}">${pct(b.attainment[d.code])}</span>`),
      ),
    ]),
  ],
)}
<h2>${t('综合得分及变化', 'Composite scores and change')}</h2>
${htmlTable(
  [
    { header: t('网点', 'Branch'), width: 34 },
    { header: review.period, width: 14, align: 'right' },
    { header: s.previousPeriod, width: 14, align: 'right' },
    { header: t('变化', 'Change'), width: 14, align: 'right' },
    { header: t('已测/缺测', 'Measured/missing'), width: 24, align: 'center' },
  ],
  s.branches.map((b) => [
    `${b.branchCode} ${b.branchName}`,
    num(b.score),
    num(b.previousScore),
    b.change === null ? '—' : (b.change > 0 ? '+' : '') + b.change.toFixed(2),
    `${b.measured} / ${b.missing}`,
  ]),
)}
<h2 class="stage">${t('未完成的纠正措施', 'Open corrective actions')}</h2>
${htmlTable(
  [
    { header: t('网点', 'Branch'), width: 10 },
    { header: t('指标', 'Standard'), width: 10 },
    { header: t('措施', 'Action'), width: 40 },
    { header: t('责任部门', 'Department'), width: 12 },
    { header: t('责任人', 'Owner'), width: 8 },
    { header: t('完成时限', 'Due'), width: 10 },
    { header: t('状态', 'Status'), width: 10 },
  ],
  s.actions.openList.map((a) => [
    a.branchCode,
    a.standardCode ?? '',
    a.action,
    a.department,
    a.owner,
    new Raw(`<span class="${a.overdue ? 'fail' : ''}">${esc(a.dueDate)}</span>`),
    label(a.status, lang) + (a.overdue ? t('（逾期）', ' (overdue)') : ''),
  ]),
)}
<h2>${t('改进计划进展', 'Plan progress')}</h2>
${htmlTable(
  [
    { header: t('计划', 'Plan'), width: 40 },
    { header: t('周期', 'Period'), width: 10 },
    { header: t('阶段', 'Stage'), width: 10 },
    { header: t('差距项', 'Gaps'), width: 10, align: 'right' },
    { header: t('已关闭', 'Closed'), width: 10, align: 'right' },
    { header: t('措施完成', 'Actions done'), width: 20, align: 'right' },
  ],
  s.plans.map((p) => [
    p.title,
    p.period,
    label(p.stage, lang),
    p.gapCount,
    p.closedCount ?? '—',
    `${p.actionsDone} / ${p.actionCount}`,
  ]),
)}
<h2>${t('评审决议', 'Decisions')}</h2>${list(review.decisions)}
<h2>${t('下一周期目标', 'Objectives for the next cycle')}</h2>${list(review.objectives)}`;
  return page(review.title, lang, body);
}
