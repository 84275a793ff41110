import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { labelOf } from '../../../shared/domain/enums';
import type { Scope } from '../../../shared/schemas/common';
import { toLang } from '../../i18n';

/** The domain's own labels (statuses, stages, verdicts) in the page's language, from shared/. */
export function useEnumLabel(): (value: string) => string {
  const { i18n } = useTranslation();
  const lang = toLang(i18n.language);
  // Stable per language, so figures built from it are not rebuilt (and redrawn) on every render.
  return useCallback((value) => labelOf(value)[lang], [lang]);
}

/** The filters of a `*:list` call that select a scope's rows. */
export function scopeFilters(scope: Scope): { regionCode?: string; branchCode?: string } {
  if (scope.type === 'region') return { regionCode: scope.code };
  if (scope.type === 'branch') return { branchCode: scope.code };
  return {};
}
