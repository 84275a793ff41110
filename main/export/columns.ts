import type { ActionExportRow, BranchExportRow, MeasurementExportRow } from '../repositories/export';
import type { Standard } from '../../shared/schemas/standard';
import type { PlanListItem, Review } from '../../shared/contracts/plans';

/**
 * The columns of each entity export: canonical key (exchange-format.md, the .csv header and
 * `--headers keys`), the zh-CN header people type (one of the importer's aliases, so an
 * exported file imports with no mapping step), the English header, and how to read the value.
 */
export type ColumnKind =
  | 'text'
  | 'number' // formatted by the row's unit
  | 'plain' // a number without unit format (weight, version)
  | 'ratio' // 0..1.2 shown as a percentage
  | 'date'
  | 'label' // a closed vocabulary: labels in .xlsx, canonical values in .csv and keys mode
  | 'dimension'
  | 'verdict'
  | 'flag';

export interface Column<R> {
  key: string;
  zh: string;
  en: string;
  kind: ColumnKind;
  get: (r: R) => string | number | null;
  /** For `number` columns: the unit that picks the number format. */
  unit?: (r: R) => string;
}

const col = <R>(
  key: string,
  zh: string,
  en: string,
  kind: ColumnKind,
  get: (r: R) => string | number | null,
  unit?: (r: R) => string,
): Column<R> => ({
  key,
  zh,
  en,
  kind,
  get,
  unit,
});

export const MEASUREMENT_COLUMNS: Column<MeasurementExportRow>[] = [
  col('region_code', '区域编码', 'Region code', 'text', (r) => r.regionCode),
  col('region_name', '区域', 'Region', 'text', (r) => r.regionName),
  col('branch_code', '网点编码', 'Branch code', 'text', (r) => r.branchCode),
  col('branch_name', '网点名称', 'Branch', 'text', (r) => r.branchName),
  col('period', '期间', 'Period', 'text', (r) => r.period),
  col('standard_code', '指标编码', 'KPI code', 'text', (r) => r.standardCode),
  col('standard_name', '指标名称', 'KPI', 'text', (r) => r.standardName),
  col('unit', '单位', 'Unit', 'text', (r) => r.unit),
  col(
    'value',
    '实测值',
    'Value',
    'number',
    (r) => r.value,
    (r) => r.unit,
  ),
  // Reference columns, not inputs: labelled so the importer does not take a measurement sheet
  // (指标编码 + 目标值 + 预警值) for a sheet of standards.
  col(
    'target',
    '指标目标值',
    'Target',
    'number',
    (r) => r.target,
    (r) => r.unit,
  ),
  col(
    'warning',
    '指标预警值',
    'Warning',
    'number',
    (r) => r.warning,
    (r) => r.unit,
  ),
  col('verdict', '结论', 'Verdict', 'verdict', (r) => r.verdict),
  col(
    'gap',
    '差距',
    'Gap',
    'number',
    (r) => r.gap,
    (r) => r.unit,
  ),
  col('attainment', '达成率', 'Attainment', 'ratio', (r) => r.attainment),
  col('inspection_type', '检查类型', 'Inspection type', 'label', (r) => r.kind),
  col('inspector', '检查人', 'Inspector', 'text', (r) => r.inspector),
  col('inspected_on', '检查日期', 'Inspected on', 'date', (r) => r.inspectedOn),
  col('notes', '备注', 'Notes', 'text', (r) => r.notes),
];

export const STANDARD_COLUMNS: Column<Standard>[] = [
  col('code', '指标编码', 'Code', 'text', (s) => s.code),
  col('name_zh', '指标名称', 'Name (zh)', 'text', (s) => s.nameZh),
  col('name_en', '英文名称', 'Name (en)', 'text', (s) => s.nameEn),
  col('dimension', '维度', 'Dimension', 'dimension', (s) => s.dimension),
  col('unit', '单位', 'Unit', 'text', (s) => s.unit),
  col('direction', '方向', 'Direction', 'label', (s) => s.direction),
  col(
    'target',
    '目标值',
    'Target',
    'number',
    (s) => s.target,
    (s) => s.unit,
  ),
  col(
    'warning',
    '预警值',
    'Warning',
    'number',
    (s) => s.warning,
    (s) => s.unit,
  ),
  col('weight', '权重', 'Weight', 'plain', (s) => s.weight),
  col('method', '测量方法', 'Method', 'text', (s) => s.method),
  col('source', '来源', 'Source', 'label', (s) => s.source),
  col('effective_from', '生效日期', 'Effective from', 'date', (s) => s.effectiveFrom),
  col('version', '版本', 'Version', 'plain', (s) => s.version),
];

export const ACTION_COLUMNS: Column<ActionExportRow>[] = [
  col('id', '编号', 'ID', 'text', (a) => a.id),
  col('branch_code', '网点编码', 'Branch code', 'text', (a) => a.branchCode),
  col('branch_name', '网点名称', 'Branch', 'text', (a) => a.branchName),
  col('standard_code', '指标编码', 'KPI code', 'text', (a) => a.standardCode),
  col('finding', '问题描述', 'Finding', 'text', (a) => a.finding),
  col('root_cause_category', '原因类别', 'Root cause category', 'label', (a) => a.rootCauseCategory),
  col('root_cause', '原因分析', 'Root cause', 'text', (a) => a.rootCause),
  col('action', '整改措施', 'Action', 'text', (a) => a.action),
  col('department', '责任部门', 'Department', 'text', (a) => a.department),
  col('owner', '责任人', 'Owner', 'text', (a) => a.owner),
  col('due_date', '完成时限', 'Due date', 'date', (a) => a.dueDate),
  col('status', '状态', 'Status', 'label', (a) => a.status),
  col('overdue', '是否逾期', 'Overdue', 'flag', (a) => a.overdue),
  col('verified_on', '验证日期', 'Verified on', 'date', (a) => a.verifiedOn),
  col('verification_note', '验证说明', 'Verification note', 'text', (a) => a.verificationNote),
];

export const BRANCH_COLUMNS: Column<BranchExportRow>[] = [
  col('region_code', '区域编码', 'Region code', 'text', (b) => b.regionCode),
  col('region_name', '区域名称', 'Region', 'text', (b) => b.regionName),
  col('branch_code', '网点编码', 'Branch code', 'text', (b) => b.branchCode),
  col('branch_name', '网点名称', 'Branch', 'text', (b) => b.branchName),
];

const scopeText = (s: { type: string; code?: string }): string =>
  s.type === 'all' ? 'all' : `${s.type}:${s.code}`;

export const PLAN_COLUMNS: Column<PlanListItem>[] = [
  col('id', '编号', 'ID', 'text', (p) => p.id),
  col('scope', '范围', 'Scope', 'text', (p) => scopeText(p.scope)),
  col('period', '期间', 'Period', 'text', (p) => p.period),
  col('stage', '阶段', 'Stage', 'label', (p) => p.stage),
  col('title', '标题', 'Title', 'text', (p) => p.title),
  col('gap_count', '差距项数', 'Gaps', 'plain', (p) => p.gapCount),
  col('created_at', '创建日期', 'Created', 'date', (p) => p.createdAt.slice(0, 10)),
  col('updated_at', '更新日期', 'Updated', 'date', (p) => p.updatedAt.slice(0, 10)),
];

export const REVIEW_COLUMNS: Column<Review>[] = [
  col('id', '编号', 'ID', 'text', (r) => r.id),
  col('scope', '范围', 'Scope', 'text', (r) => scopeText(r.scope)),
  col('period', '期间', 'Period', 'text', (r) => r.period),
  col('title', '标题', 'Title', 'text', (r) => r.title),
  col('decisions', '评审决定', 'Decisions', 'text', (r) => r.decisions),
  col('objectives', '下期目标', 'Objectives', 'text', (r) => r.objectives),
  col('created_at', '创建日期', 'Created', 'date', (r) => r.createdAt.slice(0, 10)),
  col('updated_at', '更新日期', 'Updated', 'date', (r) => r.updatedAt.slice(0, 10)),
];

/** The number format of a unit: `%` and `‱` values are stored as 95.3, shown "95.30%". */
export function unitFormat(unit: string): string {
  if (unit === '%' || unit === '‱') return `0.00"${unit}"`;
  return '0.00';
}
