/**
 * The standards library by dimension: pick one to edit it (a change to unit, direction,
 * target or warning makes a new version, shown in its history), or create a new one.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Drawer, Input, Select, Space, Table, Tabs } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/standard';
import { DIMENSIONS } from '../../../shared/domain/dimensions';
import { client } from '../../client';
import { DataGrid } from '../../components/DataGrid';
import { useLabels } from '../../format';
import { useNotice } from '../../components/useNotice';
import { StandardForm } from './StandardForm';

type Dimension = (typeof DIMENSIONS)[number]['code'];

export default function StandardsPage() {
  const { t, i18n } = useTranslation('standards');
  const { label, dimension } = useLabels();
  const notice = useNotice();
  const [dim, setDim] = useState<Dimension | undefined>();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<Standard[]>([]);
  const [editing, setEditing] = useState<Standard | 'new' | null>(null);
  const [history, setHistory] = useState<Standard[]>([]);

  const load = useCallback(() => {
    client
      .call('standards:list', { dimension: dim, q: q || undefined })
      .then(setRows)
      .catch(notice.refused);
  }, [dim, q, notice]);
  useEffect(load, [load]);

  useEffect(() => {
    if (editing && editing !== 'new')
      void client.call('standards:history', { code: editing.code }).then(setHistory);
  }, [editing]);

  const columns = useMemo<ColDef<Standard>[]>(
    () => [
      { field: 'code', headerName: t('code'), width: 130, pinned: 'left' },
      {
        colId: 'name',
        headerName: t('name'),
        flex: 2,
        valueGetter: (p) => (i18n.language === 'en' ? (p.data?.nameEn ?? p.data?.nameZh) : p.data?.nameZh),
      },
      {
        field: 'dimension',
        headerName: t('dimension'),
        width: 130,
        valueFormatter: (p) => dimension(p.value),
      },
      { field: 'unit', headerName: t('unit'), width: 80 },
      { field: 'direction', headerName: t('direction'), width: 120, valueFormatter: (p) => label(p.value) },
      { field: 'target', headerName: t('target'), width: 90, type: 'numericColumn' },
      { field: 'warning', headerName: t('warning'), width: 90, type: 'numericColumn' },
      { field: 'weight', headerName: t('weight'), width: 80, type: 'numericColumn' },
      { field: 'version', headerName: t('version'), width: 80, type: 'numericColumn' },
      { field: 'effectiveFrom', headerName: t('effectiveFrom'), width: 120 },
      { field: 'source', headerName: t('source'), width: 110, valueFormatter: (p) => label(p.value) },
    ],
    [t, i18n.language, label, dimension],
  );

  return (
    <Card size="small">
      <Space style={{ marginBottom: 8 }} wrap>
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('allDimensions')}
          value={dim}
          onChange={setDim}
          options={DIMENSIONS.map((d) => ({ value: d.code, label: dimension(d.code) }))}
          data-testid="standards-dimension"
        />
        <Input.Search
          allowClear
          placeholder={t('searchPlaceholder')}
          onSearch={setQ}
          style={{ width: 240 }}
        />
        <Button type="primary" onClick={() => setEditing('new')} data-testid="standard-new">
          {t('new')}
        </Button>
        <span>{t('common:rows', { n: rows.length })}</span>
      </Space>
      <DataGrid<Standard>
        testId="standards-grid"
        height="calc(100vh - 150px)"
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => p.data.id}
        onRowClicked={(e) => e.data && setEditing(e.data)}
      />
      <Drawer
        open={editing !== null}
        width={560}
        title={editing === 'new' ? t('new') : t('editTitle', { code: editing?.code ?? '' })}
        onClose={() => setEditing(null)}
        destroyOnHidden
      >
        {editing !== null && (
          <Tabs
            items={[
              {
                key: 'edit',
                label: t('common:edit'),
                children: (
                  <StandardForm
                    standard={editing === 'new' ? null : editing}
                    onSaved={() => {
                      setEditing(null);
                      load();
                    }}
                  />
                ),
              },
              ...(editing === 'new'
                ? []
                : [
                    {
                      key: 'history',
                      label: t('history'),
                      children: (
                        <Table<Standard>
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={history}
                          data-testid="standard-history"
                          columns={[
                            { dataIndex: 'version', title: t('version') },
                            { dataIndex: 'effectiveFrom', title: t('effectiveFrom') },
                            { dataIndex: 'target', title: t('target') },
                            { dataIndex: 'warning', title: t('warning') },
                            { dataIndex: 'unit', title: t('unit') },
                            {
                              dataIndex: 'direction',
                              title: t('direction'),
                              render: (v: string) => label(v),
                            },
                          ]}
                        />
                      ),
                    },
                  ]),
            ]}
          />
        )}
      </Drawer>
    </Card>
  );
}
