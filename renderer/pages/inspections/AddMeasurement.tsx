/** Enters one value for a standard the inspection has not measured yet (or corrects one). */
import { useEffect, useState } from 'react';
import { App, Button, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../../shared/schemas/standard';
import { client } from '../../client';
import { errorText } from '../../format';

export function AddMeasurement({ inspectionId, onAdded }: { inspectionId: string; onAdded: () => void }) {
  const { t, i18n } = useTranslation('inspections');
  const { message } = App.useApp();
  const [standards, setStandards] = useState<Standard[]>([]);
  const [code, setCode] = useState<string>();
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => void client.call('standards:list', {}).then(setStandards), []);

  async function add() {
    if (!code || value === null) return;
    try {
      await client.call('measurements:upsert', { inspectionId, standardCode: code, value });
      setValue(null);
      onAdded();
    } catch (e) {
      message.error(errorText(e, i18n.language));
    }
  }

  return (
    <Space.Compact size="small">
      <Select
        showSearch
        style={{ width: 240 }}
        placeholder={t('standardCode')}
        value={code}
        onChange={setCode}
        optionFilterProp="label"
        options={standards.map((s) => ({
          value: s.code,
          label: `${s.code} ${i18n.language === 'en' ? (s.nameEn ?? s.nameZh) : s.nameZh}`,
        }))}
      />
      <InputNumber
        placeholder={t('value')}
        value={value}
        onChange={(v) => setValue(v)}
        style={{ width: 100 }}
      />
      <Button type="primary" onClick={() => void add()} disabled={!code || value === null}>
        {t('enterValue')}
      </Button>
    </Space.Compact>
  );
}
