/**
 * The plan's gaps, ranked: value against target, trend, the actions already linked, and for
 * a gap with none yet the proposed action, whose owner, department, due date and text are
 * edited in the grid before confirming. The plan holds every gap in memory already, so the
 * grid uses the client-side row model.
 */
import { useMemo } from 'react';
import type { ColDef, EditableCallbackParams } from 'ag-grid-community';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanDraft, PlanGap } from '../../../shared/plans/types';
import { standardName } from '../../../shared/plans/texts';
import { toLang } from '../../i18n';
import { LocalGrid } from './LocalGrid';
import { VERDICT_COLOURS } from '../../charts/options';
import { useEnumLabel } from '../dashboard/labels';

export interface GapRow extends PlanGap {
  draft: PlanDraft | null;
  covered: boolean;
}

export function GapsGrid({
  rows,
  editable,
  onDraft,
}: {
  rows: GapRow[];
  editable: boolean;
  onDraft: (key: string, draft: PlanDraft) => void;
}) {
  const { t, i18n } = useTranslation('plans');
  const label = useEnumLabel();
  const lang = toLang(i18n.language);
  const canEdit = (p: EditableCallbackParams<GapRow>) => editable && !!p.data?.draft && !p.data.covered;
  const draftColumn = (field: keyof PlanDraft, header: string, width: number): ColDef<GapRow> => ({
    colId: field,
    headerName: header,
    width,
    editable: canEdit,
    valueGetter: (p) => p.data?.draft?.[field] ?? '',
    valueSetter: (p) => {
      if (!p.data?.draft) return false;
      onDraft(p.data.key, { ...p.data.draft, [field]: String(p.newValue ?? '') });
      return true;
    },
    cellStyle: (p) =>
      canEdit(p as unknown as EditableCallbackParams<GapRow>) ? { background: '#fffbe6' } : null,
  });
  const columns = useMemo<ColDef<GapRow>[]>(
    () => [
      { field: 'rank', headerName: '#', width: 56, pinned: 'left' },
      { field: 'branchName', headerName: t('gap.branch'), width: 140, pinned: 'left' },
      {
        colId: 'standard',
        headerName: t('gap.standard'),
        width: 170,
        valueGetter: (p) => (p.data ? standardName(p.data, lang) : ''),
      },
      { field: 'value', headerName: t('gap.value'), width: 80, type: 'numericColumn' },
      { field: 'target', headerName: t('gap.target'), width: 80, type: 'numericColumn' },
      {
        field: 'verdict',
        headerName: t('gap.verdict'),
        width: 90,
        cellRenderer: (p: { value?: 'warning' | 'fail' }) =>
          p.value ? <Tag color={VERDICT_COLOURS[p.value]}>{label(p.value)}</Tag> : null,
      },
      {
        colId: 'linked',
        headerName: t('gap.linked'),
        width: 120,
        valueGetter: (p) => (p.data?.covered ? t('gap.covered') : p.data?.draft ? t('gap.toConfirm') : ''),
        cellStyle: (p) =>
          p.data?.covered ? { color: '#389e0d' } : p.data?.draft ? { color: '#d48806' } : null,
      },
      // What the user fills in comes before the ranking details, so it is in view without scrolling.
      draftColumn('owner', t('gap.owner'), 100),
      draftColumn('department', t('gap.department'), 130),
      draftColumn('dueDate', t('gap.dueDate'), 110),
      draftColumn('action', t('gap.action'), 260),
      {
        field: 'score',
        headerName: t('gap.score'),
        width: 80,
        type: 'numericColumn',
        valueFormatter: (p) => (p.value as number)?.toFixed(3),
      },
      {
        field: 'trend',
        headerName: t('gap.trend'),
        width: 90,
        valueFormatter: (p) => t(`trend.${p.value as string}`),
      },
    ],
    // The draft columns close over `editable` and onDraft; rebuilt with them.
    [t, lang, label, editable, onDraft],
  );
  return (
    <LocalGrid
      rows={rows}
      columns={columns}
      rowId={(r) => r.key}
      testId="gaps-grid"
      maxHeight={520}
      singleClickEdit
      stopEditingWhenCellsLoseFocus
      suppressColumnVirtualisation
    />
  );
}
