import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Modal, Popconfirm, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../shared/schemas/organisation';
import { client } from '../../client';
import { CodeNameFields } from './CodeNameFields';
import { useNotice } from '../../components/useNotice';

/** Regions are few: a plain table, edited in a small dialog. */
export function RegionsCard() {
  const { t } = useTranslation('settings');
  const notice = useNotice();
  const [regions, setRegions] = useState<Region[]>([]);
  const [editing, setEditing] = useState<Region | 'new' | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => void client.call('regions:list', {}).then(setRegions), []);
  useEffect(load, [load]);

  async function save(values: { code: string; name: string }) {
    try {
      if (editing === 'new') await client.call('regions:create', values);
      else if (editing) await client.call('regions:update', { id: editing.id, ...values });
      setEditing(null);
      load();
    } catch (e) {
      notice.refused(e);
    }
  }

  return (
    <Card
      size="small"
      title={t('regions')}
      extra={
        <Button size="small" type="primary" onClick={() => setEditing('new')} data-testid="region-new">
          {t('newRegion')}
        </Button>
      }
    >
      <Table<Region>
        size="small"
        rowKey="id"
        dataSource={regions}
        pagination={false}
        scroll={{ y: 300 }}
        data-testid="regions-table"
        columns={[
          { dataIndex: 'code', title: t('code'), width: 110 },
          { dataIndex: 'name', title: t('name') },
          { dataIndex: 'branchCount', title: t('branchCount'), width: 90 },
          {
            key: 'ops',
            width: 120,
            render: (_, r) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(r)}>
                  {t('common:edit')}
                </Button>
                <Popconfirm
                  title={t('common:confirmDelete')}
                  onConfirm={() => client.call('regions:delete', { id: r.id }).then(load, notice.refused)}
                >
                  <Button size="small" type="link" danger>
                    {t('common:delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('newRegion') : t('common:edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={editing && editing !== 'new' ? editing : {}}
          onFinish={(v) => void save(v)}
        >
          <CodeNameFields />
        </Form>
      </Modal>
    </Card>
  );
}
