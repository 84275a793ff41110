/**
 * Records a free-text observation (domain.md: a finding need not be a measurement): what an
 * officer saw at a branch in a period, perhaps under a standard. It then waits on the findings
 * page for an action like a failed measurement does. The same form, prefilled, corrects one
 * (findings:updateObservation): a typo no longer stays for good once an action keeps it.
 */
import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/schemas/action';
import { readPeriod } from '../../../shared/import/periods';
import { client } from '../../client';
import { BranchSelect } from '../../components/BranchSelect';
import { periodRules } from '../../components/period-rules';
import { useStandardOptions } from '../../components/useStandardOptions';
import { useNotice } from '../../components/useNotice';

interface Values {
  branchCode: string;
  period: string;
  standardCode?: string;
  description: string;
}

/** What the form is open for: a new observation or a correction of one. */
export type ObservationFormTarget = { mode: 'new' } | { mode: 'edit'; observation: Finding };

export function ObservationForm({
  target,
  onClose,
  onSaved,
}: {
  target: ObservationFormTarget | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('findings');
  const notice = useNotice();
  const [form] = Form.useForm<Values>();
  const { options: standardOptions } = useStandardOptions(!!target);
  const editing = target?.mode === 'edit' ? target.observation : null;
  // The actions raised from it are on its branch and standard: those stay (the service refuses).
  const answered = editing && editing.actionCount > 0 ? editing : null;
  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { branchCode, period, standardCode, description } = target.observation;
      form.setFieldsValue({ branchCode, period, standardCode: standardCode ?? undefined, description });
    }
  }, [target, form]);

  async function save(v: Values) {
    const fields = {
      branchCode: v.branchCode,
      // Written as an import reads a period: 2026/11 and 2026年11月 are 2026-11.
      period: readPeriod(v.period) ?? v.period,
      standardCode: v.standardCode ?? null,
      description: v.description.trim(),
    };
    try {
      if (editing) await client.call('findings:updateObservation', { id: editing.id, ...fields });
      else await client.call('findings:createObservation', fields);
      notice.done(t(editing ? 'observationCorrected' : 'observationSaved'));
      onSaved();
    } catch (e) {
      notice.refused(e);
    }
  }

  return (
    <Modal
      open={!!target}
      title={t(editing ? 'editObservation' : 'newObservation')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'observation-save' } as Record<`data-${string}`, string>}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="observation-form">
        <Form.Item
          name="branchCode"
          label={t('branch')}
          rules={[{ required: true, message: t('inspections:required') }]}
          extra={answered ? t('observationAnswered', { n: answered.actionCount }) : undefined}
        >
          {answered ? (
            <Select
              disabled
              options={[
                { value: answered.branchCode, label: `${answered.branchCode} ${answered.branchName}` },
              ]}
            />
          ) : (
            <BranchSelect
              width="100%"
              placeholder={t('inspections:branchPlaceholder')}
              testId="observation-branch"
            />
          )}
        </Form.Item>
        <Form.Item name="period" label={t('inspections:period')} rules={periodRules(t)}>
          {/* A hint, not a value: a bare 2026-11 read as filled in, then failed as 必填. */}
          <Input placeholder={t('periodHint')} data-testid="observation-period" />
        </Form.Item>
        <Form.Item name="standardCode" label={t('standard')}>
          <Select
            allowClear
            disabled={!!answered}
            showSearch={{ optionFilterProp: 'label' }}
            options={standardOptions}
            data-testid="observation-standard"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('description')}
          rules={[{ required: true, whitespace: true, message: t('inspections:required') }]}
        >
          {/* The contract's bound, said as it is typed rather than refused in English after. */}
          <Input.TextArea rows={3} maxLength={4000} showCount data-testid="observation-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
