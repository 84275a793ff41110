/**
 * Corrective actions: a paged grid over actions:list and a board by status, over the same
 * filters (from the hash route, so the dashboard links here). Overdue actions are red in
 * both; moves follow domain.md's transitions and record verification where it applies.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Segmented, Select, Space, Tag, Typography } from 'antd';
import type { ColDef, CellClassParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/domain/enums';
import { BranchSelect } from '../../components/BranchSelect';
import { ServerGrid, type ServerGridHandle } from '../../components/ServerGrid';
import { hashLink, hashQuery } from '../dashboard/route';
import { useEnumLabel } from '../dashboard/labels';
import { ActionsBoard } from './ActionsBoard';
import { ActionDrawer } from './ActionDrawer';
import { ActionForm, type ActionFormTarget } from './ActionForm';
import { client } from '../../client';
import { useNotice } from '../../components/useNotice';
import { filtersQuery, parseActionFilters, type ActionFilters } from './filters';
import { useStatusMove } from './useStatusMove';

type View = 'grid' | 'board';

function useHashFilters(): [ActionFilters, View] {
  const read = () => {
    const q = hashQuery();
    return { filters: parseActionFilters(q), view: (q.get('view') === 'board' ? 'board' : 'grid') as View };
  };
  const [state, setState] = useState(read);
  useEffect(() => {
    const onHash = () => setState(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [state.filters, state.view];
}

const overdueStyle = (p: CellClassParams<CorrectiveAction>) =>
  p.data?.overdue ? { backgroundColor: '#fff1f0', color: '#cf1322' } : null;

export default function ActionsPage() {
  const { t } = useTranslation('actions');
  const label = useEnumLabel();
  const notice = useNotice();
  const [filters, view] = useHashFilters();
  const [editing, setEditing] = useState<ActionFormTarget | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [open, setOpen] = useState<CorrectiveAction | null>(null);
  const [version, setVersion] = useState(0);
  const grid = useRef<ServerGridHandle>(null);
  const changed = (a: CorrectiveAction) => {
    setVersion((v) => v + 1);
    grid.current?.refresh();
    setOpen((o) => (o && o.id === a.id ? a : o));
  };
  const { move, modal, asking } = useStatusMove(changed);
  // The grid reports its total as it pages; the board's columns stop at 50 cards each, so its
  // total is asked for on its own (one row fetched), as the filters and each move change it.
  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    if (view !== 'board') return;
    let live = true;
    client.call('actions:list', { ...filters, limit: 1 }).then(
      (p) => live && setTotal(p.total),
      () => live && setTotal(null),
    );
    return () => {
      live = false;
    };
    // filtersKey stands for the filters' value: an equal object is no reason to ask again.
  }, [view, filtersKey, version]);
  const remove = async (a: CorrectiveAction) => {
    try {
      const deleted = await client.call('actions:delete', { id: a.id });
      const refresh = () => {
        setVersion((v) => v + 1);
        grid.current?.refresh();
      };
      notice.deleted(t('deleted'), deleted, refresh);
      setOpen(null);
      refresh();
    } catch (e) {
      notice.refused(e);
    }
  };
  const go = (f: ActionFilters, v: View = view) =>
    (window.location.hash = hashLink('/actions', {
      ...filtersQuery(f),
      view: v === 'board' ? 'board' : undefined,
    }));

  const columns = useMemo<ColDef<CorrectiveAction>[]>(
    () =>
      (
        [
          { field: 'dueDate', headerName: t('col.dueDate'), width: 110 },
          {
            field: 'status',
            headerName: t('col.status'),
            width: 100,
            valueFormatter: (p) => (p.value ? label(p.value as string) : ''),
          },
          {
            field: 'overdue',
            headerName: t('overdue'),
            width: 80,
            sortable: false,
            cellRenderer: (p: { value?: boolean }) =>
              p.value ? <Tag color="red">{t('overdue')}</Tag> : null,
          },
          { field: 'branchCode', headerName: t('col.branchCode'), width: 110 },
          { field: 'branchName', headerName: t('col.branch'), width: 150, sortable: false },
          { field: 'standardCode', headerName: t('col.standardCode'), width: 110, sortable: false },
          { field: 'action', headerName: t('col.action'), flex: 1, minWidth: 220, sortable: false },
          { field: 'department', headerName: t('col.department'), width: 130 },
          { field: 'owner', headerName: t('col.owner'), width: 90 },
          { field: 'verifiedOn', headerName: t('col.verifiedOn'), width: 110, sortable: false },
        ] as ColDef<CorrectiveAction>[]
      ).map((c) => ({ ...c, cellStyle: overdueStyle })),
    [t, label],
  );

  const active = Object.entries(filtersQuery(filters)).filter(([, v]) => v !== undefined);
  const tagText = (key: string, value: string) =>
    key === 'status'
      ? label(value)
      : key === 'overdue'
        ? value === '1'
          ? t('overdue')
          : t('notOverdue')
        : key === 'findingId'
          ? t('oneFinding')
          : value;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="actions-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
          {total !== null && <Typography.Text type="secondary">{t('total', { n: total })}</Typography.Text>}
        </Space>
        <Space>
          <Button
            type="primary"
            size="small"
            onClick={() => setEditing({ mode: 'new', branchCode: filters.branchCode })}
            data-testid="action-new"
          >
            {t('new')}
          </Button>
          <Segmented<View>
            size="small"
            value={view}
            options={[
              { value: 'grid', label: t('view.grid') },
              { value: 'board', label: t('view.board') },
            ]}
            onChange={(v) => go(filters, v)}
            data-testid="actions-view"
          />
        </Space>
      </Space>
      {/* The filters people set here; the dashboard's links set the same ones in the route. */}
      <Space wrap size="small" data-testid="action-filter-bar">
        <Select<ActionStatus>
          size="small"
          allowClear
          style={{ width: 140 }}
          placeholder={t('allStatuses')}
          value={filters.status}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: label(s) }))}
          onChange={(status) => go({ ...filters, status })}
          data-testid="filter-status"
        />
        <BranchSelect
          value={filters.branchCode}
          onChange={(branchCode) => go({ ...filters, branchCode })}
          width={240}
          testId="filter-branch"
        />
        <Checkbox
          checked={filters.overdue === true}
          onChange={(e) => go({ ...filters, overdue: e.target.checked ? true : undefined })}
          data-testid="filter-overdue"
        >
          {t('onlyOverdue')}
        </Checkbox>
      </Space>
      {active.length > 0 && (
        <Space wrap size={4} data-testid="action-filters">
          <Typography.Text type="secondary">{t('filteredBy')}</Typography.Text>
          {active.map(([key, value]) => (
            <Tag key={key} closable onClose={() => go({ ...filters, [key]: undefined })}>
              {t('filterTag', { name: t(`filter.${key}`), value: tagText(key, value!) })}
            </Tag>
          ))}
        </Space>
      )}
      {view === 'grid' ? (
        <ServerGrid
          ref={grid}
          channel="actions:list"
          filters={filters}
          columnDefs={columns}
          height="calc(100vh - 190px)"
          onTotal={setTotal}
          onRowClicked={setOpen}
          testId="actions-grid"
        />
      ) : (
        <ActionsBoard filters={filters} version={version} onMove={move} onOpen={setOpen} />
      )}
      <ActionDrawer
        action={open}
        onClose={() => setOpen(null)}
        onMove={(a, to: ActionStatus) => move(a, to)}
        onEdit={(a) => setEditing({ mode: 'edit', action: a })}
        onDelete={(a) => void remove(a)}
        keyboard={!asking}
      />
      <ActionForm
        target={editing}
        onClose={() => setEditing(null)}
        onSaved={(a) => {
          setEditing(null);
          changed(a);
        }}
      />
      {modal}
    </Space>
  );
}
