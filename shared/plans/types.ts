/**
 * What a stored PDCA plan holds (plans.content_json). The Plan stage is generated from the
 * data and frozen, so the plan a meeting discussed stays the plan; Check and Act are added as
 * the cycle moves on. Per-gap texts that follow from the numbers (problem statement, check
 * measure) are derived by the functions in this folder, not stored.
 */
import type { Direction, Verdict } from '../domain/verdict';
import type { RootCauseCategory } from '../domain/enums';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface HistoryPoint {
  period: string;
  value: number;
}

export type Trend = 'improving' | 'worsening' | 'stable' | 'new';

export interface LinkedAction {
  id: string;
  action: string;
  department: string;
  owner: string;
  dueDate: string;
  status: string;
}

export interface ProposedAction {
  action: Bilingual;
  department: string;
  /** Empty until the user names someone: the data cannot know who. */
  owner: string;
  dueDate: string;
  rootCauseCategory: RootCauseCategory;
}

/** One branch's value of one standard in the plan's period, with the version that judges it. */
export interface GapSource {
  branchCode: string;
  branchName: string;
  regionCode: string;
  standardCode: string;
  standardNameZh: string;
  standardNameEn: string | null;
  dimension: string;
  unit: string;
  direction: Direction;
  target: number;
  warning: number;
  /** The version of the standard whose thresholds judge the value (sources from the database). */
  version?: number;
  value: number;
  weight: number;
}

/** One failed or warned standard at one branch: one row of the plan. */
export interface PlanGap extends GapSource {
  /** `BRANCH/STANDARD`: stable across cycles, so Check and the next plan find it again. */
  key: string;
  rank: number;
  verdict: Exclude<Verdict, 'pass'>;
  gap: number;
  normalisedGap: number;
  /** weight × normalised gap: what the plan ranks by. */
  score: number;
  /** Values of the earlier periods available, oldest first, then this period's. */
  history: HistoryPoint[];
  trend: Trend;
  /** Open corrective actions already on this branch and standard: linked, not duplicated. */
  linkedActions: LinkedAction[];
  /** A new action to confirm, when nothing open covers the gap yet. */
  proposed: ProposedAction | null;
  /** The plan this gap was carried over from, when it stayed open there. */
  carriedFrom: string | null;
}

export interface ParetoRow {
  code: string;
  label: Bilingual;
  count: number;
  score: number;
  share: number;
  cumulative: number;
  /** Inside the first 80 % of the total weighted gap: the vital few. */
  vital: boolean;
}

export interface RootCausePrompt {
  category: RootCauseCategory;
  text: Bilingual;
}

export interface Countermeasure {
  text: Bilingual;
  department: string;
  category: RootCauseCategory;
}

/**
 * What the user has typed for a gap's proposed action and not yet confirmed, kept as typed
 * (half done or not) so that closing the page loses nothing. Stored apart from the content
 * (table plan_drafts): the user's work on the plan, not the plan the data gave, it changes
 * in Plan and Do when the content no longer does.
 */
export interface PlanDraft {
  action: string;
  department: string;
  owner: string;
  dueDate: string;
}

export type CheckStatus = 'closed' | 'improved' | 'not_closed' | 'no_data';

export interface CheckResult {
  key: string;
  beforePeriod: string;
  before: number;
  afterPeriod: string | null;
  after: number | null;
  afterVerdict: Verdict | null;
  /** Progress toward the target, positive when better, in the standard's unit. */
  improvement: number | null;
  status: CheckStatus;
}

export interface CheckSnapshot {
  checkedAt: string;
  results: CheckResult[];
}

export interface StandardisedItem {
  standardCode: string;
  branchCode: string | null;
  procedure: string;
  /** Set when the standard's target changed: the version created by it. */
  newVersion: { version: number; target: number; warning: number; effectiveFrom: string } | null;
}

export interface ActRecord {
  recordedAt: string;
  standardised: StandardisedItem[];
  carriedOver: string[];
  nextPlanId: string | null;
}

export interface PlanSummary {
  scopeName: string;
  branchCount: number;
  gapCount: number;
  failCount: number;
  warningCount: number;
  totalScore: number;
  linkedCount: number;
  proposedCount: number;
}

export interface PlanContent {
  generatedAt: string;
  summary: PlanSummary;
  problem: Bilingual;
  objective: Bilingual;
  gaps: PlanGap[];
  paretoByStandard: ParetoRow[];
  paretoByBranch: ParetoRow[];
  /** Prompts for each dimension that has a gap (a fishbone's bones). */
  rootCausePrompts: Record<string, RootCausePrompt[]>;
  /** Countermeasure library entries for each standard that has a gap. */
  countermeasures: Record<string, Countermeasure[]>;
  check: CheckSnapshot | null;
  act: ActRecord | null;
}
