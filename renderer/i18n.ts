/**
 * Every visible string comes from locales/<lng>/<namespace>.json (one namespace per page).
 * The language follows the saved setting, else the system; switching saves it. A key missing
 * from a language is collected in `window.__qmsMissingKeys` so the end-to-end walk can fail
 * on it.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../shared/messages';
import { client } from './client';

export type UiLanguage = 'zh-CN' | 'en';

declare global {
  interface Window {
    __qmsMissingKeys?: string[];
  }
}

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [file, module] of Object.entries(files)) {
  const [, lng, ns] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
  if (lng && ns) (resources[lng] ??= {})[ns] = module.default;
}
export const NAMESPACES = Object.keys(resources['zh-CN'] ?? {});

export const toUiLanguage = (lang: Lang | null | undefined): UiLanguage | null =>
  lang === 'zh' ? 'zh-CN' : lang === 'en' ? 'en' : null;
export const toLang = (lng: string): Lang => (lng.startsWith('zh') ? 'zh' : 'en');
export const systemLanguage = (): UiLanguage => (/^zh/i.test(navigator.language) ? 'zh-CN' : 'en');

window.__qmsMissingKeys = [];

export async function initI18n(language: UiLanguage): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources,
    lng: language,
    // No fallback language: a key missing in one language must show up, not hide behind the other.
    fallbackLng: false,
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (lngs, ns, key) => {
      window.__qmsMissingKeys?.push(`${lngs.join(',')}:${ns}:${key}`);
    },
  });
  document.documentElement.lang = language;
  return i18n;
}

export { i18n };

/** Switches the whole UI (antd and ag-grid follow i18n.language) and remembers the choice. */
export async function switchLanguage(language: UiLanguage): Promise<void> {
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  await client.call('settings:set', { language: toLang(language) });
}
