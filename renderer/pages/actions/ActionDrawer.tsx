/** One action in full, with the moves it may make next and its verification once recorded. */
import { Button, Descriptions, Drawer, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import type { ActionStatus } from '../../../shared/domain/enums';
import { useEnumLabel } from '../dashboard/labels';
import { nextStatuses } from './filters';

export function ActionDrawer({
  action,
  onClose,
  onMove,
  onEdit,
  onDelete,
  keyboard,
}: {
  action: CorrectiveAction | null;
  onClose: () => void;
  onMove: (a: CorrectiveAction, to: ActionStatus) => void;
  onEdit: (a: CorrectiveAction) => void;
  /** Asked only after the user has confirmed. */
  onDelete: (a: CorrectiveAction) => void;
  /** Whether Escape closes the drawer: not while a dialog over it is asking. */
  keyboard: boolean;
}) {
  const { t } = useTranslation('actions');
  const label = useEnumLabel();
  const a = action;
  return (
    <Drawer
      open={!!a}
      onClose={onClose}
      size={520}
      keyboard={keyboard}
      // One line: an action of 2,000 characters as the title pushed the buttons off the screen.
      title={a && <Typography.Text ellipsis={{ tooltip: a.action }}>{a.action}</Typography.Text>}
      data-testid="action-drawer"
      extra={
        a && (
          <Space>
            <Button size="small" onClick={() => onEdit(a)} data-testid="action-edit">
              {t('edit')}
            </Button>
            <Popconfirm
              title={t('deleteConfirm')}
              okText={t('delete')}
              cancelText={t('cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => onDelete(a)}
            >
              <Button size="small" danger data-testid="action-delete">
                {t('delete')}
              </Button>
            </Popconfirm>
          </Space>
        )
      }
    >
      {a && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Tag>{label(a.status)}</Tag>
            {a.overdue && <Tag color="red">{t('overdue')}</Tag>}
            {nextStatuses(a.status).map((to) => (
              <Button key={to} size="small" type="primary" ghost onClick={() => onMove(a, to)}>
                {t('moveTo', { status: label(to) })}
              </Button>
            ))}
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('col.action')}>
              <div style={{ maxHeight: 240, overflowY: 'auto', whiteSpace: 'pre-wrap' }}>{a.action}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('col.branch')}>{`${a.branchCode} ${a.branchName}`}</Descriptions.Item>
            <Descriptions.Item label={t('col.standardCode')}>{a.standardCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.finding')}>{a.finding ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('col.rootCause')}>
              {[a.rootCauseCategory && label(a.rootCauseCategory), a.rootCause].filter(Boolean).join(' · ') ||
                '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('col.department')}>{a.department}</Descriptions.Item>
            <Descriptions.Item label={t('col.owner')}>{a.owner}</Descriptions.Item>
            <Descriptions.Item label={t('col.dueDate')}>{a.dueDate}</Descriptions.Item>
            <Descriptions.Item label={t('col.verifiedOn')}>{a.verifiedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('verify.met')}>
              {a.verificationMet === null ? '—' : a.verificationMet ? t('yes') : t('no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.note')}>{a.verificationNote ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Space>
      )}
    </Drawer>
  );
}
