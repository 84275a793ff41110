/**
 * Findings (domain.md): failed and warned measurements, and observations written by hand,
 * each with the corrective actions raised from it. By default the page lists what still has
 * none, the quality officer's to-do list; 发起整改 raises one, with the finding's branch,
 * standard and words filled in and the action linked to it. An observation is recorded, corrected
 * and (until an action answers it) deleted here.
 */
import { useMemo, useRef, useState } from 'react';
import { Button, Card, Popconfirm, Segmented, Select, Space } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/schemas/action';
import { isPeriod } from '../../../shared/domain/period';
import { BranchSelect } from '../../components/BranchSelect';
import { PeriodFilter } from '../../components/PeriodFilter';
import { ServerGrid, type ServerGridHandle } from '../../components/ServerGrid';
import { client } from '../../client';
import { formatNumber, standardNameIn, useLabels } from '../../format';
import { useNotice } from '../../components/useNotice';
import { navigate, useRoute } from '../../router';
import { ActionForm, type RaisedFrom } from '../actions/ActionForm';
import { ObservationForm, type ObservationFormTarget } from './ObservationForm';

const SEVERITIES = ['fail', 'warning', 'observation'] as const;
type Severity = (typeof SEVERITIES)[number];

export default function FindingsPage() {
  const { t, i18n } = useTranslation('findings');
  const { label } = useLabels();
  const notice = useNotice();
  const { params } = useRoute();
  const branchCode = params.branchCode || undefined;
  const period = params.period && isPeriod(params.period) ? params.period : undefined;
  const severity = SEVERITIES.includes(params.severity as Severity)
    ? (params.severity as Severity)
    : undefined;
  const showAll = params.show === 'all';
  const [total, setTotal] = useState(0);
  const [raising, setRaising] = useState<RaisedFrom | null>(null);
  const [observing, setObserving] = useState<ObservationFormTarget | null>(null);
  const grid = useRef<ServerGridHandle>(null);
  const setParam = (changes: Record<string, string | undefined>) =>
    navigate('findings', { ...params, ...changes });

  const standardOf = (f: Finding) =>
    f.standardName ? standardNameIn(i18n.language, f.standardName, f.standardNameEn) : (f.standardCode ?? '');
  // A measurement's finding says what was measured against what; an observation is its words.
  const describe = (f: Finding) =>
    f.severity === 'observation'
      ? f.description
      : t('measured', {
          period: f.period,
          standard: standardOf(f),
          // 1.29 of a drop rate is 1.29%: the unit says which.
          value: `${formatNumber(f.value)}${f.unit ?? ''}`,
          target: `${formatNumber(f.target)}${f.unit ?? ''}`,
          verdict: label(f.severity),
        });
  const remove = (f: Finding) =>
    client
      .call('findings:deleteObservation', { id: f.id })
      .then((deleted) => {
        const refresh = () => grid.current?.refresh();
        notice.deleted(t('observationDeleted'), deleted, refresh);
        refresh();
      })
      .catch(notice.refused);
  const raise = (f: Finding) =>
    setRaising({
      branchCode: f.branchCode,
      branchName: f.branchName,
      standardCode: f.standardCode,
      finding: describe(f),
      measurementId: f.measurementId,
      findingId: f.measurementId ? null : f.id,
    });

  const columns = useMemo<ColDef<Finding>[]>(
    () => [
      { field: 'period', headerName: t('inspections:period'), width: 95 },
      { field: 'branchCode', headerName: t('inspections:branchCode'), width: 115 },
      { field: 'branchName', headerName: t('inspections:branchName'), width: 150, sortable: false },
      {
        colId: 'standard',
        headerName: t('standard'),
        flex: 1,
        minWidth: 180,
        sortable: false,
        valueGetter: (p) => (p.data ? standardOf(p.data) : ''),
        // English names run long at 1280 px: the whole name on hover.
        tooltipValueGetter: (p) => (p.data ? `${p.data.standardCode ?? ''} ${standardOf(p.data)}` : ''),
      },
      {
        field: 'severity',
        headerName: t('severity'),
        width: 90,
        valueFormatter: (p) => label(p.value),
        cellClass: (p) => (p.value === 'observation' ? '' : `qw-verdict-${String(p.value)}`),
      },
      {
        field: 'value',
        headerName: t('inspections:value'),
        width: 85,
        type: 'numericColumn',
        sortable: false,
      },
      {
        field: 'target',
        headerName: t('inspections:target'),
        width: 85,
        type: 'numericColumn',
        sortable: false,
      },
      {
        field: 'description',
        headerName: t('description'),
        flex: 1,
        minWidth: 120,
        sortable: false,
        tooltipField: 'description',
      },
      {
        colId: 'actions',
        headerName: t('actions'),
        width: 230,
        sortable: false,
        cellRenderer: (p: { data?: Finding }) => {
          const f = p.data;
          if (!f) return null;
          // An observation's words are corrected here, with an action raised from it or not.
          const edit = f.severity === 'observation' && (
            <Button
              size="small"
              type="link"
              onClick={() => setObserving({ mode: 'edit', observation: f })}
              data-testid="observation-edit"
            >
              {t('common:edit')}
            </Button>
          );
          return f.actionCount > 0 ? (
            <Space size={4}>
              <Button
                type="link"
                size="small"
                // Those raised from this finding, as counted: not every action on its branch and standard.
                onClick={() => navigate('actions', { findingId: f.id })}
              >
                {t('actionsRaised', { n: f.actionCount })}
              </Button>
              {edit}
            </Space>
          ) : (
            <Space size={4}>
              <Button type="primary" size="small" onClick={() => raise(f)} data-testid="finding-raise">
                {t('raise')}
              </Button>
              {edit}
              {f.severity === 'observation' && (
                // An observation recorded by mistake would otherwise wait in 待整改 for good.
                <Popconfirm
                  title={t('deleteObservation')}
                  okText={t('common:delete')}
                  cancelText={t('common:cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(f)}
                >
                  <Button size="small" type="link" danger data-testid="observation-delete">
                    {t('common:delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          );
        },
      },
    ],
    // standardOf/describe/raise read only t, label and the language.
    [t, label, i18n.language],
  );

  return (
    <Card
      size="small"
      title={t('title')}
      extra={
        <Button size="small" onClick={() => setObserving({ mode: 'new' })} data-testid="observation-new">
          {t('newObservation')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={showAll ? 'all' : 'open'}
          onChange={(v) => setParam({ show: v === 'all' ? 'all' : undefined })}
          options={[
            { value: 'open', label: t('withoutAction') },
            { value: 'all', label: t('all') },
          ]}
          data-testid="findings-show"
        />
        <BranchSelect value={branchCode} onChange={(code) => setParam({ branchCode: code })} />
        <PeriodFilter value={period} onChange={(p) => setParam({ period: p })} testId="findings-period" />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('allSeverities')}
          value={severity}
          onChange={(v) => setParam({ severity: v })}
          options={SEVERITIES.map((s) => ({ value: s, label: label(s) }))}
        />
        <span data-testid="grid-total">{t('common:rows', { n: total })}</span>
      </Space>
      <ServerGrid
        ref={grid}
        testId="findings-grid"
        channel="findings:list"
        filters={{ branchCode, period, severity, withoutAction: showAll ? undefined : true }}
        columnDefs={columns}
        height="calc(100vh - 210px)"
        onTotal={setTotal}
      />
      <ObservationForm
        target={observing}
        onClose={() => setObserving(null)}
        onSaved={() => {
          setObserving(null);
          grid.current?.refresh();
        }}
      />
      <ActionForm
        target={raising ? { mode: 'new', from: raising } : null}
        onClose={() => setRaising(null)}
        onSaved={() => {
          setRaising(null);
          grid.current?.refresh();
        }}
      />
    </Card>
  );
}
