/**
 * Every row error of the check (or of the import, skipping them), across files and sheets: what,
 * where, and why, in the page's language; and each file's failed rows to download.
 */
import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../../shared/contracts/import';
import { DataGrid } from '../../components/DataGrid';
import { toLang } from '../../i18n';
import { DownloadErrors } from './DownloadErrors';
import type { WizardFile } from './ImportWizard';

type ErrorRow = RowError & { file: string };

export function ErrorsGrid({
  files,
  of,
  period,
}: {
  files: WizardFile[];
  /** The dry run's errors, or the import's. */
  of: 'check' | 'report';
  period: string | undefined;
}) {
  const { t, i18n } = useTranslation('import');
  const lang = toLang(i18n.language);
  // An exchange workbook's refusals are listed with its report: it has no rows to send back.
  const failing = files.filter((f) => f[of]?.sheets.some((s) => s.errors.length > 0));
  const rows = useMemo<ErrorRow[]>(
    () =>
      files.flatMap((f) =>
        (f[of]?.sheets ?? []).flatMap((s) => s.errors.map((e) => ({ ...e, file: f.name }))),
      ),
    [files, of],
  );
  const total = failing.reduce((n, f) => n + (f[of]?.errorCount ?? 0), 0);
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
  if (rows.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`${of}-failed-rows`}>
      <Space wrap>
        {failing.map((f) => (
          <DownloadErrors key={f.path} file={f} period={period} named={failing.length > 1} />
        ))}
        {/* The list keeps the first errors of each sheet; the workbook holds every failed row. */}
        {total > rows.length && (
          <Typography.Text type="secondary">{t('errorsListed', { n: rows.length, total })}</Typography.Text>
        )}
      </Space>
      <DataGrid<ErrorRow> height={300} rowData={rows} columnDefs={columns} testId="import-errors" />
    </Space>
  );
}
