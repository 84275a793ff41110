import { z } from 'zod';
import { isPeriod, rangeProblem } from '../domain/period';
import { SCOPE_TYPES } from '../domain/enums';
import { check } from '../validation';

export const Id = z.uuid();
/** Codes people type into spreadsheets: letters, digits, dashes, underscores, dots. */
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u, check('codeChars'));
export const Name = z.string().trim().min(1).max(200);
export const Text = z.string().trim().max(4000);
export const IsoDate = z.iso.date();
export const Period = z.string().refine(isPeriod, check('periodFormat'));
/**
 * A filter's periodFrom..periodTo names periods of one kind and runs forward (rangeProblem):
 * refused at the contract, since a mixed or reversed range would quietly find nothing, or the
 * wrong rows. Its issue is on `periodTo`.
 */
export function checkPeriodRange(f: { periodFrom?: string; periodTo?: string }, ctx: z.RefinementCtx): void {
  const problem = rangeProblem(f.periodFrom, f.periodTo);
  if (problem)
    ctx.addIssue({
      code: 'custom',
      message: check(problem === 'mixed' ? 'periodRangeMixed' : 'periodRangeReversed'),
      path: ['periodTo'],
    });
}
export const FiniteNumber = z.number().finite();

export const SortSpec = z.object({ field: z.string(), dir: z.enum(['asc', 'desc']).default('asc') });
export const Paging = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(5000).default(100),
  sort: z.array(SortSpec).max(4).default([]),
});
export type PagingInput = z.input<typeof Paging>;

export interface Page<T> {
  rows: T[];
  total: number;
}

export const Scope = z
  .object({ type: z.enum(SCOPE_TYPES), code: Code.optional() })
  .refine((s) => s.type === 'all' || !!s.code, {
    message: check('scopeNeedsCode'),
    path: ['code'],
  });
export type Scope = z.infer<typeof Scope>;

/** Every entity that travels between installations carries these (exchange-format.md). */
export interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export const ById = z.object({ id: Id });

/** What a deletion by hand answers: `undo` names the change, which changes:undo puts back. */
export interface Deleted {
  deleted: true;
  undo: string;
}
export const NoInput = z.object({}).default({});
