import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Form, Input, Modal, Select } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Branch, Region } from '../../../shared/schemas/organisation';
import { client } from '../../client';
import { ServerGrid, type ServerGridHandle } from '../../components/ServerGrid';
import { CodeNameFields } from './CodeNameFields';
import { useNotice } from '../../components/useNotice';

/** Branches can number in the thousands: a paged grid, names edited in place. */
export function BranchesCard() {
  const { t } = useTranslation('settings');
  const notice = useNotice();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [regions, setRegions] = useState<Region[]>([]);
  const grid = useRef<ServerGridHandle>(null);
  const [form] = Form.useForm();
  useEffect(() => void client.call('regions:list', {}).then(setRegions), [creating]);

  const columns = useMemo<ColDef<Branch>[]>(
    () => [
      { field: 'code', headerName: t('code'), width: 130 },
      { field: 'name', headerName: t('name'), flex: 1, editable: true },
      { field: 'regionCode', headerName: t('region'), width: 110, sortable: false },
      { field: 'regionName', headerName: t('regionName'), width: 140, sortable: false },
    ],
    [t],
  );

  async function create(values: { code: string; name: string; regionCode: string }) {
    try {
      await client.call('branches:create', values);
      setCreating(false);
      grid.current?.refresh();
    } catch (e) {
      notice.refused(e);
    }
  }

  return (
    <Card
      size="small"
      title={t('branches')}
      extra={
        <>
          <Input.Search
            size="small"
            allowClear
            placeholder={t('common:search')}
            onSearch={setQ}
            style={{ width: 180, marginRight: 8 }}
          />
          <Button size="small" type="primary" onClick={() => setCreating(true)} data-testid="branch-new">
            {t('newBranch')}
          </Button>
        </>
      }
    >
      <ServerGrid
        ref={grid}
        testId="branches-grid"
        channel="branches:list"
        filters={{ q: q || undefined }}
        columnDefs={columns}
        height={340}
        onCellValueChanged={(e) => {
          if (!e.data || e.newValue === e.oldValue) return;
          client
            .call('branches:update', { id: e.data.id, name: String(e.newValue) })
            .then((b) => e.node.setData(b))
            .catch((err: unknown) => {
              e.node.setDataValue('name', e.oldValue);
              notice.refused(err);
            });
        }}
      />
      <Modal
        open={creating}
        title={t('newBranch')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item
            name="regionCode"
            label={t('region')}
            rules={[{ required: true, message: t('required') }]}
          >
            <Select options={regions.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))} />
          </Form.Item>
          <CodeNameFields />
        </Form>
      </Modal>
    </Card>
  );
}
