/** Starts an inspection for a branch and period; its measurements are then entered in the grid. */
import { useState } from 'react';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Inspection } from '../../../shared/schemas/inspection';
import { INSPECTION_KINDS } from '../../../shared/domain/enums';
import { readPeriod } from '../../../shared/import/periods';
import { client } from '../../client';
import { BranchSelect } from '../../components/BranchSelect';
import { periodRules } from '../../components/period-rules';
import { useLabels } from '../../format';
import { useNotice } from '../../components/useNotice';

export function NewInspection({ onCreated }: { onCreated: (inspection: Inspection) => void }) {
  const { t } = useTranslation('inspections');
  const { label } = useLabels();
  const notice = useNotice();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();

  async function create(values: {
    branchCode: string;
    period: string;
    kind: (typeof INSPECTION_KINDS)[number];
    inspector?: string;
  }) {
    try {
      const inspection = await client.call('inspections:create', {
        ...values,
        period: readPeriod(values.period) ?? values.period,
        inspector: values.inspector || undefined,
      });
      setOpen(false);
      onCreated(inspection);
    } catch (e) {
      notice.refused(e);
    }
  }

  return (
    <>
      <Button type="primary" size="small" onClick={() => setOpen(true)} data-testid="inspection-new">
        {t('newInspection')}
      </Button>
      <Modal
        open={open}
        title={t('newInspection')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'self_assessment' }}
          onFinish={(v) => void create(v)}
        >
          <Form.Item
            name="branchCode"
            label={t('branchCode')}
            rules={[{ required: true, message: t('required') }]}
          >
            <BranchSelect
              value={undefined}
              onChange={(code) => form.setFieldValue('branchCode', code)}
              width={300}
              placeholder={t('branchPlaceholder')}
              testId="new-inspection-branch"
            />
          </Form.Item>
          <Form.Item name="period" label={t('period')} rules={periodRules(t)}>
            <Input placeholder={t('periodPlaceholder')} />
          </Form.Item>
          <Form.Item name="kind" label={t('kind')}>
            <Select options={INSPECTION_KINDS.map((k) => ({ value: k, label: label(k) }))} />
          </Form.Item>
          <Form.Item name="inspector" label={t('inspector')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
