/** What each import did: outcome, counts per sheet, created organisation, and a way to the rows. */
import { Alert, Button, Card, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExchangeReport } from '../../../shared/contracts/export';
import type { ImportOutcome, SheetReport } from '../../../shared/contracts/import';
import { conflictFields } from '../../../shared/import/reasons';
import { tableNoun } from '../../../shared/messages';
import { navigate } from '../../router';
import type { WizardFile } from './ImportWizard';

const OUTCOME_COLOR: Record<ImportOutcome, string> = {
  imported: 'green',
  checked: 'blue',
  rejected: 'red',
  already_imported: 'orange',
  nothing: 'default',
};

export function ReportView({ files }: { files: WizardFile[] }) {
  const { t } = useTranslation('import');
  return (
    <>
      {files.map((f) => {
        const r = f.report;
        if (!r)
          return (
            <Alert key={f.path} type="error" showIcon title={`${f.name}: ${f.error ?? t('notImported')}`} />
          );
        const period = r.sheets.find((s) => s.kind === 'measurements' && s.period)?.period ?? undefined;
        return (
          <Card
            key={f.path}
            size="small"
            title={r.fileName}
            style={{ marginBottom: 8 }}
            data-testid={`report-${r.fileName}`}
          >
            <Descriptions size="small" column={4} style={{ marginBottom: 8 }}>
              <Descriptions.Item label={t('outcome')}>
                <Tag color={OUTCOME_COLOR[r.outcome]} data-testid="report-outcome">
                  {t(`outcomes.${r.outcome}`)}
                </Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('rowsRead')}>{r.rowsRead}</Descriptions.Item>
              <Descriptions.Item label={t('written')}>
                <span data-testid="report-written">{r.written}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('errorCount')}>{r.errorCount}</Descriptions.Item>
              {r.createdRegions.length > 0 && (
                <Descriptions.Item label={t('createdRegions')} span={2}>
                  {r.createdRegions.join(', ')}
                </Descriptions.Item>
              )}
              {r.createdBranches.length > 0 && (
                <Descriptions.Item label={t('createdBranches')} span={2}>
                  {r.createdBranches.join(', ')}
                </Descriptions.Item>
              )}
            </Descriptions>
            {/* An exchange workbook has no sheets of rows to report: its merge is listed below. */}
            {!r.exchange && (
              <Table<SheetReport>
                size="small"
                rowKey="sheet"
                pagination={false}
                dataSource={r.sheets.filter((s) => s.kind)}
                columns={[
                  { dataIndex: 'sheet', title: t('sheet') },
                  { dataIndex: 'kind', title: t('kind'), render: (k: string) => t(`kinds.${k}`) },
                  { dataIndex: 'rowsRead', title: t('rowsRead') },
                  { dataIndex: 'created', title: t('created') },
                  { dataIndex: 'updated', title: t('updated') },
                  { dataIndex: 'unchanged', title: t('unchanged') },
                  { key: 'passed', title: t('passedOver'), render: (_, s) => s.passedOver.length },
                  { dataIndex: 'errorCount', title: t('errorCount') },
                ]}
              />
            )}
            {r.exchange && <ExchangeRows report={r.exchange} />}
            {period && r.batchId && (
              <Button
                type="link"
                style={{ paddingLeft: 0 }}
                onClick={() => navigate('inspections', { tab: 'measurements', period })}
                data-testid="report-see-rows"
              >
                {t('seeRows', { period })}
              </Button>
            )}
          </Card>
        );
      })}
    </>
  );
}

/** An exchange workbook's rows that could not be merged, and its conflicts: each with why. */
function ExchangeRows({ report }: { report: ExchangeReport }) {
  const { t, i18n } = useTranslation('import');
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const table = (name: string) => tableNoun(name)[lang];
  const lines = [
    ...report.rejected.map((r) =>
      t('exchangeRejected', { table: table(r.table), key: r.key, reason: r.reason[lang] }),
    ),
    ...report.conflicts.map((c) =>
      t('exchangeConflict', { table: table(c.table), key: c.key, fields: conflictFields(c.fields)[lang] }),
    ),
  ];
  if (lines.length === 0) return null;
  return (
    <Alert
      type={report.rejected.length ? 'error' : 'warning'}
      showIcon
      style={{ marginTop: 8 }}
      data-testid="exchange-rows"
      title={t(report.applied ? 'exchangeListed' : 'exchangeTakenBack', { n: report.rejected.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {lines.slice(0, SHOWN).map((l, i) => (
            <li key={i}>{l}</li>
          ))}
          {lines.length > SHOWN && <li>{t('exchangeMore', { n: lines.length - SHOWN })}</li>}
        </ul>
      }
    />
  );
}

const SHOWN = 20;
