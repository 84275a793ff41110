/**
 * Where workbooks come in. In a browser (`qms serve`) a picked or dropped file is uploaded to
 * the server, which keeps a private copy and answers its path; in the desktop app the native
 * dialog answers paths directly, and files dropped on the window arrive as pending workbooks.
 */
import { useEffect, useState } from 'react';
import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { PENDING_WORKBOOKS_JOB } from '../../../shared/contracts/desktop';
import { client, isDesktop, uploadWorkbook } from '../../client';
import { useNotice } from '../../components/useNotice';

export interface PickedFile {
  name: string;
  path: string;
}

const baseName = (p: string) => p.split(/[\\/]/).pop() ?? p;

export function FilePicker({ onPicked }: { onPicked: (files: PickedFile[]) => void }) {
  const { t } = useTranslation('import');
  const notice = useNotice();
  const [uploading, setUploading] = useState(0);

  useEffect(() => {
    if (!isDesktop) return;
    const take = () =>
      void client.call('desktop:takePendingWorkbooks', {}).then(({ paths }) => {
        if (paths.length) onPicked(paths.map((p) => ({ name: baseName(p), path: p })));
      });
    take();
    return client.onProgress((e) => e.jobId === PENDING_WORKBOOKS_JOB && take());
  }, [onPicked]);

  if (isDesktop)
    return (
      <Button
        type="primary"
        onClick={() =>
          void client
            .call('desktop:openWorkbooks', { multiple: true })
            .then(({ paths }) => onPicked(paths.map((p) => ({ name: baseName(p), path: p }))))
        }
      >
        {t('chooseFiles')}
      </Button>
    );

  return (
    <div data-testid="import-drop">
      <Upload.Dragger
        multiple
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          setUploading((n) => n + 1);
          uploadWorkbook(file)
            .then((path) => onPicked([{ name: file.name, path }]))
            .catch(notice.refused)
            .finally(() => setUploading((n) => n - 1));
          return false;
        }}
      >
        <p style={{ fontSize: 15, margin: '12px 0 4px' }}>{uploading ? t('uploading') : t('dropHere')}</p>
        <p style={{ color: '#888', margin: 0 }}>{t('dropHint')}</p>
      </Upload.Dragger>
    </div>
  );
}
