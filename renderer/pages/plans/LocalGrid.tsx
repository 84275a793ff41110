/**
 * A grid over rows the page already holds (a plan's gaps, a review's snapshot): ag-grid's
 * client-side model with the workbench's theme and locale, as tall as its rows up to a cap.
 */
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { gridLocale, gridTheme, TOOLTIP_SHOW_DELAY } from '../../components/grid-setup';

export function LocalGrid<T>({
  rows,
  columns,
  rowId,
  testId,
  maxHeight = 420,
  ...more
}: {
  rows: T[];
  columns: ColDef<T>[];
  rowId: (row: T) => string;
  testId: string;
  maxHeight?: number;
} & Omit<AgGridReactProps<T>, 'rowData' | 'columnDefs' | 'getRowId'>) {
  const { i18n } = useTranslation();
  return (
    <div style={{ height: Math.min(maxHeight, 80 + rows.length * 30), minHeight: 140 }} data-testid={testId}>
      <AgGridReact<T>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(i18n.language)}
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => rowId(p.data)}
        defaultColDef={{ sortable: true, resizable: true }}
        tooltipShowDelay={TOOLTIP_SHOW_DELAY}
        {...more}
      />
    </div>
  );
}
