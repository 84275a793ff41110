/**
 * Records a free-text observation (domain.md: a finding need not be a measurement): what an
 * officer saw at a branch in a period, perhaps under a standard. It then waits on the findings
 * page for an action like a failed measurement does.
 */
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/standard';
import { readPeriod } from '../../../shared/import/periods';
import { client } from '../../client';
import { BranchSelect } from '../../components/BranchSelect';
import { periodRules } from '../../components/period-rules';
import { errorText, standardNameIn } from '../../format';

interface Values {
  branchCode: string;
  period: string;
  standardCode?: string;
  description: string;
}

export function NewObservation({ onCreated }: { onCreated: () => void }) {
  const { t, i18n } = useTranslation('findings');
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [standards, setStandards] = useState<Standard[]>([]);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open && standards.length === 0)
      void client.call('standards:list', {}).then(setStandards, () => setStandards([]));
  }, [open, standards.length]);

  async function create(v: Values) {
    try {
      await client.call('findings:createObservation', {
        branchCode: v.branchCode,
        // Written as an import reads a period: 2026/11 and 2026年11月 are 2026-11.
        period: readPeriod(v.period) ?? v.period,
        standardCode: v.standardCode ?? null,
        description: v.description.trim(),
      });
      setOpen(false);
      message.success(t('observationSaved'));
      onCreated();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    }
  }

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="observation-new">
        {t('newObservation')}
      </Button>
      <Modal
        open={open}
        title={t('newObservation')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'observation-save' } as Record<`data-${string}`, string>}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item
            name="branchCode"
            label={t('branch')}
            rules={[{ required: true, message: t('inspections:required') }]}
          >
            <BranchSelect
              value={undefined}
              onChange={(code) => form.setFieldValue('branchCode', code)}
              width="100%"
              testId="observation-branch"
            />
          </Form.Item>
          <Form.Item name="period" label={t('inspections:period')} rules={periodRules(t)}>
            <Input placeholder="2026-11" data-testid="observation-period" />
          </Form.Item>
          <Form.Item name="standardCode" label={t('standard')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={standards.map((s) => ({
                value: s.code,
                label: `${s.code} ${standardNameIn(i18n.language, s.nameZh, s.nameEn)}`,
              }))}
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
    </>
  );
}
