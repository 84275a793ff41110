/**
 * 下载错误行: a file's failed rows as the workbook `qms import --errors` writes (each row as it
 * was, its row number, a reason column in both languages), for the region to correct and send
 * back. Asked where in the desktop app, downloaded in a browser (save-target.ts).
 */
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { client } from '../../client';
import { saveForUser } from '../../save-target';
import { useNotice } from '../../components/useNotice';
import type { WizardFile } from './ImportWizard';

export function DownloadErrors({
  file,
  period,
  named,
}: {
  file: WizardFile;
  period: string | undefined;
  /** Several files have failed rows: each button names its file. */
  named: boolean;
}) {
  const { t } = useTranslation('import');
  const notice = useNotice();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const defaultName = t('errorsFileName', { name: file.name.replace(/\.[^.]*$/, '') });
      // The file read again as the check read it (same mapping and period), nothing written: its
      // failed rows are the ones listed. Forced, as after the import these bytes count as imported
      // and would not be read at all.
      const saved = await saveForUser({ purpose: 'errors', defaultName, formats: ['xlsx'] }, (errorsPath) =>
        client.call('imports:run', {
          path: file.path,
          period,
          mapping: file.mapping,
          dryRun: true,
          force: true,
          errorsPath,
        }),
      );
      if (saved) notice.done(saved.shown ? t('errorsSaved', { path: saved.shown }) : t('errorsDownloaded'));
    } catch (e) {
      notice.refused(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button
      size="small"
      loading={busy}
      onClick={() => void download()}
      data-testid={`download-errors-${file.name}`}
    >
      {named ? t('downloadErrorsOf', { name: file.name }) : t('downloadErrors')}
    </Button>
  );
}
