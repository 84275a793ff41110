import { foldText } from './text';

/**
 * Canonical column keys (exchange-format.md) and the headers people type for them, in
 * zh-CN, zh-TW and English. Headers are compared after `foldText`, so width, case, line
 * breaks, unit suffixes and traditional characters need no entries of their own (the zh-TW
 * spellings stay listed, as the contract shows them).
 */
export const KEY_ALIASES = {
  // organisation
  region_code: [
    '区域编码',
    '区域代码',
    '地市编码',
    '分公司编码',
    '區域編碼',
    'region code',
    'region_code',
    'region id',
  ],
  region_name: [
    '区域',
    '区域名称',
    '地市',
    '分公司',
    '所属区域',
    '區域',
    '區域名稱',
    'region',
    'region name',
    'region_name',
  ],
  branch_code: [
    '网点编码',
    '营业厅编码',
    '网点代码',
    '营业厅代码',
    '厅店编码',
    '網點編碼',
    '營業廳編碼',
    'branch code',
    'branch_code',
    'outlet id',
    'outlet code',
  ],
  branch_name: [
    '网点名称',
    '营业厅',
    '营业厅名称',
    '网点',
    '厅店名称',
    '網點名稱',
    '營業廳',
    'branch',
    'branch name',
    'branch_name',
    'outlet',
    'outlet name',
  ],
  // measurements
  period: [
    '期间',
    '月份',
    '统计周期',
    '考核月份',
    '考核周期',
    '统计月份',
    '期間',
    '統計週期',
    'period',
    'month',
  ],
  standard_code: [
    '指标编码',
    '标准编码',
    '指标代码',
    '指標編碼',
    '標準編碼',
    'kpi code',
    'standard',
    'standard code',
    'standard_code',
  ],
  standard_name: [
    '指标名称',
    '指标',
    '标准名称',
    '指標名稱',
    'kpi',
    'kpi name',
    'standard name',
    'standard_name',
  ],
  value: [
    '实测值',
    '测量值',
    '实际值',
    '完成值',
    '实测',
    '實測值',
    '測量值',
    '實際值',
    'value',
    'actual',
    'measured',
  ],
  inspection_type: ['检查类型', '检查方式', '评估类型', '檢查類型', 'inspection type', 'inspection_type'],
  inspector: ['检查人', '检查员', '评估人', '檢查人', 'inspector'],
  inspected_on: [
    '检查日期',
    '检查时间',
    '評估日期',
    '檢查日期',
    'inspected on',
    'inspection date',
    'inspected_on',
  ],
  notes: ['备注', '说明', '備註', 'notes', 'note', 'remark', 'remarks'],
  // standards
  code: ['指标编码', '标准编码', '编码', '指標編碼', '標準編碼', 'code', 'kpi code', 'standard code'],
  name_zh: [
    '指标名称',
    '标准名称',
    '名称',
    '中文名称',
    '指標名稱',
    '標準名稱',
    'name',
    'name_zh',
    'chinese name',
  ],
  name_en: ['英文名称', '英文名', '英文名稱', 'english name', 'name_en', 'name (en)'],
  dimension: ['维度', '构成因素', '质量维度', '維度', 'dimension'],
  unit: ['单位', '計量單位', '单位名称', '單位', 'unit'],
  direction: ['方向', '极性', '指标方向', '極性', 'direction', 'polarity'],
  target: ['目标值', '标准值', '目标', '目標值', '標準值', 'target'],
  warning: ['预警值', '警戒值', '预警线', '預警值', 'warning', 'threshold', 'warning threshold'],
  weight: ['权重', '權重', 'weight'],
  method: ['测量方法', '计算方法', '统计口径', '測量方法', 'method'],
  source: ['来源', '依据', '來源', 'source'],
  effective_from: ['生效日期', '生效时间', '生效日期', 'effective from', 'effective_from'],
  // actions
  id: ['id', '编号', '措施编号', '編號'],
  finding: ['问题描述', '发现问题', '问题', '問題描述', 'finding', 'issue'],
  root_cause_category: ['原因类别', '原因分类', '原因類別', 'root cause category', 'root_cause_category'],
  root_cause: ['原因分析', '根本原因', '原因', '原因分析', 'root cause', 'root_cause'],
  action: ['整改措施', '改进措施', '措施', '整改措施', 'action', 'corrective action'],
  department: ['责任部门', '責任部門', 'department', 'dept'],
  owner: ['责任人', '責任人', 'owner', 'responsible'],
  due_date: ['完成时限', '截止日期', '时间节点', '完成時限', 'due date', 'due_date', 'deadline'],
  status: ['状态', '进展', '狀態', 'status'],
  verified_on: ['验证日期', '驗證日期', 'verified on', 'verified_on'],
  verification_note: ['验证说明', '验证情况', '驗證說明', 'verification note', 'verification_note'],
} as const;

export type ColumnKey = keyof typeof KEY_ALIASES;
export const COLUMN_KEYS = Object.keys(KEY_ALIASES) as ColumnKey[];

const byFolded = new Map<string, ColumnKey[]>();
for (const key of COLUMN_KEYS) {
  for (const alias of [key, ...KEY_ALIASES[key]]) {
    const folded = foldText(alias);
    const keys = byFolded.get(folded) ?? [];
    if (!keys.includes(key)) keys.push(key);
    byFolded.set(folded, keys);
  }
}

/** Every key a header could mean (one header can mean `code` on a standards sheet, `standard_code` elsewhere). */
export function keysForHeader(header: string): readonly ColumnKey[] {
  let keys = seen.get(header);
  if (!keys) {
    keys = byFolded.get(foldText(header)) ?? [];
    if (seen.size < 10_000) seen.set(header, keys);
  }
  return keys;
}
const seen = new Map<string, readonly ColumnKey[]>();

export function isColumnKey(s: string): s is ColumnKey {
  return Object.prototype.hasOwnProperty.call(KEY_ALIASES, s);
}
