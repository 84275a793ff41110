/** Import: the wizard for regional workbooks, and the history of imports with undo. */
import { useState } from 'react';
import { navigate, useRoute } from '../../router';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportWizard } from './ImportWizard';
import { ImportHistory } from './ImportHistory';

export default function ImportPage() {
  const { t } = useTranslation('import');
  const tab = useRoute().params.tab === 'history' ? 'history' : 'wizard';
  const [historyVersion, setHistoryVersion] = useState(0);
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate('import', { tab: key === 'history' ? key : undefined })}
        items={[
          {
            key: 'wizard',
            label: t('wizardTab'),
            children: <ImportWizard onImported={() => setHistoryVersion((v) => v + 1)} />,
          },
          { key: 'history', label: t('historyTab'), children: <ImportHistory version={historyVersion} /> },
        ]}
      />
    </Card>
  );
}
