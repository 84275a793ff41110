/**
 * The import wizard: pick or drop workbooks -> per sheet, the detected kind, layout and column
 * mapping with the first rows, editable -> a dry run listing every row error (fix the mapping
 * or period and check again, or skip the bad rows) -> the import with progress and cancel ->
 * the report. Failed rows are listed at the check and in the report, and can be downloaded as a
 * workbook with a reason column to send back to the branch. The mapping the user fixes is the
 * one `imports:run` uses (and remembers).
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Input, Space, Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, ImportInspection, ImportReport } from '../../../shared/contracts/import';
import { isPeriod } from '../../../shared/domain/period';
import { formatMessage } from '../../../shared/messages';
import { client } from '../../client';
import { errorText } from '../../format';
import { toLang } from '../../i18n';
import { FilePicker, type PickedFile } from './FilePicker';
import { SheetMapping } from './SheetMapping';
import { ErrorsGrid } from './ErrorsGrid';
import { RunProgress } from './RunProgress';
import { ReportView } from './ReportView';
import { useNotice } from '../../components/useNotice';

export interface WizardFile extends PickedFile {
  inspection: ImportInspection | null;
  mapping: ColumnMapping[];
  check: ImportReport | null;
  report: ImportReport | null;
  error: string | null;
}

type Step = 0 | 1 | 2 | 3 | 4;

export function ImportWizard({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation('import');
  const notice = useNotice();
  const [step, setStep] = useState<Step>(0);
  const [files, setFiles] = useState<WizardFile[]>([]);
  const [period, setPeriod] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [force, setForce] = useState(false);
  const [busy, setBusy] = useState(false);
  const periodOption = isPeriod(period) ? period : undefined;

  const update = (index: number, changes: Partial<WizardFile>) =>
    setFiles((list) => list.map((f, i) => (i === index ? { ...f, ...changes } : f)));

  async function inspectAll(list: WizardFile[]) {
    setBusy(true);
    const inspected = await Promise.all(
      list.map(async (f) => {
        try {
          const inspection = await client.call('imports:inspect', {
            path: f.path,
            period: periodOption,
            mapping: f.mapping,
          });
          return { ...f, inspection, error: null };
        } catch (e) {
          return { ...f, inspection: null, error: errorText(e, i18n.language) };
        }
      }),
    );
    setFiles(inspected);
    setBusy(false);
    return inspected;
  }

  async function remap(index: number, change: ColumnMapping) {
    const file = files[index]!;
    // A field comes from one column: mapping it here takes it away from the column that had it.
    const sheet = file.inspection?.sheets.find((s) => s.sheet === change.sheet);
    const displaced = (sheet?.columns ?? [])
      .filter((c) => c.column !== change.column && c.key === change.to && !c.standardCode)
      .map((c) => ({ sheet: change.sheet, column: c.column, to: 'ignore' }));
    const changes = [change, ...displaced];
    const mapping = [
      ...file.mapping.filter((m) => !changes.some((c) => c.sheet === m.sheet && c.column === m.column)),
      ...changes,
    ];
    try {
      const inspection = await client.call('imports:inspect', {
        path: file.path,
        period: periodOption,
        mapping,
      });
      update(index, { mapping, inspection, check: null });
    } catch (e) {
      notice.refused(e);
    }
  }

  async function checkAll() {
    setBusy(true);
    const checked = await Promise.all(
      files.map(async (f) => {
        if (!f.inspection) return f;
        try {
          const check = await client.call('imports:run', {
            path: f.path,
            period: periodOption,
            mapping: f.mapping,
            dryRun: true,
            skipInvalid,
            force,
          });
          return { ...f, check, error: null };
        } catch (e) {
          return { ...f, check: null, error: errorText(e, i18n.language) };
        }
      }),
    );
    setFiles(checked);
    setBusy(false);
    setStep(2);
  }

  function restart() {
    setFiles([]);
    setStep(0);
    setSkipInvalid(false);
    setForce(false);
  }

  const errorCount = files.reduce((n, f) => n + (f.check?.errorCount ?? 0), 0);
  const alreadyImported = files.some((f) => f.inspection?.alreadyImported);
  // Files the check did not read because they were imported before: no "passed, 0 rows" for them.
  const repeated = files.filter((f) => f.check?.outcome === 'already_imported');

  return (
    <div data-testid="import-wizard">
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 12 }}
        items={[t('stepFiles'), t('stepMapping'), t('stepCheck'), t('stepImport'), t('stepReport')].map(
          (title) => ({ title }),
        )}
      />
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <FilePicker
            onPicked={(picked) =>
              setFiles((list) => [
                ...list,
                ...picked.map((p) => ({
                  ...p,
                  inspection: null,
                  mapping: [],
                  check: null,
                  report: null,
                  error: null,
                })),
              ])
            }
          />
          {files.length > 0 && (
            <Alert
              type="info"
              showIcon
              title={t('filesChosen', { names: files.map((f) => f.name).join('、'), n: files.length })}
            />
          )}
          <Space>
            <span>{t('periodOption')}</span>
            <Input
              style={{ width: 180 }}
              value={period}
              // A hint, not a value: "2026-10" alone read as a period already filled in.
              placeholder={t('periodPlaceholder')}
              status={period && !periodOption ? 'error' : undefined}
              onChange={(e) => setPeriod(e.target.value.trim())}
              data-testid="import-period"
            />
            {period && !periodOption && (
              <Typography.Text type="danger" data-testid="import-period-error">
                {formatMessage('periodFormat', {}, toLang(i18n.language))}
              </Typography.Text>
            )}
            <Button
              type="primary"
              disabled={files.length === 0 || (!!period && !periodOption)}
              loading={busy}
              onClick={() => void inspectAll(files).then(() => setStep(1))}
              data-testid="import-inspect"
            >
              {t('next')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 1 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {files.map((f, i) => (
            <SheetMapping key={f.path} file={f} onRemap={(change) => void remap(i, change)} />
          ))}
          <Space>
            <Button onClick={() => setStep(0)}>{t('back')}</Button>
            <Button
              type="primary"
              loading={busy}
              disabled={!files.some((f) => f.inspection)}
              onClick={() => void checkAll()}
              data-testid="import-check"
            >
              {t('checkRows')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 2 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {files.map(
            (f) => f.error && <Alert key={f.path} type="error" showIcon title={`${f.name}: ${f.error}`} />,
          )}
          {repeated.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('alreadyImportedCheck', { files: repeated.map((f) => f.name).join(', ') })}
              data-testid="check-already-imported"
            />
          )}
          {repeated.length === files.length ? null : errorCount === 0 ? (
            <div data-testid="check-ok">
              <Alert
                type="success"
                showIcon
                title={t('noErrors', { n: files.reduce((s, f) => s + (f.check?.rowsRead ?? 0), 0) })}
              />
            </div>
          ) : (
            <>
              <div data-testid="check-errors">
                <Alert type="warning" showIcon title={t('errorsFound', { n: errorCount })} />
              </div>
              <ErrorsGrid files={files} of="check" period={periodOption} />
            </>
          )}
          {alreadyImported && (
            <Checkbox checked={force} onChange={(e) => setForce(e.target.checked)}>
              {t('forceAgain')}
            </Checkbox>
          )}
          <Checkbox
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.target.checked)}
            data-testid="skip-invalid"
          >
            {t('skipInvalid')}
          </Checkbox>
          <Space>
            <Button onClick={() => setStep(1)}>{t('backToMapping')}</Button>
            <Button loading={busy} onClick={() => void checkAll()}>
              {t('checkAgain')}
            </Button>
            <Button
              type="primary"
              disabled={(errorCount > 0 && !skipInvalid) || (alreadyImported && !force)}
              onClick={() => setStep(3)}
              data-testid="import-run"
            >
              {t('runImport')}
            </Button>
          </Space>
        </Space>
      )}
      {step === 3 && (
        <RunProgress
          files={files}
          options={{ period: periodOption, skipInvalid, force }}
          onDone={(reports) => {
            setFiles((list) => list.map((f, i) => ({ ...f, report: reports[i] ?? null })));
            onImported();
            setStep(4);
          }}
          onCancelled={() => setStep(2)}
        />
      )}
      {step === 4 && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ReportView files={files} />
          <ErrorsGrid files={files} of="report" period={periodOption} />
          <Button type="primary" onClick={restart} data-testid="import-again">
            {t('importMore')}
          </Button>
        </Space>
      )}
    </div>
  );
}
