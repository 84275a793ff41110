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
  // The branch given (a prefilled form, a filter from the address) by its name too, when it is
  // not among the first 50 the search lists: it showed its bare code. Looked up once per code.
  const [given, setGiven] = useState<{ code: string; branch?: Branch } | null>(null);
  const listed = !value || branches.some((b) => b.code === value);
  useEffect(() => {
    if (listed || given?.code === value) return;
    let live = true;
    void client
      .call('branches:list', { q: value, limit: 50 })
      .then((page) => live && setGiven({ code: value!, branch: page.rows.find((b) => b.code === value) }));
    return () => {
      live = false;
    };
  }, [listed, given, value]);
  const extra = !listed && given?.code === value ? given.branch : undefined;
  const shown = extra ? [extra, ...branches] : branches;
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      style={{ width }}
      placeholder={placeholder ?? t('allBranches')}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      options={shown.map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))}
      data-testid={testId}
    />
  );
}
