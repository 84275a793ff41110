/** Small helpers every page shares: labels of domain values and errors in the UI's language. */
import { useTranslation } from 'react-i18next';
import { AppError } from '../shared/errors';
import { labelOf } from '../shared/domain/enums';
import { DIMENSIONS } from '../shared/domain/dimensions';
import { toLang } from './i18n';

/** The label of a closed-vocabulary value (kind, status, verdict...) in the current language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const lang = toLang(i18n.language);
  return {
    lang,
    label: (value: string | null | undefined) => (value ? labelOf(value)[lang] : ''),
    dimension: (code: string) => {
      const d = DIMENSIONS.find((x) => x.code === code);
      return d ? (lang === 'zh' ? d.nameZh : d.nameEn) : code;
    },
  };
}

/** A standard's name in the UI's language: English when it has an English name, else Chinese. */
export const standardNameIn = (
  language: string,
  nameZh: string,
  nameEn: string | null | undefined,
): string => (toLang(language) === 'en' && nameEn ? nameEn : nameZh);

/** An error as the user should read it: contract errors in their language, others verbatim. */
export function errorText(error: unknown, language: string): string {
  if (error instanceof AppError) return error.localized(toLang(language));
  return error instanceof Error ? error.message : String(error);
}

export const formatNumber = (n: number | null | undefined, digits = 2): string =>
  n === null || n === undefined || Number.isNaN(n) ? '' : String(Math.round(n * 10 ** digits) / 10 ** digits);
