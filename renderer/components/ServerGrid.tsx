/**
 * A grid over any paged `*:list` call, with ag-grid's infinite row model: only the blocks in
 * view are fetched (offset/limit), and sorting and filtering go to SQL through the call's own
 * input, so a million rows never come to the page. A column filters on the server when its
 * colDef names the call's input field in `context.filterParam` (text equals).
 */
import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type {
  CellValueChangedEvent,
  ColDef,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  IDatasource,
  IGetRowsParams,
  RowClickedEvent,
} from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Channel, Input, Output } from '../../shared/contract';
import type { Page } from '../../shared/schemas/common';
import { client } from '../client';
import { gridLocale, gridTheme } from './grid-setup';

/** The calls that answer one page of rows and take offset/limit/sort. */
export type PagedChannel = {
  [C in Channel]: Output<C> extends Page<unknown>
    ? Input<C> extends { offset?: number }
      ? C
      : never
    : never;
}[Channel];
export type RowOf<C extends PagedChannel> = Output<C> extends Page<infer R> ? R : never;
type Filters<C extends PagedChannel> = Omit<Input<C>, 'offset' | 'limit' | 'sort'>;

export interface ServerGridProps<C extends PagedChannel> {
  channel: C;
  filters: Filters<C>;
  columnDefs: ColDef<RowOf<C>>[];
  /** Rows per request (one ag-grid block). */
  pageSize?: number;
  height?: number | string;
  onRowClicked?: (row: RowOf<C>) => void;
  onCellValueChanged?: (event: CellValueChangedEvent<RowOf<C>>) => void;
  /** Told the total after each fetch, e.g. for a count in the title. */
  onTotal?: (total: number) => void;
  testId?: string;
}

export interface ServerGridHandle {
  refresh(): void;
  api(): GridApi | null;
}

function ServerGridInner<C extends PagedChannel>(
  props: ServerGridProps<C>,
  ref: React.ForwardedRef<ServerGridHandle>,
) {
  const { i18n } = useTranslation();
  const apiRef = useRef<GridApi | null>(null);
  const latest = useRef(props);
  latest.current = props;

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const { channel, filters, onTotal } = latest.current;
        const columnFilters: Record<string, unknown> = {};
        for (const [colId, model] of Object.entries(params.filterModel ?? {})) {
          const def = latest.current.columnDefs.find((c) => (c.colId ?? c.field) === colId);
          const param = (def?.context as { filterParam?: string } | undefined)?.filterParam;
          const value = (model as { filter?: unknown }).filter;
          if (param && value !== undefined && value !== '') columnFilters[param] = value;
        }
        const input = {
          ...filters,
          ...columnFilters,
          offset: params.startRow,
          limit: params.endRow - params.startRow,
          sort: params.sortModel.map((s) => ({ field: s.colId, dir: s.sort })),
        } as unknown as Input<C>;
        client
          .call(channel, input)
          .then((page) => {
            const { rows, total } = page as Page<RowOf<C>>;
            onTotal?.(total);
            params.successCallback(rows, total);
            if (total === 0) apiRef.current?.showNoRowsOverlay();
            else apiRef.current?.hideOverlay();
          })
          .catch(() => params.failCallback());
      },
    }),
    [],
  );

  const filtersKey = JSON.stringify(props.filters);
  const onGridReady = useCallback((e: GridReadyEvent) => {
    apiRef.current = e.api;
  }, []);
  // New filters: start again from the first block.
  const lastKey = useRef(filtersKey);
  if (lastKey.current !== filtersKey) {
    lastKey.current = filtersKey;
    queueMicrotask(() => apiRef.current?.purgeInfiniteCache());
  }

  useImperativeHandle(ref, () => ({
    refresh: () => apiRef.current?.refreshInfiniteCache(),
    api: () => apiRef.current,
  }));

  const pageSize = props.pageSize ?? 100;
  return (
    <div style={{ height: props.height ?? 520, width: '100%' }} data-testid={props.testId}>
      <AgGridReact<RowOf<C>>
        key={i18n.language}
        theme={gridTheme}
        localeText={gridLocale(i18n.language)}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={pageSize}
        maxBlocksInCache={20}
        infiniteInitialRowCount={pageSize}
        columnDefs={props.columnDefs}
        defaultColDef={{ sortable: true, resizable: true, minWidth: 80 }}
        getRowId={(p: GetRowIdParams<RowOf<C>>) => (p.data as { id: string }).id}
        onGridReady={onGridReady}
        onRowClicked={(e: RowClickedEvent<RowOf<C>>) => e.data && props.onRowClicked?.(e.data)}
        onCellValueChanged={props.onCellValueChanged}
        singleClickEdit
        stopEditingWhenCellsLoseFocus
      />
    </div>
  );
}

export const ServerGrid = forwardRef(ServerGridInner) as <C extends PagedChannel>(
  props: ServerGridProps<C> & { ref?: React.Ref<ServerGridHandle> },
) => React.ReactElement;
