/**
 * Why an exchange workbook's row cannot be merged, and what a conflict differs in, read in
 * both languages: the CLI under --lang zh and the Chinese wizard show them as they are.
 * Each reason is met on a real database, not built by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemOf, written } from '../../../main/export/exchange-refusals';
import { rawRow } from '../../../main/repositories/rows';
import { conflictFields } from '../../../shared/import/reasons';
import { testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

let wb: TestWorkbench;
let branch: Record<string, unknown> & { id: string };

beforeAll(async () => {
  wb = testWorkbench();
  await withOrganisation(wb);
  branch = rawRow(
    wb.db,
    'branches',
    wb.db.prepare("SELECT id FROM branches WHERE code = 'EAST-001'").pluck().get() as string,
  )!;
  // A STRICT table of the kinds of column the merged tables have, to be refused by SQLite itself.
  wb.db.exec(
    "CREATE TABLE probe (id TEXT PRIMARY KEY, value REAL NOT NULL, n INTEGER, kind TEXT CHECK (kind = 'a')) STRICT",
  );
  wb.db.exec("INSERT INTO probe VALUES ('taken', 1, 1, 'a')");
});
afterAll(() => wb.close());

describe('a row the database refuses', () => {
  const refusal = (sql: string) => written(() => wb.db.prepare(sql).run());

  it('has no reason for a row it takes', () => {
    expect(refusal("INSERT INTO probe VALUES ('1', 98.5, 1, 'a')")).toBeUndefined();
  });

  // Text in a number column, an empty required column, a broken rule: SQLite's words are English only.
  it.each([
    ["'98,5', 1, 'a'", 'the value column takes a number, not text', 'value 列应填数字，不能填文本'],
    ["1, 'many', 'a'", 'the n column takes a whole number, not text', 'n 列应填整数，不能填文本'],
    ["NULL, 1, 'a'", 'value is required, but empty', 'value 必填，但为空'],
    ["1, 1, 'b'", "a value the database does not allow (kind = 'a')", "有数值不符合本库的规则（kind = 'a'）"],
  ])('says why it refuses (id 2, %s) in both languages', (values, en, zh) => {
    expect(refusal(`INSERT INTO probe VALUES ('2', ${values})`)).toEqual({ en, zh });
  });

  it('passes on a refusal it has no words for, inside a sentence of either language', () => {
    expect(refusal("INSERT INTO probe VALUES ('taken', 1, 1, 'a')")).toEqual({
      en: 'the database refuses the row (UNIQUE constraint failed: probe.id)',
      zh: '数据库拒绝写入该行（UNIQUE constraint failed: probe.id）',
    });
  });

  it('lets any other error through: only a refusal of the row is a reason', () => {
    expect(() => refusal('SELECT * FROM nowhere')).toThrow(/no such table/);
  });
});

describe('a row that cannot be written as it is here', () => {
  it('names a key another row holds, and a reference to a row that is not here', () => {
    expect(problemOf(wb.db, 'branches', { ...branch, id: 'incoming' })).toEqual({
      en: `code already used by another row here (${branch.id})`,
      zh: `code 已被本库的另一行使用（${branch.id}）`,
    });
    const orphan = { ...branch, id: 'incoming', code: 'EAST-999', name: '新厅', region_id: 'gone' };
    expect(problemOf(wb.db, 'branches', orphan)).toEqual({
      en: 'region_id refers to region gone, which is not here',
      zh: 'region_id 指向的区域 gone 不在本库中',
    });
    expect(problemOf(wb.db, 'branches', { ...orphan, region_id: branch.region_id })).toBeUndefined();
  });

  it('names a document cut short, and the hidden sheet that held the rest', () => {
    expect(problemOf(wb.db, 'plans', { id: 'p', content_json: '{"gaps": [' })).toEqual({
      en: 'content_json is cut short or damaged (10 characters); was the hidden _continued sheet removed?',
      zh: 'content_json 被截断或已损坏（10 个字符）；隐藏工作表 _continued 是否被删除了？',
    });
  });
});

describe('a conflict', () => {
  it('lists each field ours then theirs, an empty value said as such', () => {
    expect(
      conflictFields([
        { field: 'name', local: '静安（网点）', incoming: '静安（区域）' },
        { field: 'closed_on', local: null, incoming: '2026-11-03' },
      ]),
    ).toEqual({
      en: 'name: ours 静安（网点）, theirs 静安（区域）; closed_on: ours (empty), theirs 2026-11-03',
      zh: 'name：本库 静安（网点），来件 静安（区域）；closed_on：本库 （空），来件 2026-11-03',
    });
  });
});
