/**
 * Moves an action to another status through actions:setStatus. A move to verified or reopened
 * first asks for the verification (date, note, target met), as domain.md records it.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Switch } from 'antd';
import dayjs from 'dayjs';
import { OVER_DRAWER_Z } from './layers';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction, Retest } from '../../../shared/schemas/action';
import type { ActionStatus } from '../../../shared/domain/enums';
import { client } from '../../client';
import { useEnumLabel } from '../dashboard/labels';
import { formatNumber } from '../../format';
import { useNotice } from '../../components/useNotice';
import { needsVerification } from './filters';

interface Verification {
  verifiedOn: dayjs.Dayjs;
  verificationNote?: string;
  /** Asked only where nothing was re-measured and the move is a reopen: else left to the service. */
  verificationMet?: boolean;
}

export function useStatusMove(onMoved: (a: CorrectiveAction) => void) {
  const { t } = useTranslation('actions');
  const label = useEnumLabel();
  const notice = useNotice();
  const [pending, setPending] = useState<{ action: CorrectiveAction; to: ActionStatus } | null>(null);
  const [form] = Form.useForm<Verification>();
  // The later measurement that decides "met" (actions:retest); undefined while it is asked for.
  const [retest, setRetest] = useState<Retest | null | undefined>(undefined);
  useEffect(() => {
    setRetest(undefined);
    if (pending)
      void client.call('actions:retest', { id: pending.action.id }).then(
        (r) => setRetest(r.retest),
        () => setRetest(null),
      );
  }, [pending]);
  // Escape closes this dialog, also when focus is still in the drawer under it (which keeps
  // its own Escape while the dialog asks): it used to close the drawer and leave the dialog.
  useEffect(() => {
    if (!pending) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPending(null);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [pending]);

  const send = async (action: CorrectiveAction, to: ActionStatus, v?: Verification) => {
    try {
      const moved = await client.call('actions:setStatus', {
        id: action.id,
        status: to,
        ...(v && {
          verifiedOn: v.verifiedOn.format('YYYY-MM-DD'),
          verificationNote: v.verificationNote || undefined,
          verificationMet: v.verificationMet,
        }),
      });
      notice.done(t('moved', { status: label(to) }));
      onMoved(moved);
      return true;
    } catch (e) {
      notice.refused(e);
      return false;
    }
  };

  const move = (action: CorrectiveAction, to: ActionStatus) => {
    if (!needsVerification(to)) return void send(action, to);
    form.resetFields();
    form.setFieldsValue({ verifiedOn: dayjs(), verificationNote: '' });
    setPending({ action, to });
  };

  const modal = (
    <Modal
      open={!!pending}
      zIndex={OVER_DRAWER_Z}
      title={pending ? t('verify.title', { status: label(pending.to) }) : ''}
      okText={t('verify.ok')}
      cancelText={t('cancel')}
      onCancel={() => setPending(null)}
      onOk={async () => {
        const v = await form.validateFields();
        if (pending && (await send(pending.action, pending.to, v))) setPending(null);
      }}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" size="small" data-testid="verify-form">
        <Form.Item
          name="verifiedOn"
          label={t('verify.on')}
          rules={[{ required: true, message: t('verify.onRequired') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {retest !== undefined && (
          <Alert
            data-testid="verify-retest"
            style={{ marginBottom: 12 }}
            type={!retest ? 'info' : retest.verdict === 'pass' ? 'success' : 'warning'}
            title={
              retest
                ? t('verify.retest', {
                    period: retest.period,
                    value: `${formatNumber(retest.value)}${retest.unit}`,
                    verdict: label(retest.verdict),
                  })
                : t('verify.noRetest')
            }
          />
        )}
        {/* Verified means the target was met; a target not met is a reopen (domain.md). A later
            measurement decides it; without one, a reopen may say what is known. */}
        {pending?.to !== 'verified' && retest === null && (
          <Form.Item name="verificationMet" label={t('verify.met')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item name="verificationNote" label={t('verify.note')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
  return { move, modal, asking: pending !== null };
}
