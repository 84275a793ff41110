/**
 * Builds a plan's content from the numbers: pure, so the same data always gives the same plan
 * (the caller supplies the clock reading). main/plans gathers the inputs from the database.
 */
import { gapOf, normalisedGap, roundTo, verdictOf } from '../domain/verdict';
import { comparePeriods, periodRange, shiftPeriod } from '../domain/period';
import { DIMENSIONS } from '../domain/dimensions';
import { compareGaps, pareto, trendOf, weightedGap } from './ranking';
import { rootCausePrompts } from './prompts';
import { countermeasuresFor } from './countermeasures';
import type {
  Countermeasure,
  GapSource,
  HistoryPoint,
  LinkedAction,
  PlanContent,
  PlanGap,
  ProposedAction,
} from './types';

export type { GapSource };

export interface PlanInputs {
  period: string;
  scopeName: string;
  branchCount: number;
  generatedAt: string;
  sources: readonly GapSource[];
  /** Earlier values per gap key (`BRANCH/STANDARD`), any order. */
  history: ReadonlyMap<string, readonly HistoryPoint[]>;
  /** Open corrective actions per gap key. */
  openActions: ReadonlyMap<string, readonly LinkedAction[]>;
  /** Gap keys carried over from an earlier plan, and its id. */
  carried?: { fromPlanId: string; keys: ReadonlySet<string> };
}

export const gapKey = (branchCode: string, standardCode: string): string => `${branchCode}/${standardCode}`;

export function buildPlanContent(input: PlanInputs): PlanContent {
  const gaps: PlanGap[] = [];
  const propose = proposer(input.period, input.generatedAt.slice(0, 10));
  for (const s of input.sources) {
    const verdict = verdictOf(s.value, s);
    if (verdict === 'pass') continue;
    const key = gapKey(s.branchCode, s.standardCode);
    const history = [...(input.history.get(key) ?? [])]
      .filter((h) => comparePeriods(h.period, input.period) < 0)
      .sort((a, b) => comparePeriods(a.period, b.period));
    history.push({ period: input.period, value: s.value });
    const linkedActions = [...(input.openActions.get(key) ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
    gaps.push({
      key,
      rank: 0,
      ...s,
      verdict,
      gap: gapOf(s.value, s),
      normalisedGap: roundTo(normalisedGap(s.value, s), 10),
      score: weightedGap(s.value, s),
      history,
      trend: trendOf(history, s.direction, s.target),
      linkedActions,
      proposed: linkedActions.length ? null : propose(s, verdict),
      carriedFrom: input.carried?.keys.has(key) ? input.carried.fromPlanId : null,
    });
  }
  gaps.sort(compareGaps);
  gaps.forEach((g, i) => (g.rank = i + 1));

  const paretoByStandard = pareto(
    gaps,
    (g) => g.standardCode,
    (g) => ({ zh: g.standardNameZh, en: g.standardNameEn ?? g.standardNameZh }),
    (g) => g.score,
  );
  const paretoByBranch = pareto(
    gaps,
    (g) => g.branchCode,
    (g) => ({ zh: g.branchName, en: g.branchName }),
    (g) => g.score,
  );
  const dimensions = new Set(gaps.map((g) => g.dimension));
  const standards = new Map(gaps.map((g) => [g.standardCode, g.dimension]));
  const failCount = gaps.filter((g) => g.verdict === 'fail').length;
  const summary = {
    scopeName: input.scopeName,
    branchCount: input.branchCount,
    gapCount: gaps.length,
    failCount,
    warningCount: gaps.length - failCount,
    totalScore: roundTo(
      gaps.reduce((s, g) => s + g.score, 0),
      6,
    ),
    linkedCount: gaps.filter((g) => g.linkedActions.length > 0).length,
    proposedCount: gaps.filter((g) => g.proposed).length,
  };
  const vital = paretoByStandard.filter((p) => p.vital);
  const nextPeriod = shiftPeriod(input.period, -1);
  const branchesWithGaps = new Set(gaps.map((g) => g.branchCode)).size;
  const sharePct = Math.round((vital.at(-1)?.cumulative ?? 0) * 100);
  return {
    generatedAt: input.generatedAt,
    summary,
    problem: {
      zh:
        gaps.length === 0
          ? `${input.period} ${input.scopeName}：${input.branchCount} 个网点全部指标达标，无需改进项。`
          : `${input.period} ${input.scopeName}：${input.branchCount} 个网点中 ${branchesWithGaps} 个存在差距，共 ${failCount} 项不达标、${summary.warningCount} 项预警；${vital.length} 项标准（${vital.map((v) => v.label.zh).join('、')}）占加权差距的 ${sharePct}%。`,
      en:
        gaps.length === 0
          ? `${input.period} ${input.scopeName}: every standard met at all ${input.branchCount} branches; nothing to improve.`
          : `${input.period} ${input.scopeName}: ${branchesWithGaps} of ${input.branchCount} branches have gaps: ${failCount} failed and ${summary.warningCount} warned; ${vital.length} standards (${vital.map((v) => v.label.en).join(', ')}) carry ${sharePct}% of the weighted gap.`,
    },
    objective: {
      zh: `在 ${nextPeriod} 的检查中关闭全部不达标项，预警项回到目标值以内；优先关闭 ${vital.map((v) => v.label.zh).join('、') || '—'}。`,
      en: `By the ${nextPeriod} inspections, close every failed item and bring warned ones back within target; first ${vital.map((v) => v.label.en).join(', ') || '—'}.`,
    },
    gaps,
    paretoByStandard,
    paretoByBranch,
    rootCausePrompts: Object.fromEntries(
      DIMENSIONS.filter((d) => dimensions.has(d.code)).map((d) => [d.code, rootCausePrompts(d.code)]),
    ),
    countermeasures: Object.fromEntries(
      [...standards.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([code, dim]) => [code, countermeasuresFor(code, dim)]),
    ),
    check: null,
    act: null,
  };
}

/**
 * Proposes the first countermeasure for a gap. A failed gap is due by the end of the next
 * period, a warned one a period later; a plan made so late that the first would be past is
 * moved on by whole periods (an action cannot be due before it is made: 54 proposals dated
 * last month each had to be retyped before one could be confirmed). The due dates and
 * measures are looked up once per plan, not once per gap: a region's plan has thousands.
 */
function proposer(
  period: string,
  today: string,
): (s: GapSource, verdict: 'fail' | 'warning') => ProposedAction {
  let next = shiftPeriod(period, -1);
  while (periodRange(next).end < today) next = shiftPeriod(next, -1);
  const due = { fail: periodRange(next).end, warning: periodRange(shiftPeriod(next, -1)).end };
  const measures = new Map<string, Countermeasure | undefined>();
  return (s, verdict) => {
    const key = `${s.standardCode}\u0000${s.dimension}`;
    if (!measures.has(key)) measures.set(key, countermeasuresFor(s.standardCode, s.dimension)[0]);
    const measure = measures.get(key);
    return {
      action: measure?.text ?? {
        zh: `分析并消除${s.standardNameZh}差距`,
        en: `Analyse and close the ${s.standardNameEn ?? s.standardCode} gap`,
      },
      department: measure?.department ?? '质量管理部',
      owner: '',
      dueDate: due[verdict],
      rootCauseCategory: measure?.category ?? 'process',
    };
  };
}
