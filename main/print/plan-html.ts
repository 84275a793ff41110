/**
 * The plan's print view: one HTML page for the PDF the CLI prints with headless Chromium and
 * for the app's print preview (Electron's printToPDF prints the same markup).
 */
import type { Plan } from '../../shared/contracts/plans';
import type { Lang } from '../../shared/messages';
import {
  checkLabel,
  checkMeasure,
  formatValue,
  label,
  namesInPlan,
  SEPARATORS,
  standardName,
  trendLabel,
} from '../../shared/plans/texts';
import { doRowCells, doRows } from '../plans/do-rows';
import { esc, htmlTable, page, Raw } from './html';
import { paretoSvg } from './pareto-chart';

/** A meeting reads the top of the ranking; the workbook carries every row. */
export const PRINT_GAP_LIMIT = 200;

export function planHtml(plan: Plan, lang: Lang): string {
  const t = (zh: string, en: string) => (lang === 'zh' ? zh : en);
  const c = plan.content;
  const gaps = c.gaps.slice(0, PRINT_GAP_LIMIT);
  const more =
    c.gaps.length > gaps.length
      ? `<p class="note">${esc(t(`仅列出前 ${gaps.length} 项（共 ${c.gaps.length} 项），完整清单见 Excel 计划表。`, `The first ${gaps.length} of ${c.gaps.length} gaps; the workbook lists them all.`))}</p>`
      : '';
  const name = (g: (typeof gaps)[number]) => standardName(g, lang);
  const cm = (code: string) => c.countermeasures[code]?.[0]?.text[lang] ?? '';

  const header = `
<h1>${esc(plan.title)}</h1>
<div class="meta">
  <span><b>${t('范围', 'Scope')}</b>${esc(c.summary.scopeName)}${plan.scope.code ? ` (${esc(plan.scope.code)})` : ''}</span>
  <span><b>${t('周期', 'Period')}</b>${esc(plan.period)}</span>
  <span><b>${t('阶段', 'Stage')}</b>${esc(label(plan.stage, lang))}</span>
  <span><b>${t('生成时间', 'Generated')}</b>${esc(c.generatedAt.slice(0, 16).replace('T', ' '))}</span>
</div>
<div class="figures">
  <div class="figure"><div class="n">${c.summary.gapCount}</div>${t('差距项', 'gaps')}</div>
  <div class="figure"><div class="n">${c.summary.failCount}</div>${t('不达标', 'failed')}</div>
  <div class="figure"><div class="n">${c.summary.warningCount}</div>${t('预警', 'warned')}</div>
  <div class="figure"><div class="n">${c.summary.linkedCount}</div>${t('已有措施', 'with open actions')}</div>
  <div class="figure"><div class="n">${c.summary.proposedCount}</div>${t('新措施待确认', 'new actions to confirm')}</div>
</div>
<div class="box"><b>${t('问题描述', 'Problem')}：</b>${esc(c.problem[lang])}</div>
<div class="box"><b>${t('改进目标', 'Objective')}：</b>${esc(c.objective[lang])}</div>`;

  const paretoSection = c.paretoByStandard.length
    ? `<h2>${t('帕累托分析：关键少数标准', 'Pareto: the vital few standards')}</h2>${paretoSvg(c.paretoByStandard, lang)}` +
      htmlTable(
        [
          { header: t('指标', 'Standard'), width: 34 },
          { header: t('差距项数', 'Gaps'), width: 12, align: 'right' },
          { header: t('加权差距', 'Weighted gap'), width: 18, align: 'right' },
          { header: t('占比', 'Share'), width: 12, align: 'right' },
          { header: t('累计', 'Cumulative'), width: 12, align: 'right' },
          { header: t('关键少数', 'Vital'), width: 12, align: 'center' },
        ],
        c.paretoByStandard.map((p) => [
          `${p.code} ${p.label[lang]}`,
          p.count,
          p.score.toFixed(3),
          pct(p.share),
          pct(p.cumulative),
          p.vital ? '★' : '',
        ]),
      )
    : '';

  const planSection =
    `<h2 class="stage">P · ${t('计划：差距排序（权重 × 归一化差距）', 'Plan: gaps ranked by weight × normalised gap')}</h2>` +
    htmlTable(
      [
        { header: t('排名', '#'), width: 4, align: 'right' },
        { header: t('网点', 'Branch'), width: 12 },
        { header: t('指标', 'Standard'), width: 13 },
        { header: t('实测', 'Value'), width: 6, align: 'right' },
        { header: t('目标', 'Target'), width: 6, align: 'right' },
        { header: t('判定', 'Verdict'), width: 6, align: 'center' },
        { header: t('加权差距', 'Weighted'), width: 7, align: 'right' },
        { header: t('基线趋势', 'Baseline'), width: 14 },
        { header: t('对策建议', 'Countermeasure'), width: 32 },
      ],
      gaps.map((g) => [
        g.rank,
        twoLines(g.branchCode, g.branchName),
        twoLines(g.standardCode, name(g)),
        formatValue(g.value),
        `${g.direction === 'higher' ? '≥' : '≤'}${formatValue(g.target)}${g.unit}`,
        new Raw(`<span class="${g.verdict}">${esc(label(g.verdict, lang))}</span>`),
        g.score.toFixed(3),
        `${g.history.map((h) => formatValue(h.value)).join('→')}（${trendLabel(g.trend, lang)}）`,
        cm(g.standardCode),
      ]),
    ) +
    more +
    `<h2>${t('原因分析提示', 'Root-cause prompts')}</h2>` +
    htmlTable(
      [
        { header: t('维度', 'Dimension'), width: 12 },
        { header: t('类别', 'Category'), width: 14 },
        { header: t('分析提示', 'Prompt'), width: 74 },
      ],
      Object.entries(c.rootCausePrompts).flatMap(([dim, ps]) =>
        ps.map((p) => [dim, label(p.category, lang), p.text[lang]]),
      ),
    );

  const sources = {
    linked: t('已有', 'Existing'),
    plan: t('本计划', 'This plan'),
    proposed: t('建议', 'Proposed'),
  };
  const doSection =
    `<h2 class="stage">D · ${t('执行：纠正措施', 'Do: corrective actions')}</h2>` +
    htmlTable(
      [
        { header: t('排名', '#'), width: 4, align: 'right' },
        { header: t('网点', 'Branch'), width: 9 },
        { header: t('指标', 'Standard'), width: 9 },
        { header: t('来源', 'Source'), width: 7 },
        { header: t('措施', 'Action'), width: 35 },
        { header: t('责任部门', 'Department'), width: 11 },
        { header: t('责任人', 'Owner'), width: 8 },
        { header: t('完成时限', 'Due'), width: 9 },
        { header: t('状态', 'Status'), width: 8 },
      ],
      doRows(plan, gaps, lang).map((r) => [
        ...doRowCells(r, sources),
        r.status === null
          ? t('待确认', 'to confirm')
          : label(r.status, lang) + (r.overdue ? t('（逾期）', ' (overdue)') : ''),
      ]),
    );

  const results = new Map((c.check?.results ?? []).map((r) => [r.key, r]));
  const checkSection =
    `<h2 class="stage">C · ${t('检查：前后对比', 'Check: before and after')}</h2>` +
    (c.check
      ? ''
      : `<p class="note">${t('尚未进入检查阶段，下表列出检查指标与时间。', 'Not in Check yet: the measure and period that will show each gap closed.')}</p>`) +
    htmlTable(
      [
        { header: t('排名', '#'), width: 4, align: 'right' },
        { header: t('网点', 'Branch'), width: 10 },
        { header: t('指标', 'Standard'), width: 16 },
        { header: t('检查指标', 'Measure'), width: 22 },
        { header: t('基线', 'Before'), width: 12, align: 'right' },
        { header: t('复查', 'After'), width: 12, align: 'right' },
        { header: t('改善', 'Change'), width: 8, align: 'right' },
        { header: t('结果', 'Result'), width: 16, align: 'center' },
      ],
      gaps.map((g) => {
        const r = results.get(g.key);
        return [
          g.rank,
          g.branchCode,
          `${g.standardCode} ${name(g)}`,
          checkMeasure(g, plan.period, lang),
          `${plan.period}: ${formatValue(g.value)}`,
          r?.afterPeriod ? `${r.afterPeriod}: ${formatValue(r.after)}` : '—',
          r?.improvement === null || r?.improvement === undefined ? '—' : formatValue(r.improvement),
          r
            ? new Raw(`<span class="${r.status}">${esc(checkLabel(r.status, lang))}</span>`)
            : t('未检查', 'not checked'),
        ];
      }),
    );

  const act = c.act;
  // The Act record holds codes and keys; the meeting reads names, as on the page.
  const named = namesInPlan(c.gaps, lang);
  const sep = SEPARATORS[lang];
  const actSection =
    `<h2 class="stage">A · ${t('处理：标准化与遗留', 'Act: standardise and carry over')}</h2>` +
    (act
      ? htmlTable(
          [
            { header: t('指标', 'Standard'), width: 14 },
            { header: t('网点', 'Branch'), width: 12 },
            { header: t('标准化内容', 'Procedure'), width: 54 },
            { header: t('新版本目标', 'New target'), width: 20 },
          ],
          act.standardised.map((s) => [
            twoLines(s.standardCode, named.standard(s.standardCode)),
            s.branchCode ?? t('全部', 'all'),
            s.procedure,
            s.newVersion
              ? `v${s.newVersion.version}: ${s.newVersion.target} (${s.newVersion.effectiveFrom})`
              : '—',
          ]),
        ) +
        `<p>${t('转入下一周期', 'Carried into the next cycle')}${sep.colon}${esc(act.carriedOver.map(named.gap).join(sep.list) || '—')}${act.nextPlanId ? t(`（下一计划 ${esc(plan.nextPlanTitle ?? act.nextPlanId)}）`, ` (next plan ${esc(plan.nextPlanTitle ?? act.nextPlanId)})`) : ''}</p>`
      : `<p class="note">${t('尚未记录处理结果。', 'Nothing recorded yet.')}</p>`);

  return page(plan.title, lang, header + paretoSection + planSection + doSection + checkSection + actSection);
}

/** Code over name in one cell: a code never breaks in the middle. */
const twoLines = (code: string, name: string) => new Raw(`${esc(code)}<br>${esc(name)}`);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
