/** Check: each gap's value before and after, and whether it closed, improved or stayed open. */
import type { ColDef } from 'ag-grid-community';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckResult, CheckStatus, PlanGap } from '../../../shared/plans/types';
import { standardName } from '../../../shared/plans/texts';
import { toLang } from '../../i18n';
import { LocalGrid } from './LocalGrid';

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
  const columns: ColDef<CheckResult>[] = [
    {
      colId: 'branch',
      headerName: t('gap.branch'),
      width: 140,
      valueGetter: (p) => gapOf.get(p.data?.key ?? '')?.branchName ?? '',
    },
    {
      colId: 'standard',
      headerName: t('gap.standard'),
      width: 170,
      valueGetter: (p) => {
        const gap = gapOf.get(p.data?.key ?? '');
        return gap ? standardName(gap, lang) : '';
      },
    },
    { field: 'beforePeriod', headerName: t('check.beforePeriod'), width: 100 },
    { field: 'before', headerName: t('check.before'), width: 90, type: 'numericColumn' },
    { field: 'afterPeriod', headerName: t('check.afterPeriod'), width: 100 },
    { field: 'after', headerName: t('check.after'), width: 90, type: 'numericColumn' },
    { field: 'improvement', headerName: t('check.improvement'), width: 110, type: 'numericColumn' },
    {
      field: 'status',
      headerName: t('check.status'),
      width: 110,
      cellRenderer: (p: { value?: CheckStatus }) =>
        p.value ? <Tag color={STATUS_COLOURS[p.value]}>{t(`checkStatus.${p.value}`)}</Tag> : null,
    },
  ];
  return <LocalGrid rows={results} columns={columns} rowId={(r) => r.key} testId="check-grid" />;
}
