/**
 * The standards library by dimension: pick one to edit it (a change to unit, direction,
 * target or warning makes a new version, shown in its history), or create a new one.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Drawer, Input, Select, Space, Table, Tabs } from 'antd';
import type { ColDef, SizeColumnsToContentStrategy } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/standard';
import { DIMENSIONS } from '../../../shared/domain/dimensions';
import { client } from '../../client';
import { DataGrid } from '../../components/DataGrid';
import { header, PROSE } from '../../components/grid-setup';
import { useLabels } from '../../format';
import { useNotice } from '../../components/useNotice';
import { StandardForm } from './StandardForm';

type Dimension = (typeof DIMENSIONS)[number]['code'];

const CODE_FITS: SizeColumnsToContentStrategy = {
  type: 'fitCellContents',
  colIds: ['code'],
  // The header (编码 / Code) fits the 96px floor; measured, it would claim room for a sort icon.
  skipHeader: true,
  columnLimits: [{ colId: 'code', minWidth: 96, maxWidth: 180 }],
  continuous: true,
};

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

  // Sized for a 1366-wide window in English, the narrowest we support: codes, units, numbers,
  // dates and the usual dimension and source labels keep one line at a width that holds them
  // (the numeric columns' headers abbreviated, their full text in the tooltip); names, and the
  // longest dimension labels, wrap rather than being cut. Wider windows give the rest to names.
  const columns = useMemo<ColDef<Standard>[]>(
    () => [
      { field: 'code', ...header(t, 'code'), width: 96, pinned: 'left' },
      {
        colId: 'name',
        ...header(t, 'name'),
        flex: 2,
        minWidth: 150,
        ...PROSE,
        valueGetter: (p) => (i18n.language === 'en' ? (p.data?.nameEn ?? p.data?.nameZh) : p.data?.nameZh),
      },
      {
        field: 'dimension',
        ...header(t, 'dimension'),
        flex: 1,
        minWidth: 130,
        ...PROSE,
        valueFormatter: (p) => dimension(p.value),
      },
      { field: 'unit', ...header(t, 'unit'), width: 72, minWidth: 72 },
      { field: 'direction', ...header(t, 'direction'), width: 126, valueFormatter: (p) => label(p.value) },
      { field: 'target', ...header(t, 'target'), width: 84, type: 'numericColumn' },
      { field: 'warning', ...header(t, 'warning', true), width: 80, type: 'numericColumn' },
      { field: 'weight', ...header(t, 'weight', true), width: 66, minWidth: 66, type: 'numericColumn' },
      { field: 'version', ...header(t, 'version', true), width: 66, minWidth: 66, type: 'numericColumn' },
      { field: 'effectiveFrom', ...header(t, 'effectiveFrom', true), width: 100 },
      {
        field: 'source',
        ...header(t, 'source'),
        flex: 1,
        minWidth: 142,
        ...PROSE,
        valueFormatter: (p) => label(p.value),
      },
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
        // A code is one token of any length (LOC-QUEUE): its column takes the longest one shown.
        autoSizeStrategy={CODE_FITS}
        // ag-grid pads an auto-sized column by 20px, which a 1366 window has not to spare.
        autoSizePadding={4}
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
