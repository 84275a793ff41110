/**
 * Act: what was standardised (a procedure per standard, optionally a new target, which makes a
 * new version of the standard) and whether the gaps that did not close carry into a next plan.
 */
import { Button, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Input as CallInput } from '../../../shared/contract';

type ActInput = CallInput<'plans:act'>;
interface Values {
  standardised: { standardCode: string; procedure: string; newTarget?: number | null }[];
  carryOver: boolean;
}

export function ActForm({
  standardCodes,
  busy,
  onSubmit,
}: {
  standardCodes: string[];
  busy: boolean;
  onSubmit: (input: Omit<ActInput, 'id'>) => void;
}) {
  const { t } = useTranslation('plans');
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      size="small"
      layout="vertical"
      initialValues={{ standardised: [], carryOver: true }}
      onFinish={(v) =>
        onSubmit({
          carryOver: v.carryOver,
          standardised: v.standardised.map((s) => ({
            standardCode: s.standardCode,
            procedure: s.procedure,
            newTarget: s.newTarget ?? undefined,
          })),
        })
      }
      data-testid="act-form"
    >
      <Form.List name="standardised">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  name={[f.name, 'standardCode']}
                  rules={[{ required: true, message: t('act.standardRequired') }]}
                >
                  <Select
                    style={{ width: 150 }}
                    placeholder={t('act.standard')}
                    options={standardCodes.map((c) => ({ value: c, label: c }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'procedure']}
                  rules={[{ required: true, message: t('act.procedureRequired') }]}
                >
                  <Input style={{ width: 320 }} placeholder={t('act.procedure')} />
                </Form.Item>
                <Form.Item name={[f.name, 'newTarget']}>
                  <InputNumber style={{ width: 120 }} placeholder={t('act.newTarget')} />
                </Form.Item>
                <Button size="small" onClick={() => remove(f.name)}>
                  {t('act.remove')}
                </Button>
              </Space>
            ))}
            <Button size="small" type="dashed" onClick={() => add({ procedure: '' })}>
              {t('act.add')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Form.Item name="carryOver" label={t('act.carryOver')} valuePropName="checked" style={{ marginTop: 8 }}>
        <Switch />
      </Form.Item>
      <Button type="primary" size="small" htmlType="submit" loading={busy} data-testid="act-submit">
        {t('act.submit')}
      </Button>
    </Form>
  );
}
