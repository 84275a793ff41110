/**
 * Moves an action to another status through actions:setStatus. A move to verified or reopened
 * first asks for the verification (date, note, target met), as domain.md records it.
 */
import { useEffect, useState } from 'react';
import { DatePicker, Form, Input, Modal, Switch } from 'antd';
import dayjs from 'dayjs';
import { OVER_DRAWER_Z } from './layers';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import type { ActionStatus } from '../../../shared/domain/enums';
import { client } from '../../client';
import { useEnumLabel } from '../dashboard/labels';
import { useNotice } from '../../components/useNotice';
import { needsVerification } from './filters';

interface Verification {
  verifiedOn: dayjs.Dayjs;
  verificationNote?: string;
  verificationMet: boolean;
}

export function useStatusMove(onMoved: (a: CorrectiveAction) => void) {
  const { t } = useTranslation('actions');
  const label = useEnumLabel();
  const notice = useNotice();
  const [pending, setPending] = useState<{ action: CorrectiveAction; to: ActionStatus } | null>(null);
  const [form] = Form.useForm<Verification>();
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
    form.setFieldsValue({ verifiedOn: dayjs(), verificationNote: '', verificationMet: to === 'verified' });
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
        {/* Verified means the target was met; a target not met is a reopen (domain.md). */}
        {pending?.to !== 'verified' && (
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
