/** Check: each gap's value before and after, and whether it closed, improved or stayed open. */
import type { ColDef } from 'ag-grid-community';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckResult, CheckStatus, PlanGap } from '../../../shared/plans/types';
import { standardName } from '../../../shared/plans/texts';
import { toLang } from '../../i18n';
import { header, PROSE } from '../../components/grid-setup';
import { LocalGrid } from './LocalGrid';

/** A period (2026-10) on one line; its header, "Before (period)", on two where it must. */
const PERIOD = { width: 90, wrapHeaderText: true, autoHeaderHeight: true } as const;

const STATUS_COLOURS: Record<CheckStatus, string> = {
  closed: 'green',
  improved: 'blue',
  not_closed: 'red',
  no_data: 'default',
};

export function CheckGrid({ results, gaps }: { results: CheckResult[]; gaps: readonly PlanGap[] }) {
  const { t, i18n } = useTranslation('plans');
  const lang = toLang(i18n.language);
  // A result carries only its gap's key (codes); people know branches and standards by name.
  const gapOf = new Map(gaps.map((g) => [g.key, g]));
  // Fits the plan's panel at a 1366-wide window in both languages: names share what the
  // figures leave (a standard's name wraps), a period's header may take two lines in English,
  // and the result, what the tab is for, is pinned so that it shows whatever the width.
  const columns: ColDef<CheckResult>[] = [
    {
      colId: 'branch',
      ...header(t, 'gap.branch'),
      flex: 1,
      minWidth: 115,
      valueGetter: (p) => gapOf.get(p.data?.key ?? '')?.branchName ?? '',
    },
    {
      colId: 'standard',
      ...header(t, 'gap.standard'),
      flex: 1.5,
      minWidth: 140,
      ...PROSE,
      valueGetter: (p) => {
        const gap = gapOf.get(p.data?.key ?? '');
        return gap ? standardName(gap, lang) : '';
      },
    },
    { field: 'beforePeriod', ...header(t, 'check.beforePeriod'), ...PERIOD },
    { field: 'before', ...header(t, 'check.before'), width: 72, type: 'numericColumn' },
    { field: 'afterPeriod', ...header(t, 'check.afterPeriod'), ...PERIOD },
    { field: 'after', ...header(t, 'check.after'), width: 72, type: 'numericColumn' },
    { field: 'improvement', ...header(t, 'check.improvement', true), width: 80, type: 'numericColumn' },
    {
      field: 'status',
      ...header(t, 'check.status'),
      width: 120,
      pinned: 'right',
      cellRenderer: (p: { value?: CheckStatus }) =>
        p.value ? <Tag color={STATUS_COLOURS[p.value]}>{t(`checkStatus.${p.value}`)}</Tag> : null,
    },
  ];
  return <LocalGrid rows={results} columns={columns} rowId={(r) => r.key} testId="check-grid" />;
}
