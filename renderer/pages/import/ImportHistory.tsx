import { useCallback, useEffect, useState } from 'react';
import { App, Button, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../shared/schemas/system';
import { client } from '../../client';
import { errorText } from '../../format';
import { formatMoment } from '../../moment';
import { useNotice } from '../../components/useNotice';

/** Every import batch; undoing one puts back exactly what it changed (in one transaction). */
export function ImportHistory({ version }: { version: number }) {
  const { t, i18n } = useTranslation('import');
  const { modal } = App.useApp();
  const notice = useNotice();
  const [batches, setBatches] = useState<ImportBatch[]>([]);
  const load = useCallback(() => void client.call('imports:list', {}).then(setBatches), []);
  useEffect(load, [load, version]);

  async function undo(batch: ImportBatch) {
    try {
      const r = await client.call('imports:undo', { id: batch.id });
      notice.done(t('undone', { file: batch.fileName, removed: r.rowsRemoved, restored: r.rowsRestored }));
      load();
    } catch (e) {
      // A dialog, not a passing toast: a refusal names the imports to undo first.
      modal.error({ title: t('undoFailed', { file: batch.fileName }), content: errorText(e, i18n.language) });
    }
  }

  return (
    <div data-testid="import-history">
      <Table<ImportBatch>
        size="small"
        rowKey="id"
        dataSource={batches}
        pagination={{ pageSize: 15, size: 'small' }}
        locale={{ emptyText: t('noImports') }}
        columns={[
          { dataIndex: 'fileName', title: t('file') },
          {
            dataIndex: 'kind',
            title: t('kind'),
            width: 120,
            // A workbook of several kinds is recorded as `standards+measurements`.
            render: (kind: string) =>
              kind
                .split('+')
                .map((k) => t(`kinds.${k}`))
                .join(i18n.language.startsWith('zh') ? '、' : ', '),
          },
          { dataIndex: 'user', title: t('user'), width: 110 },
          {
            dataIndex: 'startedAt',
            title: t('startedAt'),
            width: 170,
            render: (v: string) => formatMoment(v),
          },
          { dataIndex: 'rowsWritten', title: t('rowsWritten'), width: 100 },
          {
            dataIndex: 'status',
            title: t('status'),
            width: 100,
            render: (s: ImportBatch['status']) => (
              <Tag color={s === 'undone' ? 'default' : 'green'}>{t(`batchStatus.${s}`)}</Tag>
            ),
          },
          {
            key: 'undo',
            width: 90,
            render: (_, b) =>
              b.status === 'committed' && (
                <Popconfirm title={t('undoConfirm', { file: b.fileName })} onConfirm={() => void undo(b)}>
                  <Button size="small" danger type="link" data-testid={`undo-${b.fileName}`}>
                    {t('undo')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </div>
  );
}
