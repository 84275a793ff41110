/**
 * ag-grid, set up once: the Community modules, a dense theme, and its own texts in the
 * page's language (AG_GRID_LOCALE_CN / _EN), so the grid's menus are translated too.
 */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontSize: 13,
  rowHeight: 30,
  headerHeight: 34,
  spacing: 6,
  fontFamily: 'inherit',
});

export const gridLocale = (language: string): Record<string, string> =>
  language.startsWith('zh') ? AG_GRID_LOCALE_CN : AG_GRID_LOCALE_EN;

/** An abbreviated header's full text is read on hover, not after ag-grid's 2 s. */
export const TOOLTIP_SHOW_DELAY = 400;

/**
 * A column header, abbreviated (`<key>Short` in the locale) where the full text would not fit
 * the column at a 1366-wide window; the full text is always its tooltip.
 */
export const header = (t: (key: string) => string, key: string, short = false) => ({
  headerName: t(short ? `${key}Short` : key),
  headerTooltip: t(key),
});

/**
 * A column of prose (names, descriptions): the text wraps and the row grows to hold it, so
 * nothing is cut at a narrow window. The spacing of wrapped lines is in app.css.
 */
export const PROSE = { wrapText: true, autoHeight: true } as const;
