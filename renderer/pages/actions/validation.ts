/**
 * The action form checks each field with the contract's own zod schema (ActionCreate), so the
 * form refuses exactly what actions:create would, and says why in the page's language.
 */
import type { z } from 'zod';
import type { Lang } from '../../../shared/messages';
import { ActionCreate } from '../../../shared/schemas/action';
import { issueDetail } from '../../../shared/validation';

export const FORM_FIELDS = [
  'branchCode',
  'standardCode',
  'finding',
  'action',
  'department',
  'owner',
  'dueDate',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * One zod issue as a message for the person typing: required, too long, a bad date or code in
 * the form's words; anything else as the contract says it (shared/validation.ts).
 */
export function issueText(issue: z.core.$ZodIssue, t: Translate, lang: Lang): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return t('form.required');
  if (issue.code === 'too_small' && Number(issue.minimum) <= 1) return t('form.required');
  if (issue.code === 'too_big') return t('form.tooLong', { max: Number(issue.maximum) });
  if (issue.code === 'invalid_format') {
    return issue.format === 'date' ? t('form.badDate') : t('form.badCode');
  }
  return t('form.invalid', { detail: issueDetail(issue)[lang] });
}

/** The message for one field's value, or null when actions:create would take it. */
export function fieldError(field: FormField, value: unknown, t: Translate, lang: Lang): string | null {
  const checked = ActionCreate.shape[field].safeParse(value === '' || value === null ? undefined : value, {
    reportInput: true,
  });
  return checked.success ? null : issueText(checked.error.issues[0]!, t, lang);
}

/**
 * Whether actions:create needs the field, as its schema says: the form marks these (antd sees
 * no `required` rule in a validator, and showed no mark on fields it then called 必填).
 */
export const isRequired = (field: FormField): boolean =>
  !ActionCreate.shape[field].safeParse(undefined).success;
