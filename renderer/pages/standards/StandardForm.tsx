/** Create or edit one standard; the service's validation errors land on the field they name. */
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/standard';
import { DIMENSIONS } from '../../../shared/domain/dimensions';
import { STANDARD_SOURCES } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import { client } from '../../client';
import { errorText, useLabels } from '../../format';
import { useNotice } from '../../components/useNotice';

const EDITABLE = [
  'nameZh',
  'nameEn',
  'dimension',
  'unit',
  'direction',
  'target',
  'warning',
  'weight',
  'method',
  'source',
] as const;

/** ９０ typed with a Chinese input method is 90 (the number box dropped it): as an import reads it. */
const halfWidth = (typed: string | undefined) => (typed ?? '').normalize('NFKC').replace(/。/g, '.');

export function StandardForm({ standard, onSaved }: { standard: Standard | null; onSaved: () => void }) {
  const { t, i18n } = useTranslation('standards');
  const { label, dimension } = useLabels();
  const notice = useNotice();
  const [form] = Form.useForm();

  async function save(values: Record<string, unknown>) {
    try {
      if (standard) {
        const changes = Object.fromEntries(
          EDITABLE.filter((k) => values[k] !== undefined && values[k] !== standard[k]).map((k) => [
            k,
            values[k],
          ]),
        );
        if (Object.keys(changes).length === 0) return onSaved();
        await client.call('standards:update', {
          code: standard.code,
          changes,
          effectiveFrom: (values.effectiveFrom as string) || undefined,
        });
      } else {
        await client.call('standards:create', values as never);
      }
      notice.done(t('common:saved'));
      onSaved();
    } catch (e) {
      const field = e instanceof AppError ? e.field?.replace(/^changes\./, '') : undefined;
      if (field && form.getFieldInstance(field) !== undefined)
        form.setFields([{ name: field, errors: [errorText(e, i18n.language)] }]);
      else notice.refused(e);
    }
  }

  const required = [{ required: true, message: t('required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      size="small"
      // The new version's date starts empty (the service takes today): filled with the current
      // version's date, a changed target overwrote a version no measurement used yet.
      initialValues={
        standard
          ? { ...standard, effectiveFrom: undefined }
          : { direction: 'higher', weight: 1, dimension: 'CS', unit: '%' }
      }
      onFinish={(v) => void save(v)}
      data-testid="standard-form"
    >
      <Form.Item name="code" label={t('code')} rules={required}>
        <Input disabled={!!standard} />
      </Form.Item>
      <Form.Item name="nameZh" label={t('nameZh')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="dimension" label={t('dimension')} rules={required}>
        <Select options={DIMENSIONS.map((d) => ({ value: d.code, label: dimension(d.code) }))} />
      </Form.Item>
      <Form.Item name="unit" label={t('unit')}>
        <Input style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="direction" label={t('direction')} rules={required}>
        <Select options={['higher', 'lower'].map((v) => ({ value: v, label: label(v) }))} />
      </Form.Item>
      <Form.Item name="target" label={t('target')} rules={required}>
        <InputNumber style={{ width: 160 }} parser={halfWidth} />
      </Form.Item>
      <Form.Item name="warning" label={t('warning')} rules={required} extra={t('warningHelp')}>
        <InputNumber style={{ width: 160 }} parser={halfWidth} />
      </Form.Item>
      {/* Required here, so an emptied weight says 必填 at once (and clears when filled), not the
          service's "类型不正确（应为 number）", which stayed after the value was put back. */}
      <Form.Item name="weight" label={t('weight')} rules={required}>
        <InputNumber<number | string> min={0.01} max={100} style={{ width: 160 }} parser={halfWidth} />
      </Form.Item>
      <Form.Item name="source" label={t('source')}>
        <Select allowClear options={STANDARD_SOURCES.map((v) => ({ value: v, label: label(v) }))} />
      </Form.Item>
      <Form.Item name="method" label={t('method')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {standard && (
        <Form.Item name="effectiveFrom" label={t('newVersionFrom')} extra={t('newVersionHelp')}>
          <Input placeholder="YYYY-MM-DD" style={{ width: 160 }} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" data-testid="standard-save">
        {t('common:save')}
      </Button>
    </Form>
  );
}
