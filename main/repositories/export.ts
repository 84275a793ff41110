import type { DB } from '../db/open';
import type { SortSpec } from '../../shared/schemas/common';
import type { z } from 'zod';
import { ACTION_DEFAULT_ORDER, ACTION_SORT, actionWhere } from './actions';
import { MEASUREMENT_SORT, measurementWhere } from './inspections';
import { Where, orderBy } from './sql';

/**
 * Row streams for exports: the grids' filters and sort, but read with `.iterate()` so a
 * million rows never sit in memory at once (the grids page; an export walks everything).
 */
type Sort = z.infer<typeof SortSpec>[];

export interface OrgFilter {
  regionCode?: string;
  branchCode?: string;
}

export interface MeasurementExportRow {
  regionCode: string;
  regionName: string;
  branchCode: string;
  branchName: string;
  period: string;
  kind: string;
  standardCode: string;
  standardName: string;
  standardVersion: number;
  unit: string;
  direction: string;
  value: number;
  target: number;
  warning: number;
  verdict: 'pass' | 'warning' | 'fail';
  gap: number;
  attainment: number;
  inspector: string | null;
  inspectedOn: string | null;
  notes: string | null;
}

export function iterateMeasurements(
  db: DB,
  f: OrgFilter & {
    period?: string;
    periodFrom?: string;
    periodTo?: string;
    standardCode?: string;
    verdict?: 'pass' | 'warning' | 'fail';
    sort: Sort;
  },
): IterableIterator<MeasurementExportRow> {
  const where = measurementWhere({ ...f, offset: 0, limit: 0 });
  const order = orderBy(f.sort, MEASUREMENT_SORT, 'i.period DESC, b.code, m.standard_code');
  return db
    .prepare(
      `SELECT r.code AS regionCode, r.name AS regionName, b.code AS branchCode, b.name AS branchName, i.period,
              i.kind, m.standard_code AS standardCode, s.name_zh AS standardName, s.version AS standardVersion, s.unit,
              s.direction, m.value, s.target, s.warning, m.verdict, m.gap, m.attainment, i.inspector,
              i.inspected_on AS inspectedOn, m.notes
         FROM measurements m JOIN inspections i ON i.id = m.inspection_id
         JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id
         JOIN standards s ON s.id = m.standard_id
         ${where} ${order}, m.id`,
    )
    .iterate(where.params) as IterableIterator<MeasurementExportRow>;
}

export function countMeasurements(db: DB, f: Parameters<typeof iterateMeasurements>[1]): number {
  const where = measurementWhere({ ...f, offset: 0, limit: 0 });
  return (
    db
      .prepare(
        `SELECT count(*) AS n FROM measurements m JOIN inspections i ON i.id = m.inspection_id
           JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id ${where}`,
      )
      .get(where.params) as { n: number }
  ).n;
}

export interface ActionExportRow {
  id: string;
  regionCode: string;
  branchCode: string;
  branchName: string;
  standardCode: string | null;
  finding: string | null;
  rootCauseCategory: string | null;
  rootCause: string | null;
  action: string;
  department: string;
  owner: string;
  dueDate: string;
  status: string;
  overdue: number;
  verifiedOn: string | null;
  verificationNote: string | null;
}

/** Actions as the actions grid lists them; a period range selects by due date. */
export function iterateActions(
  db: DB,
  f: OrgFilter & {
    standardCode?: string;
    status?: string;
    overdue?: boolean;
    planId?: string;
    dueFrom?: string;
    dueTo?: string;
    sort: Sort;
  },
  today: string,
): IterableIterator<ActionExportRow> {
  const where = actionWhere(f);
  const order = orderBy(f.sort, ACTION_SORT, ACTION_DEFAULT_ORDER);
  return db
    .prepare(
      `SELECT a.id, r.code AS regionCode, b.code AS branchCode, b.name AS branchName, a.standard_code AS standardCode,
              a.finding, a.root_cause_category AS rootCauseCategory, a.root_cause AS rootCause, a.action,
              a.department, a.owner, a.due_date AS dueDate, a.status,
              (a.status IN ('open', 'in_progress', 'reopened') AND a.due_date < @today) AS overdue,
              a.verified_on AS verifiedOn, a.verification_note AS verificationNote
         FROM actions a JOIN branches b ON b.id = a.branch_id JOIN regions r ON r.id = b.region_id
         ${where} ${order}, a.id`,
    )
    .iterate({ ...where.params, today }) as IterableIterator<ActionExportRow>;
}

export interface BranchExportRow {
  regionCode: string;
  regionName: string;
  branchCode: string;
  branchName: string;
}

export function iterateBranches(db: DB, f: OrgFilter & { sort: Sort }): IterableIterator<BranchExportRow> {
  const where = orgWhere(f);
  const order = orderBy(f.sort, { code: 'b.code', name: 'b.name', regionCode: 'r.code' }, 'b.code');
  return db
    .prepare(
      `SELECT r.code AS regionCode, r.name AS regionName, b.code AS branchCode, b.name AS branchName
         FROM branches b JOIN regions r ON r.id = b.region_id ${where} ${order}`,
    )
    .iterate(where.params) as IterableIterator<BranchExportRow>;
}

/** Departments people have used, for the template's dropdown. */
export function knownDepartments(db: DB): string[] {
  return (
    db.prepare('SELECT DISTINCT department FROM actions ORDER BY department').all() as {
      department: string;
    }[]
  ).map((r) => r.department);
}

function orgWhere(f: OrgFilter): Where {
  return new Where()
    .when(f.regionCode, 'r.code = @regionCode', { regionCode: f.regionCode })
    .when(f.branchCode, 'b.code = @branchCode', { branchCode: f.branchCode });
}
