/**
 * A period form field's rules: required, and read as the importer reads a cell, so 2026/11,
 * 2026年11月 and ２０２６-１１ are 2026-11 (store what readPeriod gives). Messages from the
 * inspections namespace, in the page's language.
 */
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { readPeriod } from '../../shared/import/periods';

export const periodRules = (t: TFunction): Rule[] => [
  { required: true, message: t('inspections:required') },
  {
    validator: (_, v: string | undefined) =>
      !v || readPeriod(v) ? Promise.resolve() : Promise.reject(new Error(t('inspections:periodInvalid'))),
  },
];
