import { z } from 'zod';
import { Code, Id, IsoDate, Name, Paging, Period, Text, type Stamped } from './common';
import {
  ACTION_STATUSES,
  ROOT_CAUSE_CATEGORIES,
  type ActionStatus,
  type RootCauseCategory,
} from '../domain/enums';
import type { Verdict } from '../domain/verdict';

export interface CorrectiveAction extends Stamped {
  branchId: string;
  branchCode: string;
  branchName: string;
  regionCode: string;
  standardCode: string | null;
  findingId: string | null;
  measurementId: string | null;
  finding: string | null;
  rootCauseCategory: RootCauseCategory | null;
  rootCause: string | null;
  action: string;
  department: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  verifiedOn: string | null;
  verificationNote: string | null;
  /** Did a later measurement meet the target? null until verified. */
  verificationMet: boolean | null;
  planId: string | null;
  /** Computed from the due date and today, never stored (domain.md). */
  overdue: boolean;
}

/** The measurement that shows whether an action worked: its branch's standard, measured after it was raised. */
export interface Retest {
  period: string;
  value: number;
  unit: string;
  verdict: Verdict;
}

export interface Finding extends Stamped {
  branchCode: string;
  branchName: string;
  regionCode: string;
  period: string;
  standardCode: string | null;
  standardName: string | null;
  standardNameEn: string | null;
  /** The standard's unit, for the value and target (null for an observation with no standard). */
  unit: string | null;
  measurementId: string | null;
  severity: 'fail' | 'warning' | 'observation';
  description: string;
  value: number | null;
  target: number | null;
  actionCount: number;
}

export const ActionList = Paging.extend({
  branchCode: Code.optional(),
  regionCode: Code.optional(),
  standardCode: Code.optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  overdue: z.boolean().optional(),
  planId: Id.optional(),
  /** The actions raised from one finding: an observation's id, or a failed or warned measurement's. */
  findingId: Id.optional(),
});

const ActionFields = {
  standardCode: Code.nullish(),
  findingId: Id.nullish(),
  measurementId: Id.nullish(),
  finding: Text.nullish(),
  rootCauseCategory: z.enum(ROOT_CAUSE_CATEGORIES).nullish(),
  rootCause: Text.nullish(),
  action: Text.min(1),
  department: Name,
  owner: Name,
  dueDate: IsoDate,
  planId: Id.nullish(),
};
export const ActionCreate = z.object({ branchCode: Code, ...ActionFields });
export type ActionCreate = z.infer<typeof ActionCreate>;
export const ActionUpdate = z.object({ id: Id, ...ActionFields }).partial({
  action: true,
  department: true,
  owner: true,
  dueDate: true,
});
export const ActionSetStatus = z.object({
  id: Id,
  status: z.enum(ACTION_STATUSES),
  verifiedOn: IsoDate.optional(),
  verificationNote: Text.optional(),
  verificationMet: z.boolean().optional(),
});

export const FindingList = Paging.extend({
  branchCode: Code.optional(),
  regionCode: Code.optional(),
  period: Period.optional(),
  severity: z.enum(['fail', 'warning', 'observation']).optional(),
  /** Only the findings no corrective action has been raised from yet: what still needs one. */
  withoutAction: z.boolean().optional(),
});
export const ObservationCreate = z.object({
  branchCode: Code,
  period: Period,
  standardCode: Code.nullish(),
  description: Text.min(1),
});
/** What is given changes; a standard given as null is taken off. */
export const ObservationUpdate = ObservationCreate.extend({ id: Id }).partial({
  branchCode: true,
  period: true,
  description: true,
});
