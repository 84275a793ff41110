/**
 * The period box of a page's filters. A period in its own form (2026-10, 2026-Q3) applies as it
 * is typed; one written as people write it (2026/10, 2026年10月, ２０２６-１０) applies on Enter or
 * on leaving the box, read as the importer reads a cell: read at each keystroke, 2026/1 would
 * jump to January on the way to 2026/11. The box turns red, and says why on hover, when it
 * cannot read what is typed.
 */
import { useEffect, useState } from 'react';
import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isPeriod } from '../../shared/domain/period';
import { readPeriod } from '../../shared/import/periods';

export function PeriodFilter({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  /** The period read, or undefined when the box is emptied. */
  onChange: (period: string | undefined) => void;
  testId?: string;
}) {
  const { t } = useTranslation('inspections');
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const typed = text.trim();
  const read = typed ? readPeriod(typed) : null;
  const commit = () => {
    if (read && read !== value) onChange(read);
  };
  return (
    <Input
      style={{ width: 130 }}
      placeholder={t('periodPlaceholder')}
      value={text}
      allowClear
      status={typed && !read ? 'error' : undefined}
      title={typed && !read ? t('periodInvalid') : undefined}
      onChange={(e) => {
        const v = e.target.value.trim();
        setText(e.target.value);
        if (!v) onChange(undefined);
        else if (isPeriod(v)) onChange(v);
      }}
      onPressEnter={commit}
      onBlur={commit}
      data-testid={testId}
    />
  );
}
