/**
 * PDCA improvement plans and management reviews (issue 6): generate a plan from the data,
 * move it Plan -> Do -> Check -> Act, confirm its actions, record what was standardised,
 * and the periodic review with the decisions people took. Exports write .xlsx or .pdf.
 */
import { z } from 'zod';
import { check } from '../validation';
import { call } from './call';
import { ById, Code, FiniteNumber, Id, IsoDate, Name, Period, Scope, Text } from '../schemas/common';
import { PLAN_STAGES, ROOT_CAUSE_CATEGORIES, type PlanStage } from '../domain/enums';
import type { CorrectiveAction } from '../schemas/action';
import type { PlanContent, PlanDraft } from '../plans/types';
import type { ReviewSnapshot } from '../plans/review';

export interface Plan {
  id: string;
  scope: Scope;
  period: string;
  stage: PlanStage;
  title: string;
  previousPlanId: string | null;
  createdAt: string;
  updatedAt: string;
  /**
   * The stored content, with the user's drafts of proposed actions by gap key
   * (plans:saveDrafts), which are kept apart from it; empty until the first is saved.
   */
  content: PlanContent & { drafts: Record<string, PlanDraft> };
  /** Actions created by this plan (confirmed proposals). */
  actions: CorrectiveAction[];
  /** Open actions its gaps were linked to when it was made, as they stand now. */
  linkedActions: CorrectiveAction[];
  /** The title of the plan its Act carried the open gaps into, as people name it (not its id). */
  nextPlanTitle: string | null;
}

export interface PlanListItem {
  id: string;
  scope: Scope;
  period: string;
  stage: PlanStage;
  title: string;
  gapCount: number;
  previousPlanId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Review {
  id: string;
  scope: Scope;
  period: string;
  title: string;
  decisions: string;
  objectives: string;
  snapshot: ReviewSnapshot;
  createdAt: string;
  updatedAt: string;
}

/**
 * The language of text a call writes: a print view, or a title made up when none is given (the
 * user's, so an English page does not list Chinese titles it generated itself: they are
 * stored, and printed in the exports). Chinese when not said.
 */
const Language = z.enum(['zh', 'en']).default('zh');
export const PlanGenerate = z.object({
  scope: Scope,
  period: Period,
  title: Name.optional(),
  lang: Language,
});
export const PlanList = z.object({
  scope: Scope.optional(),
  period: Period.optional(),
  stage: z.enum(PLAN_STAGES).optional(),
});
export const PlanAdvance = z.object({ id: Id, to: z.enum(PLAN_STAGES) });
/** A gap of the plan by its `BRANCH/STANDARD` key. */
const GapKey = z.string().min(3).max(140);
/** A draft's short field as typed, empty or not a date yet: it is checked when confirmed. */
const DraftField = z.string().trim().max(200);
export const PlanSaveDrafts = z.object({
  id: Id,
  /** The drafts changed since the last save; the others stay as saved. */
  drafts: z
    .array(
      z.object({ key: GapKey, action: Text, department: DraftField, owner: DraftField, dueDate: DraftField }),
    )
    .min(1)
    .max(20_000),
});
export const PlanConfirmActions = z.object({
  id: Id,
  actions: z
    .array(
      z.object({
        key: GapKey,
        action: Text.min(1).optional(),
        department: Name,
        owner: Name,
        dueDate: IsoDate,
        rootCauseCategory: z.enum(ROOT_CAUSE_CATEGORIES).optional(),
        rootCause: Text.optional(),
      }),
    )
    .min(1)
    .max(20_000),
});
export const PlanAct = z.object({
  id: Id,
  standardised: z
    .array(
      z.object({
        standardCode: Code,
        branchCode: Code.optional(),
        procedure: Text.min(1),
        /** A new target (and warning threshold) makes a new version of the standard. */
        newTarget: FiniteNumber.optional(),
        newWarning: FiniteNumber.optional(),
        effectiveFrom: IsoDate.optional(),
      }),
    )
    .max(1000)
    .default([]),
  /** Carry the gaps that did not close into a next-cycle plan. */
  carryOver: z.boolean().default(true),
  /** The language of the next-cycle plan's title. */
  lang: Language,
});
export const ExportRequest = z
  .object({
    id: Id,
    format: z.enum(['xlsx', 'pdf']),
    path: z.string().min(1).max(1000),
    lang: z.enum(['zh', 'en']).default('zh'),
  })
  // A workbook named .pdf opens in no PDF reader, and a PDF named .xlsx in no spreadsheet.
  .refine((r) => r.path.toLowerCase().endsWith(`.${r.format}`), {
    message: check('exportPathFormat'),
    path: ['path'],
  });

/** The print view's HTML, for the app's preview and Electron's printToPDF (the same page the PDF is). */
export const PrintViewRequest = z.object({ id: Id, lang: Language });

export const ReviewCreate = z.object({
  scope: Scope,
  period: Period,
  title: Name.optional(),
  lang: Language,
});
export const ReviewUpdate = z.object({ id: Id, decisions: Text.optional(), objectives: Text.optional() });
export const ReviewList = z.object({ scope: Scope.optional(), period: Period.optional() });

export interface ExportResult {
  path: string;
  bytes: number;
}

export const plansContract = {
  'plans:generate': call<Plan>()(PlanGenerate),
  'plans:list': call<PlanListItem[]>()(PlanList),
  'plans:get': call<Plan>()(ById),
  'plans:advance': call<Plan>()(PlanAdvance),
  'plans:saveDrafts': call<{ updatedAt: string }>()(PlanSaveDrafts),
  'plans:confirmActions': call<Plan>()(PlanConfirmActions),
  'plans:check': call<Plan>()(ById),
  'plans:act': call<{ plan: Plan; nextPlan: Plan | null }>()(PlanAct),
  'plans:export': call<ExportResult>()(ExportRequest),
  'plans:printView': call<{ html: string }>()(PrintViewRequest),
  'reviews:create': call<Review>()(ReviewCreate),
  'reviews:list': call<Review[]>()(ReviewList),
  'reviews:get': call<Review>()(ById),
  'reviews:update': call<Review>()(ReviewUpdate),
  'reviews:export': call<ExportResult>()(ExportRequest),
  'reviews:printView': call<{ html: string }>()(PrintViewRequest),
} as const;
