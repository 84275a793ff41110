/**
 * A contract validation issue (zod's) as a detail in both languages, for the field's error
 * message: zod's own texts are English only, and a workbench user reads Chinese first. The
 * schemas' own refinements give zod a key of MESSAGES as their message (`check('periodFormat')`).
 */
import type { z } from 'zod';
import { MESSAGES, type Bilingual, type MessageKey } from './messages';

/** The message a schema's refinement gives zod: a key of MESSAGES, so a misspelt one does not compile. */
export const check = (key: MessageKey): string => key;

const isMessageKey = (message: string): message is MessageKey => Object.hasOwn(MESSAGES, message);

const FORMATS: Record<string, Bilingual> = {
  uuid: { en: 'not a valid id', zh: '不是有效的 UUID' },
  guid: { en: 'not a valid id', zh: '不是有效的 UUID' },
  date: { en: 'not a date; write YYYY-MM-DD', zh: '不是日期，请写为 YYYY-MM-DD' },
  datetime: { en: 'not a date and time', zh: '不是日期时间' },
  email: { en: 'not an e-mail address', zh: '不是电子邮件地址' },
};

/**
 * The fields people fill in, by their contract key, as the pages label them in Chinese; other
 * keys (and English) keep the key. A nested path is named by its last key (`filters.periodTo`).
 */
const FIELD_ZH: Record<string, string> = {
  code: '编码',
  name: '名称',
  nameZh: '中文名称',
  nameEn: '英文名称',
  regionCode: '区域编码',
  branchCode: '营业厅编码',
  standardCode: '标准编码',
  period: '期间',
  periodFrom: '起始期间',
  periodTo: '结束期间',
  dimension: '维度',
  unit: '单位',
  direction: '方向',
  target: '目标值',
  warning: '预警值',
  weight: '权重',
  effectiveFrom: '生效日期',
  value: '数值',
  notes: '备注',
  inspector: '检查人',
  finding: '发现的问题',
  action: '整改措施',
  department: '责任部门',
  owner: '责任人',
  dueDate: '完成时限',
  userName: '用户名',
  path: '文件路径',
  scope: '范围',
  stage: '阶段',
  /** A gap of a plan, by its key (plans:confirmActions). */
  key: '差距',
  id: '编号',
};

export function fieldName(path: string): Bilingual {
  const last = path.split('.').at(-1) ?? path;
  return { en: path, zh: FIELD_ZH[last] ?? path };
}

/** `issue.input` is there when parsed with `{ reportInput: true }`, as the contract's boundary does. */
export function issueDetail(issue: z.core.$ZodIssue): Bilingual {
  if (isMessageKey(issue.message)) return MESSAGES[issue.message];
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? MESSAGES.required
        : { en: `must be a ${issue.expected}`, zh: `类型不正确（应为 ${issue.expected}）` };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1 ? MESSAGES.required : { en: `at least ${min} characters`, zh: `至少 ${min} 个字符` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { en: `at least ${min} items`, zh: `至少 ${min} 项` };
      return issue.inclusive === false
        ? { en: `more than ${min}`, zh: `应大于 ${min}` }
        : { en: `at least ${min}`, zh: `不能小于 ${min}` };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { en: `at most ${max} characters`, zh: `最多 ${max} 个字符` };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { en: `at most ${max} items`, zh: `最多 ${max} 项` };
      return issue.inclusive === false
        ? { en: `less than ${max}`, zh: `应小于 ${max}` }
        : { en: `at most ${max}`, zh: `不能大于 ${max}` };
    }
    case 'invalid_format':
      return FORMATS[issue.format] ?? { en: 'not in the expected form', zh: '格式不正确' };
    case 'invalid_value': {
      const values = issue.values.map(String).join(', ');
      return { en: `one of ${values}`, zh: `应为以下之一：${values}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return { en: `unknown ${keys}`, zh: `无法识别的字段：${keys}` };
    }
    default:
      // Unions, keys of records, multiples: rare at this boundary, said as zod says them.
      return { en: issue.message, zh: issue.message };
  }
}
