/**
 * Hash routes, `#/<page>?<params>`: the built app is static files under app:// or `qms serve`,
 * so the address bar's path never has to reach a server. Pages link to each other with
 * `navigate('inspections', { branchCode: 'EAST-001' })`, e.g. from a dashboard figure.
 */
import { useSyncExternalStore } from 'react';

export const PAGES = [
  'dashboard',
  'standards',
  'inspections',
  'findings',
  'actions',
  'plans',
  'reviews',
  'import',
  'settings',
] as const;
export type PageName = (typeof PAGES)[number];

export interface Route {
  page: PageName;
  params: Record<string, string>;
}

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as PageName) : 'dashboard';
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

// Parsed on first use, so tests can import PAGES without a window.
let current: Route | null = null;
const subscribe = (onChange: () => void) => {
  const listener = () => {
    current = parse(window.location.hash);
    onChange();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  return useSyncExternalStore(subscribe, () => (current ??= parse(window.location.hash)));
}

export function navigate(page: PageName, params: Record<string, string | undefined> = {}): void {
  const query = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  ).toString();
  window.location.hash = `#/${page}${query ? `?${query}` : ''}`;
}
