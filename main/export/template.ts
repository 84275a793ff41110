import path from 'node:path';
import type { ExportFilters, ExportOutcome, TemplateKind } from '../../shared/contracts/export';
import {
  ACTION_STATUSES,
  INSPECTION_KINDS,
  ROOT_CAUSE_CATEGORIES,
  STANDARD_SOURCES,
  labelOf,
} from '../../shared/domain/enums';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import { isPeriod, periodKind } from '../../shared/domain/period';
import { AppError } from '../../shared/errors';
import { messageOf } from '../../shared/messages';
import { fieldName } from '../../shared/validation';
import { listStandards } from '../repositories/standards';
import { listRegions } from '../repositories/organisation';
import { iterateBranches, knownDepartments } from '../repositories/export';
import { scopeFromCode } from '../plans/scope';
import { scopeName } from '../repositories/plans';
import type { ServiceContext } from '../services/context';
import { writeAtomically } from '../platform/atomic-write';
import { XlsxWriter, columnLetter, sheetRef, type Validation } from './xlsx-writer';
import { DATE_FORMAT } from './styles';

/**
 * Fill-in templates: the workbook a region sends its branches to complete. Headers are the
 * importer's zh-CN aliases, so the returned file imports with no mapping step; closed lists
 * (codes, dimensions, statuses, departments) are dropdowns fed from a hidden `_lists` sheet
 * built from this database; every column carries an input hint; `说明` explains the rest.
 * A measurement template for a region and a period is wide and pre-filled, one row per
 * branch, one column per standard; without them it is long (one row per value).
 */
const LISTS = '_lists';
const INPUT_ROWS = 1000;

interface TemplateColumn {
  header: string;
  hint: string;
  /** Name of a list on `_lists`, for a dropdown. */
  list?: string;
  date?: boolean;
  width?: number;
}

interface TemplateSpec {
  sheet: string;
  title?: string;
  columns: TemplateColumn[];
  rows: (string | number | null)[][];
  instructions: string[];
}

const labelsOf = (values: readonly string[]) => values.map((v) => labelOf(v).zh);

function lists(
  ctx: ServiceContext,
  scope: { regionCode?: string; branchCode?: string },
): Map<string, string[]> {
  const standards = listStandards(ctx.db, { history: false });
  const branches = [...iterateBranches(ctx.db, { ...scope, sort: [] })];
  return new Map(
    Object.entries({
      网点编码: branches.map((b) => b.branchCode),
      区域编码: listRegions(ctx.db).map((r) => r.code),
      指标编码: standards.map((s) => s.code),
      维度: DIMENSIONS.map((d) => d.nameZh),
      方向: labelsOf(['higher', 'lower']),
      来源: labelsOf(STANDARD_SOURCES),
      状态: labelsOf(ACTION_STATUSES),
      原因类别: labelsOf(ROOT_CAUSE_CATEGORIES),
      检查类型: labelsOf(INSPECTION_KINDS),
      责任部门: knownDepartments(ctx.db),
    }).filter(([, values]) => values.length > 0),
  );
}

const COMMON_STEPS = [
  '1. 在第一个工作表中填写数据，每行一条记录；请勿修改、删除或移动表头行。',
  '2. 带下拉箭头的单元格请从列表中选择；列表来自质量工作台的数据库，列表外的值导入时会被报告而不会写入。',
  '3. 选中单元格时会显示填写提示。日期请填写为 2026-10-05 形式；期间填写为 2026-10（月）或 2026-Q3（季度）。',
  '4. 百分比指标直接填写数值，如 95.3 表示 95.3%；无数据请留空，不要填 0。',
  '5. 填好后发回区域质量管理部，由其在质量工作台中导入（菜单“导入”，或命令 qms import 文件名）。',
];

function specOf(ctx: ServiceContext, kind: TemplateKind, filters: ExportFilters): TemplateSpec {
  switch (kind) {
    case 'standards':
      return {
        sheet: '服务质量标准',
        columns: [
          { header: '指标编码', hint: '如 NET-DCR：字母、数字和 - _ .', width: 14 },
          { header: '指标名称', hint: '中文名称，如 掉话率', width: 22 },
          { header: '英文名称', hint: '可选', width: 24 },
          { header: '维度', hint: '从列表选择六个质量维度之一', list: '维度' },
          { header: '单位', hint: '如 %、‱、分钟、小时、分' },
          { header: '方向', hint: '越高越好 或 越低越好', list: '方向' },
          { header: '目标值', hint: '达标的界限值（数字）' },
          { header: '预警值', hint: '越高越好时低于目标值；越低越好时高于目标值' },
          { header: '权重', hint: '综合得分中的权重，默认 1' },
          { header: '测量方法', hint: '可选：如何测量', width: 24 },
          { header: '来源', hint: '可选：国家标准、行业标准、集团规范或本地规范', list: '来源' },
          { header: '生效日期', hint: '可选：如 2026-01-01', date: true },
        ],
        rows: [],
        instructions: ['本模板用于新增或修订服务质量标准（指标）。修改目标值或预警值会生成该指标的新版本。'],
      };
    case 'branches':
      return {
        sheet: '网点清单',
        columns: [
          { header: '区域编码', hint: '从列表选择已有区域，或填写新区域编码', list: '区域编码' },
          { header: '区域名称', hint: '如 华东区', width: 14 },
          { header: '网点编码', hint: '如 EAST-001，全局唯一', width: 14 },
          { header: '网点名称', hint: '如 上海浦东营业厅', width: 22 },
        ],
        rows: [],
        instructions: ['本模板用于新增网点（营业厅）或更新其名称和所属区域。'],
      };
    case 'actions':
      return {
        sheet: '整改措施',
        columns: [
          { header: '网点编码', hint: '从列表选择网点', list: '网点编码', width: 14 },
          { header: '指标编码', hint: '可选：整改针对的指标', list: '指标编码', width: 12 },
          { header: '问题描述', hint: '发现的问题', width: 30 },
          { header: '原因类别', hint: '人员、流程、网络与系统、产品与资费、环境、测量', list: '原因类别' },
          { header: '原因分析', hint: '根本原因', width: 24 },
          { header: '整改措施', hint: '要做什么', width: 30 },
          { header: '责任部门', hint: '从列表选择责任部门', list: '责任部门', width: 14 },
          { header: '责任人', hint: '姓名' },
          { header: '完成时限', hint: '如 2026-12-31', date: true, width: 12 },
          { header: '状态', hint: '未开始、进行中、已完成……', list: '状态' },
        ],
        rows: [],
        instructions: ['本模板用于登记纠正措施（整改项）。逾期由系统根据完成时限计算，无需填写。'],
      };
    case 'measurements':
      return measurementSpec(ctx, filters);
  }
}

function measurementSpec(ctx: ServiceContext, f: ExportFilters): TemplateSpec {
  const scope = scopeFromCode(ctx, f.scope);
  const period = f.period;
  if (period && scope.type !== 'all') {
    // Wide: one pre-filled row per branch of the scope, one column per current standard.
    const standards = listStandards(ctx.db, { history: false });
    const org = scope.type === 'region' ? { regionCode: scope.code } : { branchCode: scope.code };
    const branches = [...iterateBranches(ctx.db, { ...org, sort: [] })];
    const title = `${periodTitle(period)}${scopeName(ctx.db, scope) ?? ''}营业厅服务质量检查汇总表`;
    return {
      sheet: periodTitle(period),
      title,
      columns: [
        { header: '区域编码', hint: '已预填，请勿修改' },
        { header: '区域', hint: '已预填，请勿修改' },
        { header: '网点编码', hint: '已预填；新增网点请从列表选择', list: '网点编码', width: 14 },
        { header: '网点名称', hint: '已预填', width: 20 },
        { header: '期间', hint: `已预填为 ${period}` },
        ...standards.map((s) => ({
          header: `${s.nameZh}(${s.unit})`,
          hint: `${s.code}：${labelOf(s.direction).zh}，目标 ${s.target}，预警 ${s.warning}（${s.unit}）`,
          width: 12,
        })),
      ],
      rows: branches.map((b) => [b.regionCode, b.regionName, b.branchCode, b.branchName, period]),
      instructions: [
        `本模板为 ${title}：每个网点一行，每个指标一列，请在指标列中填写实测值。`,
        '表头中的括号为单位；选中单元格可查看该指标的方向、目标值和预警值。',
      ],
    };
  }
  return {
    sheet: '检查结果',
    columns: [
      { header: '网点编码', hint: '从列表选择网点', list: '网点编码', width: 14 },
      { header: '期间', hint: period ? `如 ${period}` : '如 2026-10 或 2026-Q3' },
      { header: '指标编码', hint: '从列表选择指标', list: '指标编码', width: 12 },
      { header: '实测值', hint: '数字；百分比填 95.3 表示 95.3%；无数据留空' },
      { header: '检查类型', hint: '默认自评', list: '检查类型' },
      { header: '检查人', hint: '可选' },
      { header: '检查日期', hint: '可选：如 2026-10-05', date: true, width: 12 },
      { header: '备注', hint: '可选', width: 20 },
    ],
    rows: [],
    instructions: ['本模板每行填写一个网点、一个期间、一个指标的实测值。'],
  };
}

function periodTitle(p: string): string {
  if (!isPeriod(p)) return p;
  const [year, rest] = p.split('-');
  return periodKind(p) === 'month' ? `${year}年${Number(rest)}月` : `${year}年第${rest!.slice(1)}季度`;
}

export async function exportTemplate(
  ctx: ServiceContext,
  req: { kind: TemplateKind; path: string; filters: ExportFilters },
): Promise<ExportOutcome> {
  if (path.extname(req.path).toLowerCase() !== '.xlsx') {
    throw new AppError(
      'unsupported',
      'invalidField',
      { field: fieldName('path'), detail: messageOf('templateXlsx') },
      'path',
    );
  }
  const scope = scopeFromCode(ctx, req.filters.scope);
  const org =
    scope.type === 'region'
      ? { regionCode: scope.code }
      : scope.type === 'branch'
        ? { branchCode: scope.code }
        : {};
  const available = lists(ctx, org);
  const spec = specOf(ctx, req.kind, req.filters);
  const listNames = [...available.keys()];
  const headerRow = spec.title ? 2 : 1;
  const lastRow = headerRow + spec.rows.length + INPUT_ROWS;
  const validations: Validation[] = spec.columns.map((c, i) => {
    const letter = columnLetter(i);
    const listIndex = c.list ? listNames.indexOf(c.list) : -1;
    const ref = `${letter}${headerRow + 1}:${letter}${lastRow}`;
    if (listIndex < 0) return { ref, promptTitle: c.header, prompt: c.hint };
    const col = columnLetter(listIndex);
    const n = available.get(c.list!)!.length;
    return {
      ref,
      promptTitle: c.header,
      prompt: c.hint,
      list: `${sheetRef(LISTS)}!$${col}$2:$${col}$${n + 1}`,
    };
  });
  await writeAtomically(req.path, async (temp) => {
    const out = new XlsxWriter(temp, {
      created: ctx.now(),
      creator: ctx.user,
      title: spec.title ?? spec.sheet,
    });
    try {
      const date = out.style({ numFmt: DATE_FORMAT });
      const sheet = await out.addSheet({
        name: spec.sheet,
        titleRows: spec.title ? [spec.title] : undefined,
        columns: spec.columns.map((c) => ({ header: c.header, style: c.date ? date : 0, minWidth: c.width })),
        validations,
      });
      for (const r of spec.rows) await sheet.row(r);
      const guide = await out.addSheet({
        name: '说明',
        columns: [{ header: '填写说明', minWidth: 100 }],
        autoFilter: false,
      });
      for (const line of [...spec.instructions, '', ...COMMON_STEPS]) await guide.row([line]);
      const listSheet = await out.addSheet({
        name: LISTS,
        columns: listNames.map((header) => ({ header })),
        hidden: true,
        autoFilter: false,
      });
      const longest = Math.max(0, ...[...available.values()].map((v) => v.length));
      for (let i = 0; i < longest; i++)
        await listSheet.row(listNames.map((name) => available.get(name)![i] ?? null));
      await out.finish();
    } catch (e) {
      out.abort();
      throw e;
    }
  });
  return { path: path.resolve(req.path), rows: spec.rows.length };
}
