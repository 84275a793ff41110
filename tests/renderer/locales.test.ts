/**
 * Both languages carry the same keys in every namespace, none empty, with the same
 * {{placeholders}}: a key present in one language only would show raw in the other.
 * (The end-to-end walk catches keys missing from both, as the pages render them.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workbench';

const LOCALES = path.join(ROOT, 'renderer', 'locales');
const LANGUAGES = ['zh-CN', 'en'];

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign(
    {},
    ...Object.entries(value as Record<string, unknown>).map(([k, v]) =>
      flatten(v, prefix ? `${prefix}.${k}` : k),
    ),
  ) as Record<string, string>;
}

const load = (lang: string, ns: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(LOCALES, lang, `${ns}.json`), 'utf8')));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const namespaces = [...new Set(LANGUAGES.flatMap((l) => fs.readdirSync(path.join(LOCALES, l))))]
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('renderer locales', () => {
  it('has a common namespace and the import, standards, inspections and settings pages', () => {
    expect(namespaces).toEqual(
      expect.arrayContaining(['common', 'import', 'standards', 'inspections', 'settings']),
    );
  });

  it.each(namespaces)('%s: the same keys in zh-CN and en, none empty, same placeholders', (ns) => {
    for (const lang of LANGUAGES)
      expect(fs.existsSync(path.join(LOCALES, lang, `${ns}.json`)), `${lang}/${ns}`).toBe(true);
    const zh = load('zh-CN', ns);
    const en = load('en', ns);
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text.trim(), `zh-CN ${ns}:${key}`).not.toBe('');
      expect(en[key]!.trim(), `en ${ns}:${key}`).not.toBe('');
      expect(placeholders(en[key]!), `${ns}:${key}`).toEqual(placeholders(text));
    }
  });
});
