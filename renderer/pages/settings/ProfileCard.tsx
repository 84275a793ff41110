import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { client } from '../../client';
import { errorText } from '../../format';
import { switchLanguage, type UiLanguage } from '../../i18n';

/** The user name goes into the audit trail of every change from now on. */
export function ProfileCard() {
  const { t, i18n } = useTranslation('settings');
  const { message } = App.useApp();
  const [name, setName] = useState('');
  useEffect(() => void client.call('settings:get', {}).then((s) => setName(s.userName)), []);

  async function saveName() {
    try {
      const s = await client.call('settings:set', { userName: name });
      window.dispatchEvent(new CustomEvent('qms:user', { detail: s.userName }));
      message.success(t('common:saved'));
    } catch (e) {
      message.error(errorText(e, i18n.language));
    }
  }

  return (
    <Card size="small" title={t('profile')}>
      <Form layout="vertical" size="small">
        <Form.Item label={t('userName')} extra={t('userNameHelp')}>
          <Space.Compact>
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              style={{ width: 220 }}
              data-testid="user-name"
            />
            <Button
              type="primary"
              onClick={() => void saveName()}
              disabled={!name.trim()}
              data-testid="user-name-save"
            >
              {t('common:save')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('language')}>
          <Segmented
            value={i18n.language}
            options={[
              { label: '简体中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
            onChange={(v) => void switchLanguage(v as UiLanguage)}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
