/**
 * The one inspection the measurements tab is showing: what it is, its status, the moves its
 * status allows (domain.md: draft -> submitted -> approved, back to draft from either), and
 * deleting it with its measurements. The service refuses what the buttons do not offer (an
 * approved inspection's values or deletion), so this only spares the user a refusal.
 */
import { useEffect, useState } from 'react';
import { App, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/schemas/inspection';
import { INSPECTION_TRANSITIONS, type InspectionStatus } from '../../../shared/domain/enums';
import { client } from '../../client';
import { useLabels } from '../../format';
import { useNotice } from '../../components/useNotice';

const STATUS_COLOURS: Record<InspectionStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
};

/** The button that moves an inspection to `status`, by where it goes. */
const MOVE_KEYS: Record<InspectionStatus, string> = {
  submitted: 'submit',
  approved: 'approve',
  draft: 'backToDraft',
};

export function InspectionBar({
  inspectionId,
  onLoaded,
  onDeleted,
  onRestored,
}: {
  inspectionId: string;
  /** The inspection as it now stands: after opening, and after each move. */
  onLoaded: (inspection: Inspection | null) => void;
  onDeleted: () => void;
  /** Its deletion undone from the notice, after this bar has gone with it. */
  onRestored: () => void;
}) {
  const { t } = useTranslation('inspections');
  const { label } = useLabels();
  const { modal } = App.useApp();
  const notice = useNotice();
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = (i: Inspection | null) => {
    setInspection(i);
    onLoaded(i);
  };
  useEffect(() => {
    let current = true;
    client.call('inspections:get', { id: inspectionId }).then(
      (i) => current && shown(i),
      () => current && shown(null),
    );
    return () => {
      current = false;
    };
    // Only a different inspection is a reason to load again; onLoaded is called with each answer.
  }, [inspectionId]);

  if (!inspection) return null;
  const named = { branch: inspection.branchCode, period: inspection.period, kind: label(inspection.kind) };

  const move = (status: InspectionStatus) => {
    setBusy(true);
    client
      .call('inspections:setStatus', { id: inspection.id, status })
      .then((moved) => {
        shown(moved);
        notice.done(t('statusMoved', { ...named, status: label(status) }));
      })
      .catch(notice.refused)
      .finally(() => setBusy(false));
  };

  // Counted when asked, not when the bar opened: values entered since are deleted too.
  const askToDelete = () =>
    void client
      .call('inspections:get', { id: inspection.id })
      .then((fresh) => {
        modal.confirm({
          title: t('deleteInspection', named),
          content: t('deleteInspectionBody', { n: fresh.measurementCount }),
          okText: t('common:delete'),
          okButtonProps: { danger: true },
          cancelText: t('common:cancel'),
          onOk: () =>
            client
              .call('inspections:delete', { id: inspection.id })
              .then((deleted) => {
                notice.deleted(t('inspectionDeleted', named), deleted, onRestored);
                onDeleted();
              })
              .catch(notice.refused),
        });
      })
      .catch(notice.refused);

  return (
    <Space wrap style={{ marginBottom: 8 }} data-testid="inspection-bar">
      <Typography.Text strong>
        {inspection.branchCode} {inspection.branchName} · {inspection.period} · {label(inspection.kind)}
      </Typography.Text>
      <Tag color={STATUS_COLOURS[inspection.status]} data-testid="inspection-status">
        {label(inspection.status)}
      </Tag>
      {INSPECTION_TRANSITIONS[inspection.status].map((next) => (
        <Button
          key={next}
          size="small"
          type={next === 'draft' ? 'default' : 'primary'}
          loading={busy}
          onClick={() => move(next)}
          data-testid={`inspection-${MOVE_KEYS[next]}`}
        >
          {t(MOVE_KEYS[next])}
        </Button>
      ))}
      <Button
        size="small"
        danger
        disabled={inspection.status === 'approved'}
        title={inspection.status === 'approved' ? t('approvedLocked') : undefined}
        onClick={askToDelete}
        data-testid="inspection-delete"
      >
        {t('deleteInspectionButton')}
      </Button>
      {inspection.status === 'approved' && (
        <Typography.Text type="secondary">{t('approvedLocked')}</Typography.Text>
      )}
    </Space>
  );
}
