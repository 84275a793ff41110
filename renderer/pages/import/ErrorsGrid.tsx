/** Every row error of the dry run, across files and sheets: what, where, and why. */
import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../shared/contracts/import';
import { DataGrid } from '../../components/DataGrid';
import { toLang } from '../../i18n';
import type { WizardFile } from './ImportWizard';

type ErrorRow = RowError & { file: string };

export function ErrorsGrid({ files }: { files: WizardFile[] }) {
  const { t, i18n } = useTranslation('import');
  const lang = toLang(i18n.language);
  const rows = useMemo<ErrorRow[]>(
    () =>
      files.flatMap((f) =>
        (f.check?.sheets ?? []).flatMap((s) => s.errors.map((e) => ({ ...e, file: f.name }))),
      ),
    [files],
  );
  const columns = useMemo<ColDef<ErrorRow>[]>(
    () => [
      { field: 'file', headerName: t('file'), width: 200 },
      { field: 'sheet', headerName: t('sheet'), width: 120 },
      { field: 'row', headerName: t('row'), width: 80 },
      { field: 'column', headerName: t('column'), width: 80 },
      { field: 'header', headerName: t('header'), width: 140 },
      { field: 'value', headerName: t('value'), width: 120 },
      { colId: 'reason', headerName: t('reason'), flex: 1, valueGetter: (p) => p.data?.reason[lang] },
    ],
    [t, lang],
  );
  return <DataGrid<ErrorRow> height={300} rowData={rows} columnDefs={columns} testId="import-errors" />;
}
