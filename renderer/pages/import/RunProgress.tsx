/**
 * Runs the import, one workbook after another, each as its own job: the bar follows the job's
 * progress events ('read', then 'write'), and Cancel asks main/ to stop (nothing is written).
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/contracts/import';
import { AppError } from '../../../shared/errors';
import { client } from '../../client';
import type { WizardFile } from './ImportWizard';
import { useNotice } from '../../components/useNotice';

interface Options {
  period: string | undefined;
  skipInvalid: boolean;
  force: boolean;
}

export function RunProgress({
  files,
  options,
  onDone,
  onCancelled,
}: {
  files: WizardFile[];
  options: Options;
  onDone: (reports: (ImportReport | null)[]) => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation('import');
  const notice = useNotice();
  const [current, setCurrent] = useState(0);
  const [phase, setPhase] = useState('');
  const [percent, setPercent] = useState(0);
  const job = useRef<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // Once, even under StrictMode's double effects: an import must not run twice.
    if (started.current) return;
    started.current = true;
    const off = client.onProgress((e) => {
      if (e.jobId !== job.current) return;
      setPhase(e.phase);
      setPercent(e.total ? Math.min(100, Math.round((e.done / e.total) * 100)) : 0);
    });
    void (async () => {
      const reports: (ImportReport | null)[] = [];
      try {
        for (const [i, f] of files.entries()) {
          setCurrent(i);
          setPercent(0);
          if (!f.inspection) {
            reports.push(null);
            continue;
          }
          job.current = crypto.randomUUID();
          reports.push(
            await client.call('imports:run', {
              path: f.path,
              period: options.period,
              mapping: f.mapping,
              skipInvalid: options.skipInvalid,
              force: options.force,
              jobId: job.current,
            }),
          );
        }
        onDone(reports);
      } catch (e) {
        if (e instanceof AppError && e.kind === 'cancelled') {
          notice.info(t('cancelledNothingWritten'));
          onCancelled();
        } else {
          notice.refused(e);
          onDone(reports);
        }
      } finally {
        off();
      }
    })();
  }, [files, options, onDone, onCancelled, notice, t]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        {t('importing', { name: files[current]?.name ?? '', i: current + 1, n: files.length })}
        {phase && ` · ${t(`phases.${phase}`)}`}
      </Typography.Text>
      <Progress percent={percent} status="active" />
      <Button
        danger
        onClick={() => job.current && void client.call('jobs:cancel', { jobId: job.current })}
        data-testid="import-cancel"
      >
        {t('cancelImport')}
      </Button>
    </Space>
  );
}
