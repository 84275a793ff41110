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
