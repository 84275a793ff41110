import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../shared/contracts/backups';
import { client } from '../../client';
import { formatMoment } from '../../moment';
import { useNotice } from '../../components/useNotice';

/** Make a copy now, or put one back (the current state is kept as a backup first). */
export function BackupsCard() {
  const { t } = useTranslation('settings');
  const notice = useNotice();
  const [backups, setBackups] = useState<BackupFile[]>([]);
  const load = useCallback(() => void client.call('backups:list', {}).then(setBackups), []);
  useEffect(load, [load]);

  return (
    <Card
      size="small"
      title={t('backups')}
      extra={
        <Button
          size="small"
          type="primary"
          data-testid="backup-create"
          onClick={() =>
            client.call('backups:create', {}).then((b) => {
              notice.done(t('backupMade', { name: b.name }));
              load();
            }, notice.refused)
          }
        >
          {t('backupNow')}
        </Button>
      }
    >
      <Table<BackupFile>
        size="small"
        rowKey="name"
        dataSource={backups}
        pagination={{ pageSize: 6, size: 'small' }}
        data-testid="backups-table"
        locale={{ emptyText: t('noBackups') }}
        columns={[
          { dataIndex: 'name', title: t('backupFile') },
          {
            dataIndex: 'modifiedAt',
            title: t('backupTime'),
            width: 170,
            render: (v: string) => formatMoment(v),
          },
          {
            dataIndex: 'bytes',
            title: t('backupSize'),
            width: 90,
            render: (v: number) => `${(v / 1024).toFixed(0)} KB`,
          },
          {
            key: 'restore',
            width: 80,
            render: (_, b) => (
              <Popconfirm
                title={t('restoreConfirm')}
                onConfirm={() =>
                  client.call('backups:restore', { name: b.name }).then((r) => {
                    notice.done(t('restored', { name: r.restored, saved: r.savedCurrentAs }));
                    load();
                  }, notice.refused)
                }
              >
                <Button size="small" type="link">
                  {t('restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
