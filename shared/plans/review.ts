/** What a stored management review (管理评审) holds: a snapshot taken from the data. */
export interface ReviewBranchRow {
  branchCode: string;
  branchName: string;
  score: number | null;
  previousScore: number | null;
  change: number | null;
  measured: number;
  missing: number;
  /** Mean attainment per dimension code (1 = on target); null when nothing was measured. */
  attainment: Record<string, number | null>;
}

export interface ReviewActionRow {
  id: string;
  branchCode: string;
  standardCode: string | null;
  action: string;
  department: string;
  owner: string;
  dueDate: string;
  status: string;
  overdue: boolean;
}

export interface ReviewPlanRow {
  id: string;
  period: string;
  stage: string;
  title: string;
  gapCount: number;
  closedCount: number | null;
  actionCount: number;
  actionsDone: number;
}

export interface ReviewSnapshot {
  generatedAt: string;
  scopeName: string;
  previousPeriod: string;
  branches: ReviewBranchRow[];
  /** Mean attainment per dimension over the scope. */
  dimensionAttainment: Record<string, number | null>;
  /** Means over the branches scored in each period; `change`: the mean change of those scored in both. */
  score: { current: number | null; previous: number | null; change: number | null };
  actions: {
    open: number;
    inProgress: number;
    done: number;
    verified: number;
    reopened: number;
    overdue: number;
    openList: ReviewActionRow[];
  };
  plans: ReviewPlanRow[];
}
