/**
 * Inspections by branch and period, and the measurements behind them: verdicts coloured, gaps
 * shown, values corrected in place (each edit is one measurements:upsert, re-judged by the
 * service). Both grids page in SQL, so the measurements tab stays fast over a million rows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Card, Select, Space, Tabs, Tag } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Inspection, Measurement } from '../../../shared/schemas/inspection';
import { isPeriod } from '../../../shared/domain/period';
import { client } from '../../client';
import { ServerGrid, type ServerGridHandle } from '../../components/ServerGrid';
import { BranchSelect } from '../../components/BranchSelect';
import { PeriodFilter } from '../../components/PeriodFilter';
import { formatNumber, standardNameIn, useLabels } from '../../format';
import { navigate, useRoute } from '../../router';
import { NewInspection } from './NewInspection';
import { AddMeasurement } from './AddMeasurement';
import { InspectionBar } from './InspectionBar';
import { typedValue } from './typed-value';
import { useNotice } from '../../components/useNotice';

const VERDICTS = ['pass', 'warning', 'fail'] as const;
type Verdict = (typeof VERDICTS)[number];

/**
 * The newest period with measurements: the last answer at once (one round trip less on the way
 * to the grid), asking again each time so an import's new month is the default next time.
 */
let knownNewest: string | null | undefined;
function newestPeriod(): Promise<string | null> {
  const fresh = client.call('dashboard:periods', {}).then((periods) => (knownNewest = periods[0] ?? null));
  return knownNewest === undefined ? fresh : Promise.resolve(knownNewest);
}

export default function InspectionsPage() {
  const { t, i18n } = useTranslation('inspections');
  const { label } = useLabels();
  const { modal } = App.useApp();
  const notice = useNotice();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  // An emptied value cell: the measurement goes (asked first), never becomes 0.
  const askToDelete = (row: Measurement) =>
    void modal.confirm({
      title: t('deleteValue', { code: row.standardCode }),
      okText: t('common:delete'),
      okButtonProps: { danger: true },
      cancelText: t('common:cancel'),
      onOk: () =>
        client
          .call('measurements:delete', { id: row.id })
          .then((deleted) => {
            const refresh = () => measurementsGrid.current?.refresh();
            notice.deleted(t('valueDeleted', { code: row.standardCode }), deleted, refresh);
            refresh();
          })
          .catch(notice.refused),
    });
  const { params } = useRoute();
  const tab = params.tab === 'measurements' ? 'measurements' : 'inspections';
  const branchCode = params.branchCode || undefined;
  const period = params.period && isPeriod(params.period) ? params.period : undefined;
  const inspectionId = params.inspectionId || undefined;
  const verdict = VERDICTS.includes(params.verdict as Verdict) ? (params.verdict as Verdict) : undefined;
  // Unfiltered, the measurements tab opens on the newest period (a month of the whole network,
  // not every month ever); clearing the period (`period=all`) shows every period.
  const needsDefaultPeriod = tab === 'measurements' && !params.period && !inspectionId && !branchCode;
  useEffect(() => {
    if (!needsDefaultPeriod) return;
    void newestPeriod().then((newest) => navigate('inspections', { ...params, period: newest ?? 'all' }));
  }, [needsDefaultPeriod, params]);
  // Each grid's own count: both stay mounted, and the inspections list refreshed under an open
  // inspection (after an approval) wrote its count over the measurements' (27 行 over 3 rows).
  const [totals, setTotals] = useState({ inspections: 0, measurements: 0 });
  const totalOf = (grid: keyof typeof totals) => (n: number) => setTotals((was) => ({ ...was, [grid]: n }));
  const [opened, setOpened] = useState<Inspection | null>(null);
  // Nothing is offered to add to an approved inspection (the service refuses it too).
  const locked = !!inspectionId && opened?.id === inspectionId && opened.status === 'approved';
  const measurementsGrid = useRef<ServerGridHandle>(null);
  const inspectionsGrid = useRef<ServerGridHandle>(null);

  const setParam = (changes: Record<string, string | undefined>) =>
    navigate('inspections', { ...params, ...changes });

  const inspectionColumns = useMemo<ColDef<Inspection>[]>(
    () => [
      { field: 'period', headerName: t('period'), width: 100 },
      { field: 'branchCode', headerName: t('branchCode'), width: 120 },
      { field: 'branchName', headerName: t('branchName'), flex: 1, sortable: false },
      { field: 'regionCode', headerName: t('region'), width: 100, sortable: false },
      { field: 'kind', headerName: t('kind'), width: 120, valueFormatter: (p) => label(p.value) },
      { field: 'status', headerName: t('status'), width: 90, valueFormatter: (p) => label(p.value) },
      { field: 'inspector', headerName: t('inspector'), width: 100, sortable: false },
      { field: 'measurementCount', headerName: t('measurementCount'), width: 90, sortable: false },
      {
        field: 'failCount',
        headerName: t('failCount'),
        width: 90,
        sortable: false,
        cellClass: (p) => (p.value ? 'qw-verdict-fail' : ''),
      },
      {
        field: 'warningCount',
        headerName: t('warningCount'),
        width: 90,
        sortable: false,
        cellClass: (p) => (p.value ? 'qw-verdict-warning' : ''),
      },
    ],
    [t, label],
  );

  const measurementColumns = useMemo<ColDef<Measurement>[]>(
    () => [
      { field: 'period', headerName: t('period'), width: 85 },
      {
        field: 'branchCode',
        headerName: t('branchCode'),
        width: 110,
        filter: 'agTextColumnFilter',
        filterParams: { filterOptions: ['equals'], maxNumConditions: 1 },
        context: { filterParam: 'branchCode' },
      },
      { field: 'branchName', headerName: t('branchName'), width: 120 },
      {
        field: 'standardCode',
        headerName: t('standardCode'),
        width: 100,
        filter: 'agTextColumnFilter',
        filterParams: { filterOptions: ['equals'], maxNumConditions: 1 },
        context: { filterParam: 'standardCode' },
      },
      {
        field: 'standardName',
        headerName: t('standardName'),
        flex: 1,
        minWidth: 120,
        sortable: false,
        valueFormatter: (p) =>
          p.data ? standardNameIn(i18n.language, p.data.standardName, p.data.standardNameEn) : '',
      },
      {
        field: 'value',
        headerName: t('value'),
        width: 85,
        type: 'numericColumn',
        // An approved inspection's values are read-only (the service refuses them), in any listing:
        // the rows of a whole scope mix inspections, so the row says whose status it is. Not
        // editable, such a cell cannot be emptied either, so no deletion is offered for it.
        editable: (p) => p.data?.inspectionStatus !== 'approved',
        cellClass: (p) => (p.data?.inspectionStatus === 'approved' ? 'qw-read-only' : ''),
        tooltipValueGetter: (p) => (p.data?.inspectionStatus === 'approved' ? t('valueLocked') : undefined),
        // Edited as text, read as an import reads a cell: a number editor drops full-width digits.
        cellDataType: 'text',
        cellStyle: { fontWeight: 600 },
      },
      { field: 'unit', headerName: t('unit'), width: 55, sortable: false },
      { field: 'target', headerName: t('target'), width: 75, type: 'numericColumn', sortable: false },
      { field: 'warning', headerName: t('warning'), width: 75, type: 'numericColumn', sortable: false },
      {
        field: 'verdict',
        headerName: t('verdict'),
        width: 75,
        valueFormatter: (p) => label(p.value),
        cellClass: (p) => (p.value ? `qw-verdict-${p.value}` : ''),
      },
      {
        field: 'gap',
        headerName: t('gap'),
        width: 75,
        type: 'numericColumn',
        valueFormatter: (p) => formatNumber(p.value),
      },
      {
        field: 'attainment',
        headerName: t('attainment'),
        width: 85,
        type: 'numericColumn',
        valueFormatter: (p) =>
          p.value === null || p.value === undefined ? '' : `${formatNumber(p.value * 100, 1)}%`,
      },
      { field: 'kind', headerName: t('kind'), width: 95, valueFormatter: (p) => label(p.value) },
    ],
    [t, label, i18n.language],
  );

  const filterBar = (
    <Space wrap style={{ marginBottom: 8 }}>
      <BranchSelect
        value={branchCode}
        onChange={(code) => setParam({ branchCode: code, inspectionId: undefined })}
      />
      <PeriodFilter
        value={period}
        onChange={(p) => setParam({ period: p ?? 'all', inspectionId: undefined })}
        testId="period-filter"
      />
      {tab === 'measurements' && (
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('allVerdicts')}
          value={verdict}
          onChange={(v) => setParam({ verdict: v })}
          options={VERDICTS.map((v) => ({ value: v, label: label(v) }))}
        />
      )}
      {inspectionId && (
        <Tag closable onClose={() => setParam({ inspectionId: undefined })}>
          {t('oneInspection')}
        </Tag>
      )}
      <span data-testid="grid-total">{t('common:rows', { n: totals[tab] })}</span>
    </Space>
  );

  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam({ tab: key === 'inspections' ? undefined : key })}
        tabBarExtraContent={
          tab === 'inspections' ? (
            <NewInspection onCreated={(i) => setParam({ tab: 'measurements', inspectionId: i.id })} />
          ) : inspectionId && !locked ? (
            <AddMeasurement inspectionId={inspectionId} onAdded={() => measurementsGrid.current?.refresh()} />
          ) : null
        }
        items={[
          {
            key: 'inspections',
            label: t('inspectionsTab'),
            children: (
              <>
                {filterBar}
                <ServerGrid
                  ref={inspectionsGrid}
                  testId="inspections-grid"
                  channel="inspections:list"
                  filters={{ branchCode, period }}
                  columnDefs={inspectionColumns}
                  height="calc(100vh - 200px)"
                  onTotal={totalOf('inspections')}
                  onRowClicked={(row) => setParam({ tab: 'measurements', inspectionId: row.id })}
                />
              </>
            ),
          },
          {
            key: 'measurements',
            label: t('measurementsTab'),
            children: (
              <>
                {filterBar}
                {inspectionId && (
                  <InspectionBar
                    inspectionId={inspectionId}
                    onLoaded={(i) => {
                      // Approved or sent back, its rows say so once fetched again (read-only or not).
                      if (i && opened?.id === i.id && opened.status !== i.status)
                        measurementsGrid.current?.refresh();
                      setOpened(i);
                      // The list beside it shows the status too: it said 草稿 after an approval.
                      inspectionsGrid.current?.refresh();
                    }}
                    onDeleted={() => {
                      inspectionsGrid.current?.refresh();
                      setParam({ tab: undefined, inspectionId: undefined });
                    }}
                    onRestored={() => inspectionsGrid.current?.refresh()}
                  />
                )}
                {!needsDefaultPeriod && (
                  <ServerGrid
                    ref={measurementsGrid}
                    testId="measurements-grid"
                    channel="measurements:list"
                    filters={{ branchCode, period, inspectionId, verdict }}
                    columnDefs={measurementColumns}
                    height="calc(100vh - 200px)"
                    onTotal={totalOf('measurements')}
                    onCellValueChanged={(e) => {
                      if (!e.data || e.colDef.field !== 'value' || e.newValue === e.oldValue) return;
                      const row = e.data;
                      // setData, not setDataValue: putting the old value back is no new edit to save.
                      const putBack = () => e.node.setData({ ...row, value: e.oldValue as number });
                      const typed = typedValue(e.newValue, row.unit);
                      if (typed.kind !== 'number') {
                        putBack();
                        if (typed.kind === 'wrong') notice.refused(`${t('value')}: ${typed.reason[lang]}`);
                        else askToDelete(row);
                        return;
                      }
                      client
                        .call('measurements:upsert', {
                          inspectionId: row.inspectionId,
                          standardCode: row.standardCode,
                          value: typed.value,
                        })
                        .then((saved) => {
                          e.node.setData(saved);
                          notice.done(
                            t('valueSaved', { code: saved.standardCode, verdict: label(saved.verdict) }),
                          );
                        })
                        .catch((err: unknown) => {
                          putBack();
                          notice.refused(err);
                        });
                    }}
                  />
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
