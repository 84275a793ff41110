/**
 * One workbook's sheets as detected: kind, layout, header rows, period, and each column's
 * mapping (changeable: the change is re-inspected at once) above a preview of the first rows.
 */
import { useMemo } from 'react';
import { Alert, Card, Descriptions, Select, Table, Tag } from 'antd';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type {
  ColumnMapping,
  MappedColumn,
  PreviewCell,
  SheetDetection,
} from '../../../shared/contracts/import';
import { COLUMN_KEYS, KEY_ALIASES } from '../../../shared/import/aliases';
import { DataGrid } from '../../components/DataGrid';
import { toLang } from '../../i18n';
import type { WizardFile } from './ImportWizard';
import { formatMoment } from '../../moment';

/** A key's label: the first alias people use in that language (the lists are data, not UI text). */
function keyLabel(key: string, lang: 'zh' | 'en'): string {
  const aliases = (KEY_ALIASES as Record<string, readonly string[]>)[key] ?? [];
  const alias = lang === 'zh' ? aliases[0] : aliases.find((a) => /^[\x20-\x7e]+$/.test(a));
  return alias ? `${alias} (${key})` : key;
}

export function SheetMapping({ file, onRemap }: { file: WizardFile; onRemap: (m: ColumnMapping) => void }) {
  const { t } = useTranslation('import');
  if (file.error || !file.inspection)
    return (
      <div data-testid="inspect-error">
        <Alert type="error" showIcon title={`${file.name}: ${file.error ?? ''}`} />
      </div>
    );
  const inspection = file.inspection;
  return (
    <Card size="small" title={inspection.fileName} data-testid={`file-${inspection.fileName}`}>
      {inspection.alreadyImported && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('alreadyImported', {
            at: formatMoment(inspection.alreadyImported.at),
          })}
        />
      )}
      {inspection.exchange && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('exchangeWorkbook')} />
      )}
      {inspection.sheets.map((sheet) => (
        <Sheet key={sheet.sheet} sheet={sheet} onRemap={onRemap} />
      ))}
    </Card>
  );
}

function Sheet({ sheet, onRemap }: { sheet: SheetDetection; onRemap: (m: ColumnMapping) => void }) {
  const { t, i18n } = useTranslation('import');
  const lang = toLang(i18n.language);
  const keyOptions = useMemo(
    () => [
      { value: 'ignore', label: t('ignoreColumn') },
      ...COLUMN_KEYS.map((k) => ({ value: k, label: keyLabel(k, lang) })),
    ],
    [t, lang],
  );
  const previewColumns = useMemo<ColDef<PreviewCell[]>[]>(
    () =>
      sheet.columns.map((c, i) => ({
        colId: c.column,
        headerName: `${c.column} ${c.header}`,
        valueGetter: (p) => p.data?.[i] ?? null,
        width: 120,
      })),
    [sheet.columns],
  );
  const note = sheet.note ? sheet.note[lang] : null;
  return (
    <div style={{ marginBottom: 16 }} data-testid={`sheet-${sheet.sheet}`}>
      <Descriptions size="small" column={5} bordered style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('sheet')}>{sheet.sheet}</Descriptions.Item>
        <Descriptions.Item label={t('kind')}>
          {sheet.kind ? <Tag color="blue">{t(`kinds.${sheet.kind}`)}</Tag> : <Tag>{t('notRecognised')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('layout')}>
          {sheet.layout ? t(`layouts.${sheet.layout}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('headerRows')}>{sheet.headerRows.join(', ') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('period')}>{sheet.period ?? '—'}</Descriptions.Item>
      </Descriptions>
      {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 8 }} />}
      {sheet.columns.length > 0 && (
        <div data-testid={`mapping-${sheet.sheet}`}>
          <Table<MappedColumn>
            size="small"
            rowKey="column"
            pagination={false}
            scroll={{ y: 260 }}
            dataSource={sheet.columns}
            style={{ marginBottom: 8 }}
            columns={[
              { dataIndex: 'column', title: t('column'), width: 70 },
              { dataIndex: 'header', title: t('header') },
              {
                key: 'to',
                title: t('mapsTo'),
                width: 300,
                render: (_, c) => (
                  <span data-testid={`map-${sheet.sheet}-${c.column}`}>
                    <Select
                      size="small"
                      showSearch
                      optionFilterProp="label"
                      style={{ width: 280 }}
                      value={c.standardCode ? `standard:${c.standardCode}` : (c.key ?? 'ignore')}
                      options={
                        c.standardCode
                          ? [
                              {
                                value: `standard:${c.standardCode}`,
                                label: `${t('standardColumn')} ${c.standardCode}`,
                              },
                              ...keyOptions,
                            ]
                          : keyOptions
                      }
                      onChange={(to: string) => onRemap({ sheet: sheet.sheet, column: c.column, to })}
                    />
                  </span>
                ),
              },
              {
                dataIndex: 'by',
                title: t('foundBy'),
                width: 110,
                render: (by: MappedColumn['by']) => (by ? t(`by.${by}`) : '—'),
              },
            ]}
          />
        </div>
      )}
      {sheet.preview.length > 0 && (
        <DataGrid<PreviewCell[]>
          height={200}
          rowData={sheet.preview}
          columnDefs={previewColumns}
          testId={`preview-${sheet.sheet}`}
        />
      )}
    </div>
  );
}
