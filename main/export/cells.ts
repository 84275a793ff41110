import { labelOf } from '../../shared/domain/enums';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import type { Lang } from '../../shared/messages';
import type { Column } from './columns';
import { unitFormat } from './columns';
import type { CellValue, XlsxWriter } from './xlsx-writer';
import { DATE_FORMAT, VERDICT_STYLE } from './styles';

/**
 * Turns a row into cells. Labels mode (the .xlsx default) shows closed vocabularies as
 * people read them (越高越好, 进行中, 达标) with number formats and verdict colours; keys mode
 * and .csv keep canonical values (higher, in_progress, pass) for machines.
 */
export type Mode = { labels: boolean; lang: Lang };

const label = (v: string, lang: Lang): string => labelOf(v)[lang];
const dimensionName = (code: string, lang: Lang): string => {
  const d = DIMENSIONS.find((x) => x.code === code);
  return d ? (lang === 'zh' ? d.nameZh : d.nameEn) : code;
};

export interface XlsxRow {
  values: CellValue[];
  styles: (number | undefined)[];
}

/** Column styles for the sheet, and a converter that fills per-cell styles where they vary. */
export function xlsxCells<R>(
  columns: Column<R>[],
  writer: XlsxWriter,
  mode: Mode,
): { columnStyles: number[]; convert: (r: R) => XlsxRow } {
  const unitStyles = new Map<string, number>();
  const unitStyle = (unit: string): number => {
    let s = unitStyles.get(unit);
    if (s === undefined) unitStyles.set(unit, (s = writer.style({ numFmt: unitFormat(unit) })));
    return s;
  };
  const verdictStyles = {
    pass: writer.style(VERDICT_STYLE.pass),
    warning: writer.style(VERDICT_STYLE.warning),
    fail: writer.style(VERDICT_STYLE.fail),
  };
  const dateStyle = writer.style({ numFmt: DATE_FORMAT });
  const ratioStyle = writer.style({ numFmt: '0.0%' });
  const columnStyles = columns.map((c) =>
    c.kind === 'date' ? dateStyle : c.kind === 'ratio' ? ratioStyle : 0,
  );
  const { labels, lang } = mode;
  const yes = lang === 'zh' ? '是' : 'Yes';
  const no = lang === 'zh' ? '否' : 'No';

  const convert = (r: R): XlsxRow => {
    const values: CellValue[] = new Array(columns.length);
    const styles: (number | undefined)[] = new Array(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      const v = c.get(r);
      if (v === null || v === undefined) continue;
      switch (c.kind) {
        case 'number':
          values[i] = v;
          styles[i] = unitStyle(c.unit ? c.unit(r) : '');
          break;
        case 'date':
          values[i] = { date: String(v) };
          break;
        case 'label':
          values[i] = labels ? label(String(v), lang) : v;
          break;
        case 'dimension':
          values[i] = labels ? dimensionName(String(v), lang) : v;
          break;
        case 'verdict':
          values[i] = labels ? label(String(v), lang) : v;
          styles[i] = verdictStyles[v as keyof typeof verdictStyles];
          break;
        case 'flag':
          values[i] = labels ? (v ? yes : no) : v ? 1 : 0;
          break;
        default:
          values[i] = v;
      }
    }
    return { values, styles };
  };
  return { columnStyles, convert };
}

/** Canonical values for .csv: codes, ISO dates, plain numbers, true/false. */
export function csvCells<R>(columns: Column<R>[]): (r: R) => (string | number | null)[] {
  return (r) =>
    columns.map((c) => {
      const v = c.get(r);
      if (c.kind === 'flag') return v ? 'true' : 'false';
      return v;
    });
}

export function headerOf(c: { key: string; zh: string; en: string }, mode: Mode): string {
  if (!mode.labels) return c.key;
  return mode.lang === 'zh' ? c.zh : c.en;
}
