/**
 * Export a plan or review as .xlsx or .pdf. main/ writes the file where save-target.ts says: in
 * the desktop app where the native save dialog picks, in the browser (qms serve) a private place
 * it then downloads from, as a browser user expects, where the page asked for a path on the
 * machine running the workbench.
 */
import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { client } from '../../client';
import { toLang } from '../../i18n';
import { saveForUser } from '../../save-target';
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
  const [busy, setBusy] = useState<Format | null>(null);
  const [written, setWritten] = useState<{ shown: string | null; bytes: number } | null>(null);
  const fileName = (format: Format) => `${baseName.replace(/[\\/:*?"<>|]+/g, '_')}.${format}`;

  const start = async (format: Format) => {
    setBusy(format);
    try {
      const request = { purpose: kind, defaultName: fileName(format), formats: [format] };
      const saved = await saveForUser(request, (path) =>
        client.call(kind === 'plan' ? 'plans:export' : 'reviews:export', {
          id,
          format,
          path,
          lang: toLang(i18n.language),
        }),
      );
      if (!saved) return;
      setWritten({ shown: saved.shown, bytes: saved.written.bytes });
      notice.done(saved.shown ? t('export.done', { path: saved.shown }) : t('export.downloaded'));
    } catch (e) {
      notice.refused(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size={4} wrap>
      <Button
        size="small"
        onClick={() => void start('xlsx')}
        loading={busy === 'xlsx'}
        data-testid={`${kind}-export-xlsx`}
      >
        {t('export.xlsx')}
      </Button>
      <Button
        size="small"
        onClick={() => void start('pdf')}
        loading={busy === 'pdf'}
        data-testid={`${kind}-export-pdf`}
      >
        {t('export.pdf')}
      </Button>
      {written?.shown && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${kind}-export-result`}>
          {t('export.written', { path: written.shown, kb: Math.max(1, Math.round(written.bytes / 1024)) })}
        </Typography.Text>
      )}
    </Space>
  );
}
