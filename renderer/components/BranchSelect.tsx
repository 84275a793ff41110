/** Picks a branch by code or name, searching on the server (there may be thousands). */
import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Branch } from '../../shared/schemas/organisation';
import { client } from '../client';

export function BranchSelect({
  value,
  onChange,
  width = 220,
  placeholder,
  testId = 'branch-select',
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  width?: number | string;
  /** Defaults to "all branches", as a filter reads. */
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [branches, setBranches] = useState<Branch[]>([]);
  useEffect(() => {
    const timer = setTimeout(() => {
      void client
        .call('branches:list', { q: q || undefined, limit: 50 })
        .then((page) => setBranches(page.rows));
    }, 200);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ width }}
      placeholder={placeholder ?? t('allBranches')}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={branches.map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))}
      data-testid={testId}
    />
  );
}
