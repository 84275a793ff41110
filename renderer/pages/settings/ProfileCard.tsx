import { useEffect, useState } from 'react';
import { Button, Card, Form, Input, Segmented, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { client } from '../../client';
import { switchLanguage, type UiLanguage } from '../../i18n';
import { useNotice } from '../../components/useNotice';

/** The user name goes into the audit trail of every change from now on. */
export function ProfileCard() {
  const { t, i18n } = useTranslation('settings');
  const notice = useNotice();
  const [name, setName] = useState('');
  useEffect(() => void client.call('settings:get', {}).then((s) => setName(s.userName)), []);

  async function saveName() {
    try {
      const s = await client.call('settings:set', { userName: name });
      window.dispatchEvent(new CustomEvent('qms:user', { detail: s.userName }));
      notice.done(t('common:saved'));
    } catch (e) {
      notice.refused(e);
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
