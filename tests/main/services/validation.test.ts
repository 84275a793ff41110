import { describe, expect, it } from 'vitest';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import { AppError } from '../../../shared/errors';
import { count, testWorkbench, withOrganisation, type TestWorkbench } from '../../helpers/workbench';

const TABLES = [
  'regions',
  'branches',
  'standards',
  'inspections',
  'measurements',
  'actions',
  'findings',
  'audit_log',
];
const snapshot = (wb: TestWorkbench) => Object.fromEntries(TABLES.map((t) => [t, count(wb, t)]));

async function rejects(wb: TestWorkbench, channel: string, input: unknown, field: string, message: RegExp) {
  const before = snapshot(wb);
  const error = await wb.dispatch(channel, input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${channel} should reject`).toBeInstanceOf(AppError);
  expect((error as AppError).field).toBe(field);
  expect((error as AppError).message).toMatch(message);
  expect(snapshot(wb), 'nothing written').toEqual(before);
}

const action = {
  branchCode: 'EAST-001',
  standardCode: 'CS-FCR',
  action: '增加高峰时段值守人员',
  department: '客户服务部',
  owner: '黄强',
  dueDate: '2026-12-15',
};

describe('services reject bad input, name the field, and write nothing', () => {
  it('wrong types', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' })) as {
      id: string;
    };
    await rejects(
      wb,
      'measurements:upsert',
      { inspectionId: i.id, standardCode: 'CS-FCR', value: '95.3' },
      'value',
      /number/,
    );
    await rejects(
      wb,
      'standards:create',
      { code: 'X-1', nameZh: '测试', dimension: 'NET', unit: '%', direction: 'up', target: 1, warning: 0 },
      'direction',
      /direction/,
    );
    await rejects(
      wb,
      'inspections:create',
      { branchCode: 'EAST-001', period: '2026-13' },
      'period',
      /YYYY-MM/,
    );
    await rejects(wb, 'actions:create', { ...action, dueDate: '15/12/2026' }, 'dueDate', /dueDate/);
    await rejects(wb, 'regions:create', { code: '', name: '华北区' }, 'code', /code/);
    wb.close();
  });

  it('unknown codes', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    await rejects(
      wb,
      'branches:create',
      { code: 'N-1', name: '北京', regionCode: 'NOWHERE' },
      'regionCode',
      /no region with code NOWHERE/,
    );
    await rejects(
      wb,
      'inspections:create',
      { branchCode: 'EAST-999', period: '2026-10' },
      'branchCode',
      /no branch with code EAST-999/,
    );
    await rejects(
      wb,
      'actions:create',
      { ...action, standardCode: 'XX-NONE' },
      'standardCode',
      /no standard with code XX-NONE/,
    );
    const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' })) as {
      id: string;
    };
    await rejects(
      wb,
      'measurements:upsert',
      { inspectionId: i.id, standardCode: 'XX-NONE', value: 1 },
      'standardCode',
      /XX-NONE/,
    );
    wb.close();
  });

  it('a branch name its region already has, on creating or renaming a branch', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    await rejects(
      wb,
      'branches:create',
      { code: 'EAST-009', name: '上海浦东营业厅', regionCode: 'EAST' },
      'name',
      /branch 上海浦东营业厅 already exists/,
    );
    const second = (await wb.dispatch('branches:list', { q: 'EAST-002' })) as { rows: { id: string }[] };
    await rejects(
      wb,
      'branches:update',
      { id: second.rows[0]!.id, name: '上海浦东营业厅' },
      'name',
      /branch 上海浦东营业厅 already exists/,
    );
    // The same name in another region is another branch; keeping its own name is no clash.
    await wb.dispatch('regions:create', { code: 'NORTH', name: '华北区' });
    await wb.dispatch('branches:create', { code: 'NORTH-001', name: '上海浦东营业厅', regionCode: 'NORTH' });
    await wb.dispatch('branches:update', { id: second.rows[0]!.id, name: '上海徐汇营业厅', code: 'EAST-02' });
    wb.close();
  });

  it('a due date before the action was created', async () => {
    const wb = testWorkbench({ now: '2026-11-02T08:00:00.000Z' });
    await withOrganisation(wb);
    await rejects(
      wb,
      'actions:create',
      { ...action, dueDate: '2026-11-01' },
      'dueDate',
      /due date 2026-11-01 is before the action was created \(2026-11-02\)/,
    );
    const a = (await wb.dispatch('actions:create', action)) as CorrectiveAction;
    await rejects(
      wb,
      'actions:update',
      { id: a.id, dueDate: '2026-10-30' },
      'dueDate',
      /before the action was created/,
    );
    wb.close();
  });

  it('thresholds on the wrong side of the target', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    await rejects(
      wb,
      'standards:update',
      { code: 'CS-FCR', changes: { warning: 90 } },
      'warning',
      /^the warning threshold must lie on the failing side of the target \(Higher is better\)$/,
    );
    const e = (await wb
      .dispatch('standards:update', { code: 'CS-FCR', changes: { warning: 90 } })
      .catch((x) => x)) as AppError;
    expect(e.localized('zh')).toBe('预警值必须位于目标值的不达标一侧（越高越好）');
    wb.close();
  });

  it('a value no unit allows: negative, or a rate more than twice its whole, as an import refuses it', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const { id } = (await wb.dispatch('inspections:create', {
      branchCode: 'EAST-001',
      period: '2026-10',
    })) as {
      id: string;
    };
    // A drop rate of -1% was stored and judged 达标, with an attainment of -50%.
    await rejects(
      wb,
      'measurements:upsert',
      { inspectionId: id, standardCode: 'NET-DCR', value: -1 },
      'value',
      /^value: a negative value is not plausible$/,
    );
    await rejects(
      wb,
      'measurements:upsert',
      { inspectionId: id, standardCode: 'CS-FCR', value: 250 },
      'value',
      /^value: not a plausible value for % \(0–200\)$/,
    );
    const e = (await wb
      .dispatch('measurements:upsert', { inspectionId: id, standardCode: 'CS-FCR', value: 250 })
      .catch((x) => x)) as AppError;
    expect(e.localized('zh')).toBe('数值：对于单位 % 不是合理的数值（0–200）');
    wb.close();
  });

  it('a status jump that skips a state, for actions and inspections', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const a = (await wb.dispatch('actions:create', action)) as CorrectiveAction;
    await rejects(
      wb,
      'actions:setStatus',
      { id: a.id, status: 'done' },
      'status',
      /cannot move from Open to Done; allowed next: In progress/,
    );
    await rejects(
      wb,
      'actions:setStatus',
      { id: a.id, status: 'verified' },
      'status',
      /cannot move from Open to Verified/,
    );
    const i = (await wb.dispatch('inspections:create', { branchCode: 'EAST-001', period: '2026-10' })) as {
      id: string;
    };
    await rejects(
      wb,
      'inspections:setStatus',
      { id: i.id, status: 'approved' },
      'status',
      /cannot move from Draft to Approved/,
    );
    wb.close();
  });

  it('messages are available in Chinese', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const e = (await wb
      .dispatch('inspections:create', { branchCode: 'EAST-999', period: '2026-10' })
      .catch((x) => x)) as AppError;
    expect(e.localized('zh')).toBe('不存在编码为 EAST-999 的网点');
    wb.close();
  });

  it('name things and states in Chinese in a Chinese message', async () => {
    const wb = testWorkbench();
    await withOrganisation(wb);
    const zhOf = (channel: string, input: unknown) =>
      wb.dispatch(channel, input).then(
        () => 'accepted',
        (e: AppError) => e.localized('zh'),
      );
    expect(await zhOf('regions:create', { code: 'EAST', name: '华东二区' })).toBe('区域 EAST 已存在');
    const east = (await wb.dispatch('regions:list', {})) as { id: string; code: string }[];
    expect(await zhOf('regions:delete', { id: east.find((r) => r.code === 'EAST')!.id })).toBe(
      '区域 EAST 仍被 2 个营业厅引用',
    );
    const a = (await wb.dispatch('actions:create', action)) as CorrectiveAction;
    expect(await zhOf('actions:setStatus', { id: a.id, status: 'verified' })).toBe(
      '不能从“未开始”直接变为“已验证”；允许的下一状态：进行中',
    );
    const noId = '00000000-0000-4000-8000-000000000000';
    expect(await zhOf('actions:get', { id: noId })).toBe(`找不到整改措施（${noId}）`);
    wb.close();
  });
});

describe('corrective action lifecycle', () => {
  it('walks open -> in progress -> done -> verified, records the verification, and computes overdue', async () => {
    const wb = testWorkbench({ now: '2026-11-02T08:00:00.000Z' });
    await withOrganisation(wb);
    const a = (await wb.dispatch('actions:create', action)) as CorrectiveAction;
    expect(a).toMatchObject({ status: 'open', overdue: false });
    wb.setNow('2026-12-16T08:00:00.000Z');
    expect(await wb.dispatch('actions:get', { id: a.id })).toMatchObject({ overdue: true });
    const list = (await wb.dispatch('actions:list', { overdue: true })) as { total: number };
    expect(list.total).toBe(1);
    await wb.dispatch('actions:setStatus', { id: a.id, status: 'in_progress' });
    await wb.dispatch('actions:setStatus', { id: a.id, status: 'done' });
    // Verified means effective: not with the target unmet (that is a reopen), nor on a day to come.
    await rejects(
      wb,
      'actions:setStatus',
      { id: a.id, status: 'verified', verificationMet: false },
      'verificationMet',
      /^the re-measurement did not meet the target: reopen the action instead of verifying it$/,
    );
    await rejects(
      wb,
      'actions:setStatus',
      { id: a.id, status: 'verified', verifiedOn: '2027-05-01' },
      'verifiedOn',
      /^the verification date 2027-05-01 is after today$/,
    );
    const verified = (await wb.dispatch('actions:setStatus', {
      id: a.id,
      status: 'verified',
      verificationNote: '11月首问解决率回升至88%',
    })) as CorrectiveAction;
    // Nothing re-measured and nothing said: the target's being met is not known (retest.test.ts).
    expect(verified).toMatchObject({
      status: 'verified',
      verifiedOn: '2026-12-16',
      verificationMet: null,
      overdue: false,
    });
    wb.close();
  });
});

describe('a rejected input says what is wrong in the user language', () => {
  it.each([
    ['regions:create', { code: '', name: '华北区' }, 'code: is required', '编码：必填'],
    ['regions:create', { name: '华北区' }, 'code: is required', '编码：必填'],
    [
      'regions:create',
      { code: 5, name: '华北区' },
      'code: must be a string',
      '编码：类型不正确（应为 string）',
    ],
    [
      'regions:create',
      { code: 'NORTH EAST', name: '东北区' },
      'code: letters, digits, "-", "_" or "." only',
      '编码：只能包含字母、数字、“-”、“_”或“.”',
    ],
    ['plans:get', { id: 'nope' }, 'id: not a valid id', '编号：不是有效的 UUID'],
    [
      'actions:create',
      { ...action, dueDate: '15/12/2026' },
      'dueDate: not a date; write YYYY-MM-DD',
      '完成时限：不是日期，请写为 YYYY-MM-DD',
    ],
    [
      'measurements:list',
      { period: '2026-13' },
      'period: a period is YYYY-MM or YYYY-Qn',
      '期间：应写为 YYYY-MM 或 YYYY-Qn',
    ],
    [
      'plans:export',
      { id: '00000000-0000-4000-8000-000000000000', format: 'xlsx', path: 'plan.pdf' },
      'path: the file name must end in .xlsx for an Excel workbook, or .pdf for a PDF',
      '文件路径：Excel 文件名须以 .xlsx 结尾，PDF 文件名须以 .pdf 结尾',
    ],
    // A mixed or reversed range would find nothing, or the wrong rows (periods order as text).
    [
      'measurements:list',
      { periodFrom: '2026-Q3', periodTo: '2026-09' },
      'periodTo: the range mixes a month and a quarter; write both ends as months or both as quarters',
      '结束期间：范围混用了月份和季度，请两端都写月份，或都写季度',
    ],
    [
      'export:run',
      { kind: 'measurements', path: 'x.csv', filters: { periodFrom: '2026-10', periodTo: '2026-07' } },
      'filters.periodTo: the range ends before it starts',
      '结束期间：范围的结束早于开始',
    ],
    [
      'export:run',
      { kind: 'inspections', path: 'x.csv' },
      /^kind: one of standards, measurements, .*$/,
      /^kind：应为以下之一：standards, measurements, .*$/,
    ],
    [
      'regions:create',
      { code: 'N', name: '北'.repeat(201) },
      /^name: at most \d+ characters$/,
      /^名称：最多 \d+ 个字符$/,
    ],
  ])('%s, case %#', async (channel, input, en, zh) => {
    const wb = testWorkbench();
    try {
      const error = (await wb.dispatch(channel, input).catch((e: unknown) => e)) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.kind).toBe('invalid');
      expect(error.localized('en')).toMatch(typeof en === 'string' ? new RegExp(`^${escape(en)}$`) : en);
      expect(error.localized('zh')).toMatch(typeof zh === 'string' ? new RegExp(`^${escape(zh)}$`) : zh);
    } finally {
      wb.close();
    }
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
