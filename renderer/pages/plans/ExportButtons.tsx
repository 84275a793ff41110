/**
 * Export a plan or review as .xlsx or .pdf. main/ writes the file: in the desktop app the
 * native save dialog picks where; in the browser (qms serve) the user names a path on the
 * machine running the workbench, since a page cannot hand main/ a place on disk.
 */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { client, isDesktop } from '../../client';
import { toLang } from '../../i18n';
import { errorText } from '../../format';
import { useNotice } from '../../components/useNotice';

type Format = 'xlsx' | 'pdf';

export function ExportButtons({
  kind,
  id,
  baseName,
}: {
  kind: 'plan' | 'review';
  id: string;
  baseName: string;
}) {
  const { t, i18n } = useTranslation('plans');
  const notice = useNotice();
  const [asking, setAsking] = useState<Format | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState<{ path: string; bytes: number } | null>(null);
  // In the browser the dialog stays open on a failure and says why, beside the path to correct.
  const [failure, setFailure] = useState<string | null>(null);
  const fileName = (format: Format) => `${baseName.replace(/[\\/:*?"<>|]+/g, '_')}.${format}`;

  const write = async (format: Format, target: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const input = { id, format, path: target, lang: toLang(i18n.language) };
      const result = await client.call(kind === 'plan' ? 'plans:export' : 'reviews:export', input);
      setWritten(result);
      notice.done(t('export.done', { path: result.path }));
      setAsking(null);
    } catch (e) {
      if (isDesktop) notice.refused(e);
      else setFailure(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const start = async (format: Format) => {
    if (isDesktop) {
      try {
        const chosen = await client.call('desktop:chooseSavePath', {
          purpose: kind,
          defaultName: fileName(format),
          formats: [format],
        });
        if (chosen.path) await write(format, chosen.path);
      } catch (e) {
        notice.refused(e);
      }
      return;
    }
    setPath(fileName(format));
    setFailure(null);
    setAsking(format);
  };

  return (
    <Space size={4} wrap>
      <Button
        size="small"
        onClick={() => void start('xlsx')}
        loading={busy && asking === 'xlsx'}
        data-testid={`${kind}-export-xlsx`}
      >
        {t('export.xlsx')}
      </Button>
      <Button
        size="small"
        onClick={() => void start('pdf')}
        loading={busy && asking === 'pdf'}
        data-testid={`${kind}-export-pdf`}
      >
        {t('export.pdf')}
      </Button>
      {written && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${kind}-export-result`}>
          {t('export.written', { path: written.path, kb: Math.max(1, Math.round(written.bytes / 1024)) })}
        </Typography.Text>
      )}
      <Modal
        open={!!asking}
        title={asking && t(`export.${asking}`)}
        okText={t('export.write')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onCancel={() => setAsking(null)}
        // An empty or wrongly named path goes to the contract too, which says what to write.
        onOk={() => asking && void write(asking, path.trim())}
      >
        <Typography.Paragraph type="secondary">{t('export.serverPath')}</Typography.Paragraph>
        <Input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          aria-label={t('export.path')}
          data-testid="export-path"
        />
        {failure && (
          <Alert type="error" showIcon title={failure} style={{ marginTop: 12 }} data-testid="export-error" />
        )}
      </Modal>
    </Space>
  );
}
