/** Import: the wizard for regional workbooks, and the history of imports with undo. */
import { useState } from 'react';
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportWizard } from './ImportWizard';
import { ImportHistory } from './ImportHistory';

export default function ImportPage() {
  const { t } = useTranslation('import');
  const [tab, setTab] = useState('wizard');
  const [historyVersion, setHistoryVersion] = useState(0);
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={setTab}
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
