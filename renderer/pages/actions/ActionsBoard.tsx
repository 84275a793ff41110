/**
 * The board: one column per status, cards overdue first (actions:list's default order). A card
 * moves by dragging it onto another column or with its buttons (keyboard), but only along the
 * transitions domain.md allows; a column that cannot take the dragged card says so.
 */
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import { ACTION_STATUSES, type ActionStatus } from '../../../shared/domain/enums';
import { client } from '../../client';
import { useEnumLabel } from '../dashboard/labels';
import { nextStatuses, type ActionFilters } from './filters';

/**
 * A date, a name or a code on a card is read whole: at 1366 a column of 220px broke them
 * mid-token (2026-12- / 01, 黄 / 强). The line breaks between them instead; one longer than
 * the card ends in an ellipsis.
 */
const WHOLE = {
  display: 'inline-block',
  maxWidth: '100%',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  verticalAlign: 'bottom',
} as const;

/** Cards per column: the board is for working the queue; the grid pages through all of them. */
const COLUMN_LIMIT = 50;

function useColumn(status: ActionStatus, filters: ActionFilters, version: number) {
  const [page, setPage] = useState<{ rows: CorrectiveAction[]; total: number } | null>(null);
  const key = JSON.stringify(filters);
  useEffect(() => {
    let live = true;
    client
      .call('actions:list', { ...filters, status, limit: COLUMN_LIMIT })
      .then((p) => live && setPage(p))
      .catch(() => live && setPage({ rows: [], total: 0 }));
    return () => {
      live = false;
    };
    // `key` stands for the filters' value, so a re-render with equal filters does not refetch.
  }, [status, key, version]);
  return page;
}

function ActionCard({
  action,
  onMove,
  onOpen,
  onDrag,
}: {
  action: CorrectiveAction;
  onMove: (to: ActionStatus) => void;
  onOpen: () => void;
  onDrag: (a: CorrectiveAction | null) => void;
}) {
  const { t } = useTranslation('actions');
  const label = useEnumLabel();
  return (
    <Card
      size="small"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', action.id);
        onDrag(action);
      }}
      onDragEnd={() => onDrag(null)}
      style={{ borderLeft: `3px solid ${action.overdue ? '#f5222d' : '#d9d9d9'}`, cursor: 'grab' }}
      styles={{ body: { padding: 8 } }}
      data-testid={`card-${action.id}`}
    >
      <Typography.Link onClick={onOpen} style={{ display: 'block', fontSize: 13 }} ellipsis>
        {action.action}
      </Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[action.branchName, action.standardCode ?? '—', action.owner].map((part, i) => (
          <span key={i}>
            {i > 0 && ' · '}
            <span style={WHOLE}>{part}</span>
          </span>
        ))}
      </Typography.Text>
      {/* In a narrow column the buttons go under the date, rather than the date breaking. */}
      <div
        style={{
          marginTop: 4,
          display: 'flex',
          flexWrap: 'wrap',
          justifyContent: 'space-between',
          alignItems: 'center',
        }}
      >
        <Space size={4}>
          <Typography.Text style={{ fontSize: 12, ...WHOLE }} type={action.overdue ? 'danger' : undefined}>
            {t('due', { date: action.dueDate })}
          </Typography.Text>
          {action.overdue && <Tag color="red">{t('overdue')}</Tag>}
        </Space>
        <Space size={2} style={{ marginLeft: 'auto' }}>
          {nextStatuses(action.status).map((to) => (
            <Button key={to} size="small" type="link" onClick={() => onMove(to)} data-testid={`move-${to}`}>
              {t('moveTo', { status: label(to) })}
            </Button>
          ))}
        </Space>
      </div>
    </Card>
  );
}

function Column({
  status,
  filters,
  version,
  dragged,
  onMove,
  onOpen,
  onDrag,
}: {
  status: ActionStatus;
  filters: ActionFilters;
  version: number;
  dragged: CorrectiveAction | null;
  onDrag: (a: CorrectiveAction | null) => void;
  onMove: (a: CorrectiveAction, to: ActionStatus) => void;
  onOpen: (a: CorrectiveAction) => void;
}) {
  const { t } = useTranslation('actions');
  const label = useEnumLabel();
  const page = useColumn(status, filters, version);
  const accepts = !!dragged && nextStatuses(dragged.status).includes(status);
  return (
    <div
      data-testid={`column-${status}`}
      onDragOver={(e) => accepts && e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (dragged && accepts) onMove(dragged, status);
      }}
      style={{
        flex: '1 1 0',
        minWidth: 220,
        background: accepts ? '#e6f4ff' : '#fafafa',
        border: `1px ${accepts ? 'dashed #1677ff' : 'solid #f0f0f0'}`,
        borderRadius: 6,
        padding: 6,
        opacity: dragged && !accepts && dragged.status !== status ? 0.55 : 1,
      }}
    >
      <Space style={{ marginBottom: 6 }}>
        <Typography.Text strong>{label(status)}</Typography.Text>
        <Badge count={page?.total ?? 0} showZero color="#8c8c8c" overflowCount={99999} />
      </Space>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {page?.rows.map((a) => (
          <div key={a.id} data-status={a.status} data-action-id={a.id} className="board-card">
            <ActionCard action={a} onMove={(to) => onMove(a, to)} onOpen={() => onOpen(a)} onDrag={onDrag} />
          </div>
        ))}
        {page && page.rows.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('emptyColumn')} />
        )}
        {page && page.total > page.rows.length && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('more', { n: page.total - page.rows.length })}
          </Typography.Text>
        )}
      </Space>
    </div>
  );
}

export function ActionsBoard(props: {
  filters: ActionFilters;
  version: number;
  onMove: (a: CorrectiveAction, to: ActionStatus) => void;
  onOpen: (a: CorrectiveAction) => void;
}) {
  // The dragged card, so each column can show whether it may take it.
  const [dragged, setDragged] = useState<CorrectiveAction | null>(null);
  const statuses = props.filters.status ? [props.filters.status] : ACTION_STATUSES;
  return (
    <div
      style={{ display: 'flex', gap: 8, overflowX: 'auto', alignItems: 'flex-start' }}
      data-testid="actions-board"
    >
      {statuses.map((s) => (
        <Column key={s} status={s} {...props} dragged={dragged} onDrag={setDragged} />
      ))}
    </div>
  );
}
