/**
 * Messages that cross the contract (errors, report lines), in both languages.
 * Keys are stable so the UI, the CLI and tests can refer to them; `{name}` is replaced.
 */
export type Lang = 'zh' | 'en';

export const MESSAGES = {
  invalidField: { en: '{field}: {detail}', zh: '{field}：{detail}' },
  jobRunning: { en: 'job {jobId} is already running', zh: '任务 {jobId} 正在运行' },
  cancelled: { en: 'cancelled by the user; nothing was written', zh: '已由用户取消，未写入任何数据' },
  required: { en: 'is required', zh: '必填' },
  unknownRegion: { en: 'no region with code {code}', zh: '不存在编码为 {code} 的区域' },
  unknownBranch: { en: 'no branch with code {code}', zh: '不存在编码为 {code} 的网点' },
  unknownStandard: { en: 'no standard with code {code}', zh: '不存在编码为 {code} 的标准' },
  unknownDimension: { en: 'no dimension {code}', zh: '不存在维度 {code}' },
  notFound: { en: 'no {entity} with id {id}', zh: '找不到{entity}（{id}）' },
  duplicate: { en: '{entity} {key} already exists', zh: '{entity} {key} 已存在' },
  thresholdsOrder: {
    en: 'the warning threshold must lie on the failing side of the target ({direction} is better)',
    zh: '预警值必须位于目标值的不达标一侧（{direction}）',
  },
  dueBeforeCreation: {
    en: 'the due date {due} is before the action was created ({created})',
    zh: '完成时限 {due} 早于措施创建日期 {created}',
  },
  statusJump: {
    en: 'cannot move from {from} to {to}; allowed next: {allowed}',
    zh: '不能从“{from}”直接变为“{to}”；允许的下一状态：{allowed}',
  },
  versionTaken: {
    en: 'standard {code} already has a version effective {date} with measurements judged by it; give a later effective date',
    zh: '标准 {code} 在 {date} 生效的版本已被检查数据引用，请指定更晚的生效日期',
  },
  inUse: {
    en: '{entity} {key} is still referenced by {count} {by}',
    zh: '{entity} {key} 仍被 {count} 条{by}引用',
  },
  dbTooNew: {
    en: 'the database is schema version {found}, newer than this program understands ({known}). Install the newer Quality Workbench, or open another database',
    zh: '数据库结构版本为 {found}，高于本程序支持的版本（{known}）。请安装更新的质量工作台，或打开其他数据库',
  },
  dbNotDatabase: {
    en: 'not a Quality Workbench database ({detail}). Check the path, or give a new file name to create one',
    zh: '不是质量工作台数据库（{detail}）。请检查路径，或指定新文件名以创建数据库',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

export function formatMessage(key: MessageKey, params: MessageParams = {}, lang: Lang = 'en'): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}
