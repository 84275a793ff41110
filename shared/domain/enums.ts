/** Closed vocabularies of the domain, with the transitions services enforce. */
import type { Bilingual } from '../messages';

export const INSPECTION_KINDS = [
  'self_assessment',
  'regional_audit',
  'third_party',
  'mystery_shopper',
  'network_test',
  'complaint_review',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export const INSPECTION_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];

/** Approval can be withdrawn back to draft for correction; nothing skips submission. */
export const INSPECTION_TRANSITIONS: Record<InspectionStatus, readonly InspectionStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: ['draft'],
};

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'verified', 'reopened'] as const;
/** An action still being worked on: what a new one on the same branch and standard may repeat. */
export const UNFINISHED_ACTION_STATUSES = ['open', 'in_progress', 'reopened'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** domain.md: open -> in progress -> done -> verified (effective) or reopened. */
export const ACTION_TRANSITIONS: Record<ActionStatus, readonly ActionStatus[]> = {
  open: ['in_progress'],
  in_progress: ['done'],
  done: ['verified', 'reopened'],
  reopened: ['in_progress'],
  verified: [],
};

export function canTransition<S extends string>(table: Record<S, readonly S[]>, from: S, to: S): boolean {
  return from === to || table[from].includes(to);
}

export const ROOT_CAUSE_CATEGORIES = [
  'people',
  'process',
  'network',
  'product',
  'environment',
  'measurement',
] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];

export const STANDARD_SOURCES = ['national', 'industry', 'group', 'local'] as const;
export type StandardSource = (typeof STANDARD_SOURCES)[number];

export const SCOPE_TYPES = ['all', 'region', 'branch'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const PLAN_STAGES = ['plan', 'do', 'check', 'act', 'closed'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];
export const PLAN_TRANSITIONS: Record<PlanStage, readonly PlanStage[]> = {
  plan: ['do'],
  do: ['check'],
  check: ['act', 'do'],
  act: ['closed'],
  closed: [],
};

/** The label people see for each value, zh-CN first: used by exports, the CLI and the UI. */
export const LABELS: Record<string, { zh: string; en: string }> = {
  self_assessment: { zh: '自评', en: 'Self-assessment' },
  regional_audit: { zh: '区域检查', en: 'Regional audit' },
  third_party: { zh: '第三方评估', en: 'Third-party assessment' },
  mystery_shopper: { zh: '神秘顾客', en: 'Mystery shopper' },
  network_test: { zh: '网络测试', en: 'Network test' },
  complaint_review: { zh: '投诉复核', en: 'Complaint review' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  approved: { zh: '已审核', en: 'Approved' },
  open: { zh: '未开始', en: 'Open' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  verified: { zh: '已验证', en: 'Verified' },
  reopened: { zh: '重新打开', en: 'Reopened' },
  people: { zh: '人员', en: 'People' },
  process: { zh: '流程', en: 'Process' },
  network: { zh: '网络与系统', en: 'Network and systems' },
  product: { zh: '产品与资费', en: 'Product and pricing' },
  environment: { zh: '环境', en: 'Environment' },
  measurement: { zh: '测量', en: 'Measurement' },
  higher: { zh: '越高越好', en: 'Higher is better' },
  lower: { zh: '越低越好', en: 'Lower is better' },
  pass: { zh: '达标', en: 'Pass' },
  warning: { zh: '预警', en: 'Warning' },
  fail: { zh: '不达标', en: 'Fail' },
  observation: { zh: '观察', en: 'Observation' },
  national: { zh: '国家标准', en: 'National standard' },
  industry: { zh: '行业标准', en: 'Industry standard' },
  group: { zh: '集团规范', en: 'Group rule' },
  local: { zh: '本地规范', en: 'Local rule' },
  plan: { zh: '计划', en: 'Plan' },
  do: { zh: '执行', en: 'Do' },
  check: { zh: '检查', en: 'Check' },
  act: { zh: '处理', en: 'Act' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** A value's label in both languages, for a message; a value without one stands as itself. */
export const labelOf = (value: string): Bilingual => LABELS[value] ?? { en: value, zh: value };
