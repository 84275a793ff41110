/** A grid over rows already in the page (short lists: standards, regions, import previews). */
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import { gridLocale, gridTheme, TOOLTIP_SHOW_DELAY } from './grid-setup';

export function DataGrid<T>({
  height = 420,
  testId,
  ...props
}: AgGridReactProps<T> & { height?: number | string; testId?: string }) {
  const { i18n } = useTranslation();
  return (
    <div style={{ height, width: '100%' }} data-testid={testId}>
      <AgGridReact<T>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(i18n.language)}
        defaultColDef={{ sortable: true, resizable: true, filter: true, minWidth: 80 }}
        tooltipShowDelay={TOOLTIP_SHOW_DELAY}
        {...props}
      />
    </div>
  );
}
