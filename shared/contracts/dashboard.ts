/**
 * The dashboard's figures, aggregated in SQL (issue 7): listing a million measurements into
 * the page to count them would be slow, so each figure comes pre-grouped. The rows behind a
 * figure are still fetched through the ordinary paged `*:list` calls with matching filters.
 */
import { z } from 'zod';
import { call } from './call';
import { NoInput, Period, Scope } from '../schemas/common';
import type { ActionStatus } from '../domain/enums';
import type { Verdict } from '../domain/verdict';

/** How an action stands against its due date; finished ones (done, verified) no longer can be late. */
export const ACTION_AGES = ['overdue', 'due_7d', 'later', 'finished'] as const;
export type ActionAge = (typeof ACTION_AGES)[number];

export const DashboardQuery = z.object({
  scope: Scope,
  period: Period,
  /** How many periods of the same kind (months or quarters), ending with `period`, the trend shows. */
  trendPeriods: z.number().int().min(2).max(36).default(12),
});

export interface HeatmapCell {
  branchCode: string;
  standardCode: string;
  /** Mean attainment over the period's inspections of the branch (1 = on target). */
  attainment: number;
  /** The worst verdict among them. */
  verdict: Verdict;
}

export interface TrendPoint {
  period: string;
  /** Mean attainment of all measurements in scope, null when nothing was measured. */
  attainment: number | null;
  pass: number;
  warning: number;
  fail: number;
}

export interface GapParetoRow {
  standardCode: string;
  nameZh: string;
  nameEn: string | null;
  fail: number;
  warning: number;
  /** Share of all gaps (fail + warning) up to and including this standard. */
  cumulative: number;
}

export interface ActionBucket {
  status: ActionStatus;
  age: ActionAge;
  count: number;
}

export interface DashboardOverview {
  period: string;
  /** Branches in scope measured in the period, by code: the heatmap's rows. */
  branches: { code: string; name: string; regionCode: string }[];
  /** Standards measured in the period, by code: the heatmap's columns. */
  standards: { code: string; nameZh: string; nameEn: string | null }[];
  cells: HeatmapCell[];
  trend: TrendPoint[];
  pareto: GapParetoRow[];
  actions: ActionBucket[];
}

export const dashboardContract = {
  'dashboard:overview': call<DashboardOverview>()(DashboardQuery),
  /** Periods that hold measurements, latest first: what the period pickers offer. */
  'dashboard:periods': call<string[]>()(NoInput),
} as const;
