/**
 * The action form's field checks come from the contract's ActionCreate schema and read in both
 * languages: what the form lets through is what actions:create accepts.
 */
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workbench';
import { ActionCreate } from '../../shared/schemas/action';
import { fieldError, FORM_FIELDS, isRequired } from '../../renderer/pages/actions/validation';

const i18n = i18next.createInstance();
beforeAll(async () => {
  const load = (lang: string) =>
    JSON.parse(fs.readFileSync(path.join(ROOT, 'renderer/locales', lang, 'actions.json'), 'utf8')) as object;
  await i18n.init({
    lng: 'en',
    resources: { en: { actions: load('en') }, 'zh-CN': { actions: load('zh-CN') } },
    defaultNS: 'actions',
  });
});
const tIn = (lng: string) => i18n.getFixedT(lng, 'actions') as (k: string, p?: object) => string;

describe('action form field checks', () => {
  it('marks as required exactly the fields actions:create cannot do without', () => {
    expect(FORM_FIELDS.filter(isRequired)).toEqual([
      'branchCode',
      'action',
      'department',
      'owner',
      'dueDate',
    ]);
  });

  it('says what is wrong with each field, in English and Chinese', () => {
    const en = tIn('en');
    const zh = tIn('zh-CN');
    expect(fieldError('action', '', en, 'en')).toBe('Required');
    expect(fieldError('action', '   ', zh, 'zh')).toBe('必填');
    expect(fieldError('branchCode', undefined, zh, 'zh')).toBe('必填');
    expect(fieldError('owner', null, en, 'en')).toBe('Required');
    expect(fieldError('owner', 'x'.repeat(201), en, 'en')).toBe('At most 200 characters');
    expect(fieldError('owner', 'x'.repeat(201), zh, 'zh')).toBe('最多 200 个字符');
    expect(fieldError('dueDate', '2026-02-30', en, 'en')).toBe('Enter a date as YYYY-MM-DD');
    expect(fieldError('dueDate', undefined, zh, 'zh')).toBe('必填');
    expect(fieldError('standardCode', 'a b', zh, 'zh')).toContain('只能包含字母');
    // Not a case of the form's own words: as the contract says it, in the page's language.
    expect(fieldError('owner', 5, zh, 'zh')).toBe('取值无效：类型不正确（应为 string）');
    expect(fieldError('owner', 5, en, 'en')).toBe('Not a valid value: must be a string');
  });

  it('passes exactly the values actions:create accepts', () => {
    const t = tIn('en');
    const good = {
      branchCode: 'EAST-001',
      standardCode: 'CS-FCR',
      finding: '',
      action: '培训',
      department: '客服中心',
      owner: '王伟',
      dueDate: '2026-12-31',
    };
    for (const f of FORM_FIELDS) expect(fieldError(f, good[f], t, 'en'), f).toBeNull();
    expect(fieldError('standardCode', undefined, t, 'en')).toBeNull();
    expect(ActionCreate.safeParse(good).success).toBe(true);
  });
});
