/** Enters one value for a standard the inspection has not measured yet (or corrects one). */
import { useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { client } from '../../client';
import { typedValue } from './typed-value';
import { useStandardOptions } from '../../components/useStandardOptions';
import { useNotice } from '../../components/useNotice';

export function AddMeasurement({ inspectionId, onAdded }: { inspectionId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation('inspections');
  const notice = useNotice();
  const { standards, options } = useStandardOptions();
  const [code, setCode] = useState<string>();
  const [value, setValue] = useState('');

  async function add() {
    if (!code) return;
    // Read as an import reads a cell: ８８ typed with a Chinese input method is 88.
    const typed = typedValue(value, standards.find((s) => s.code === code)?.unit);
    if (typed.kind !== 'number') {
      if (typed.kind === 'wrong')
        notice.refused(`${t('value')}: ${typed.reason[i18n.language.startsWith('zh') ? 'zh' : 'en']}`);
      return;
    }
    try {
      await client.call('measurements:upsert', { inspectionId, standardCode: code, value: typed.value });
      setValue('');
      onAdded();
    } catch (e) {
      notice.refused(e);
    }
  }

  return (
    <Space.Compact size="small">
      <Select
        showSearch
        style={{ width: 240 }}
        data-testid="add-standard"
        placeholder={t('standardCode')}
        value={code}
        onChange={setCode}
        optionFilterProp="label"
        options={options}
      />
      <Input
        placeholder={t('value')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => void add()}
        style={{ width: 100 }}
        data-testid="add-value"
      />
      <Button type="primary" onClick={() => void add()} disabled={!code || value.trim() === ''}>
        {t('enterValue')}
      </Button>
    </Space.Compact>
  );
}
