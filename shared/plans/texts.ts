/** Per-gap sentences derived from the numbers (not stored: they follow from the gap). */
import type { Lang } from '../messages';
import { labelOf } from '../domain/enums';
import { shiftPeriod } from '../domain/period';
import type { CheckStatus, GapSource, PlanGap, Trend } from './types';

const TREND: Record<Trend, { zh: string; en: string }> = {
  improving: { zh: '好转', en: 'improving' },
  worsening: { zh: '恶化', en: 'worsening' },
  stable: { zh: '持平', en: 'flat' },
  new: { zh: '无历史', en: 'no history' },
};
const CHECK: Record<CheckStatus, { zh: string; en: string }> = {
  closed: { zh: '已关闭', en: 'Closed' },
  improved: { zh: '改善未达标', en: 'Improved, not met' },
  not_closed: { zh: '未关闭', en: 'Not closed' },
  no_data: { zh: '暂无数据', en: 'No data yet' },
};

export const trendLabel = (t: Trend, lang: Lang): string => TREND[t][lang];
export const checkLabel = (s: CheckStatus, lang: Lang): string => CHECK[s][lang];
export const label = (value: string, lang: Lang): string => labelOf(value)[lang];
/** The standard's name in the language asked for; a standard with no English name keeps its Chinese one. */
export const standardName = (g: Pick<GapSource, 'standardNameZh' | 'standardNameEn'>, lang: Lang): string =>
  lang === 'en' ? (g.standardNameEn ?? g.standardNameZh) : g.standardNameZh;

/**
 * A plan's standards and gaps by name, as its gap and check tabs show them (上海浦东营业厅 掉话率),
 * for the records that hold codes and keys: the Do list, the Act record. A code or key the
 * plan's gaps do not name stays as it is.
 */
export function namesInPlan(gaps: readonly PlanGap[], lang: Lang) {
  const standards = new Map(gaps.map((g) => [g.standardCode, standardName(g, lang)]));
  const named = new Map(gaps.map((g) => [g.key, `${g.branchName} ${standardName(g, lang)}`]));
  return {
    standard: (code: string | null) => (code ? (standards.get(code) ?? code) : ''),
    gap: (key: string) => named.get(key) ?? key,
  };
}

/** Punctuation between the items of a list and after a label, in the reader's language. */
export const SEPARATORS: Record<Lang, { list: string; colon: string }> = {
  zh: { list: '；', colon: '：' },
  en: { list: '; ', colon: ': ' },
};

export function formatValue(n: number | null): string {
  if (n === null) return '—';
  return String(Math.round(n * 100) / 100);
}

const bound = (g: Pick<PlanGap, 'direction'>) => (g.direction === 'higher' ? '≥' : '≤');

export function gapStatement(g: PlanGap, lang: Lang): string {
  const unit = g.unit;
  if (lang === 'zh') {
    return `${g.branchName}${g.standardNameZh}为 ${formatValue(g.value)}${unit}（${label(g.verdict, 'zh')}），目标 ${bound(g)}${formatValue(g.target)}${unit}，差距 ${formatValue(g.gap)}${unit}，近期趋势${trendLabel(g.trend, 'zh')}。`;
  }
  return `${g.branchName} ${g.standardNameEn ?? g.standardCode} was ${formatValue(g.value)}${unit} (${label(g.verdict, 'en').toLowerCase()}), target ${bound(g)}${formatValue(g.target)}${unit}, gap ${formatValue(g.gap)}${unit}, trend ${trendLabel(g.trend, 'en')}.`;
}

/** Which measurement shows success, and when (the Check stage's plan before data exists). */
export function checkMeasure(g: PlanGap, period: string, lang: Lang): string {
  const next = shiftPeriod(period, -1);
  return lang === 'zh'
    ? `${next} ${g.standardNameZh} ${bound(g)} ${formatValue(g.target)}${g.unit}`
    : `${next} ${g.standardNameEn ?? g.standardCode} ${bound(g)} ${formatValue(g.target)}${g.unit}`;
}

/** Decisions and objectives are typed one per line; blank lines are not items. */
export const textLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
