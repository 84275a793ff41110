/**
 * The rows behind a figure that counts measurements: a paged grid over measurements:list with
 * the figure's filter, in a drawer over the dashboard so closing it returns to the figure.
 */
import { Drawer, Tag } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/contract';
import type { Measurement } from '../../../shared/schemas/inspection';
import { ServerGrid } from '../../components/ServerGrid';
import { standardNameIn } from '../../format';
import { VERDICT_COLOURS } from '../../charts/options';
import { useEnumLabel } from './labels';

export type MeasurementFilter = Omit<Input<'measurements:list'>, 'offset' | 'limit' | 'sort'>;

export function MeasurementsDrawer({
  filter,
  title,
  onClose,
}: {
  filter: MeasurementFilter | null;
  title: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const label = useEnumLabel();
  const columns: ColDef<Measurement>[] = [
    { field: 'period', headerName: t('col.period'), width: 100 },
    { field: 'branchCode', headerName: t('col.branchCode'), width: 120 },
    // The names take what the drawer has left, so the last column is not cut off on a laptop.
    { field: 'branchName', headerName: t('col.branchName'), flex: 1, minWidth: 120, sortable: false },
    { field: 'standardCode', headerName: t('col.standardCode'), width: 120 },
    {
      field: 'standardName',
      headerName: t('col.standardName'),
      flex: 1,
      minWidth: 130,
      sortable: false,
      valueFormatter: (p) =>
        p.data ? standardNameIn(i18n.language, p.data.standardName, p.data.standardNameEn) : '',
    },
    { field: 'value', headerName: t('col.value'), width: 90, type: 'numericColumn' },
    { field: 'target', headerName: t('col.target'), width: 90, type: 'numericColumn', sortable: false },
    {
      field: 'verdict',
      headerName: t('col.verdict'),
      width: 100,
      cellRenderer: (p: { value?: Measurement['verdict'] }) =>
        p.value ? <Tag color={VERDICT_COLOURS[p.value]}>{label(p.value)}</Tag> : null,
    },
    { field: 'gap', headerName: t('col.gap'), width: 90, type: 'numericColumn' },
    {
      field: 'attainment',
      headerName: t('col.attainment'),
      width: 100,
      type: 'numericColumn',
      valueFormatter: (p) => (typeof p.value === 'number' ? `${(p.value * 100).toFixed(1)}%` : ''),
    },
  ];
  return (
    <Drawer open={!!filter} title={title} size="80%" onClose={onClose} destroyOnHidden>
      {filter && (
        <ServerGrid
          channel="measurements:list"
          filters={filter}
          columnDefs={columns}
          height="calc(100vh - 140px)"
          testId="rows-behind"
        />
      )}
    </Drawer>
  );
}
