/**
 * Scope (everything, a region, a branch) and period, the two choices every figure, plan and
 * review starts from. Periods offered are those with inspections, latest first; branches are
 * searched on the server, so a network of thousands stays one keystroke away.
 */
import { useEffect, useState } from 'react';
import { Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../../../shared/schemas/common';
import type { ScopeType } from '../../../shared/domain/enums';
import { client } from '../../client';

export interface ScopePeriod {
  scope: Scope;
  period: string | null;
}

interface Option {
  value: string;
  label: string;
}

/** The periods with data; the first (latest) is the default choice. */
export function usePeriods(): string[] | null {
  const [periods, setPeriods] = useState<string[] | null>(null);
  useEffect(() => {
    client.call('dashboard:periods', {}).then(setPeriods, () => setPeriods([]));
  }, []);
  return periods;
}

function useCodeOptions(type: ScopeType, search: string): Option[] {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    let live = true;
    if (type === 'region')
      void client
        .call('regions:list', {})
        .then((rs) => live && setOptions(rs.map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))));
    else if (type === 'branch')
      void client
        .call('branches:list', { q: search || undefined, limit: 50 })
        .then(
          (p) => live && setOptions(p.rows.map((b) => ({ value: b.code, label: `${b.code} ${b.name}` }))),
        );
    else setOptions([]);
    return () => {
      live = false;
    };
  }, [type, search]);
  return options;
}

export function ScopePeriodBar({
  value,
  periods,
  onChange,
}: {
  value: ScopePeriod;
  periods: readonly string[];
  onChange: (next: ScopePeriod) => void;
}) {
  const { t } = useTranslation('dashboard');
  const [search, setSearch] = useState('');
  const codes = useCodeOptions(value.scope.type, search);
  const types: ScopeType[] = ['all', 'region', 'branch'];
  return (
    <Space wrap size="small" data-testid="scope-period">
      <Select
        size="small"
        style={{ width: 110 }}
        aria-label={t('scope.label')}
        showSearch={{ optionFilterProp: 'label' }}
        value={value.scope.type}
        options={types.map((type) => ({ value: type, label: t(`scope.${type}`) }))}
        onChange={(type: ScopeType) => onChange({ ...value, scope: { type } })}
        data-testid="scope-type"
      />
      {value.scope.type !== 'all' && (
        <Select
          size="small"
          style={{ width: 220 }}
          showSearch={{
            filterOption: value.scope.type === 'region',
            onSearch: setSearch,
            optionFilterProp: 'label',
          }}
          placeholder={t(`scope.pick.${value.scope.type}`)}
          aria-label={t(`scope.pick.${value.scope.type}`)}
          value={value.scope.code}
          options={codes}
          onChange={(code: string) => onChange({ ...value, scope: { type: value.scope.type, code } })}
          data-testid="scope-code"
        />
      )}
      <Select
        size="small"
        style={{ width: 120 }}
        showSearch
        aria-label={t('period')}
        placeholder={t('period')}
        value={value.period ?? undefined}
        options={periods.map((p) => ({ value: p, label: p }))}
        onChange={(period: string) => onChange({ ...value, period })}
        data-testid="period"
      />
    </Space>
  );
}

/** Whether the choice is complete enough to ask for data. */
export const isComplete = (v: ScopePeriod): v is { scope: Scope; period: string } =>
  !!v.period && (v.scope.type === 'all' || !!v.scope.code);
