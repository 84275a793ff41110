import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The code and the name that identify a region or a branch: both required, in its dialog's form. */
export function CodeNameFields() {
  const { t } = useTranslation('settings');
  const required = [{ required: true, message: t('required') }];
  return (
    <>
      <Form.Item name="code" label={t('code')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={t('name')} rules={required}>
        <Input />
      </Form.Item>
    </>
  );
}
