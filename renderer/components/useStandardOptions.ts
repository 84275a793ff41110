/**
 * The current standards for a form's picker, loaded once the form is shown, with their options
 * as "CODE 名称" in the page's language: the action, observation and add-value forms each loaded
 * and labelled them on their own.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Standard } from '../../shared/schemas/standard';
import { client } from '../client';
import { standardNameIn } from '../format';

export function useStandardOptions(shown = true) {
  const { i18n } = useTranslation();
  const [standards, setStandards] = useState<Standard[]>([]);
  useEffect(() => {
    if (shown && standards.length === 0)
      void client.call('standards:list', {}).then(setStandards, () => setStandards([]));
  }, [shown, standards.length]);
  const options = useMemo(
    () =>
      standards.map((s) => ({
        value: s.code,
        label: `${s.code} ${standardNameIn(i18n.language, s.nameZh, s.nameEn)}`,
      })),
    [standards, i18n.language],
  );
  return { standards, options };
}
