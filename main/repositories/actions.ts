import type { DB } from '../db/open';
import type { CorrectiveAction, Finding } from '../../shared/schemas/action';
import type { Page } from '../../shared/schemas/common';
import type { ActionStatus } from '../../shared/domain/enums';
import { Where, orderBy } from './sql';

type SortList = { field: string; dir: 'asc' | 'desc' }[];

// Overdue is derived from the due date and today's date, never stored (domain.md).
const ACTION_COLUMNS = `a.id, a.branch_id AS branchId, b.code AS branchCode, b.name AS branchName, r.code AS regionCode,
  a.standard_code AS standardCode, a.finding_id AS findingId, a.measurement_id AS measurementId, a.finding,
  a.root_cause_category AS rootCauseCategory, a.root_cause AS rootCause, a.action, a.department, a.owner,
  a.due_date AS dueDate, a.status, a.verified_on AS verifiedOn, a.verification_note AS verificationNote,
  a.verification_met AS verificationMet, a.plan_id AS planId, a.created_at AS createdAt, a.updated_at AS updatedAt,
  (a.status IN ('open', 'in_progress', 'reopened') AND a.due_date < @today) AS overdue`;
const ACTION_FROM =
  'FROM actions a JOIN branches b ON b.id = a.branch_id JOIN regions r ON r.id = b.region_id';

type Row = Omit<CorrectiveAction, 'overdue' | 'verificationMet'> & {
  overdue: number;
  verificationMet: number | null;
};
const toAction = (r: Row): CorrectiveAction => ({
  ...r,
  overdue: r.overdue === 1,
  verificationMet: r.verificationMet === null ? null : r.verificationMet === 1,
});

export interface ActionFilter {
  branchCode?: string;
  regionCode?: string;
  standardCode?: string;
  status?: ActionStatus;
  overdue?: boolean;
  planId?: string;
  findingId?: string;
  offset: number;
  limit: number;
  sort: SortList;
}

/** The filters the actions grid and the actions export share; `@today` decides what is overdue. */
export function actionWhere(f: {
  branchCode?: string;
  regionCode?: string;
  standardCode?: string;
  status?: string;
  planId?: string;
  findingId?: string;
  overdue?: boolean;
  dueFrom?: string;
  dueTo?: string;
}): Where {
  const where = new Where()
    .when(f.branchCode, 'b.code = @branchCode', { branchCode: f.branchCode })
    .when(f.regionCode, 'r.code = @regionCode', { regionCode: f.regionCode })
    .when(f.standardCode, 'a.standard_code = @standardCode', { standardCode: f.standardCode })
    .when(f.status, 'a.status = @status', { status: f.status })
    .when(f.dueFrom, 'a.due_date >= @dueFrom', { dueFrom: f.dueFrom })
    .when(f.dueTo, 'a.due_date <= @dueTo', { dueTo: f.dueTo })
    .when(f.planId, 'a.plan_id = @planId', { planId: f.planId })
    .when(f.findingId, '(a.finding_id = @findingId OR a.measurement_id = @findingId)', {
      findingId: f.findingId,
    });
  if (f.overdue !== undefined) {
    where.add(
      `(a.status IN ('open', 'in_progress', 'reopened') AND a.due_date < @today) = ${f.overdue ? 1 : 0}`,
    );
  }
  return where;
}

export const ACTION_SORT: Record<string, string> = {
  dueDate: 'a.due_date',
  status: 'a.status',
  branchCode: 'b.code',
  owner: 'a.owner',
  department: 'a.department',
};
export const ACTION_DEFAULT_ORDER = 'overdue DESC, a.due_date, b.code';

export function listActions(db: DB, f: ActionFilter, today: string): Page<CorrectiveAction> {
  const where = actionWhere(f);
  const order = orderBy(f.sort, ACTION_SORT, ACTION_DEFAULT_ORDER);
  const params = { ...where.params, today };
  const rows = db
    .prepare(`SELECT ${ACTION_COLUMNS} ${ACTION_FROM} ${where} ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as Row[];
  const total = (db.prepare(`SELECT count(*) AS n ${ACTION_FROM} ${where}`).get(params) as { n: number }).n;
  return { rows: rows.map(toAction), total };
}

export function getAction(db: DB, id: string, today: string): CorrectiveAction | undefined {
  const row = db.prepare(`SELECT ${ACTION_COLUMNS} ${ACTION_FROM} WHERE a.id = @id`).get({ id, today }) as
    Row | undefined;
  return row && toAction(row);
}

export interface ActionRow {
  id: string;
  branchId: string;
  standardCode: string | null;
  findingId: string | null;
  measurementId: string | null;
  finding: string | null;
  rootCauseCategory: string | null;
  rootCause: string | null;
  action: string;
  department: string;
  owner: string;
  dueDate: string;
  status: ActionStatus;
  verifiedOn: string | null;
  verificationNote: string | null;
  verificationMet: number | null;
  planId: string | null;
  createdAt: string;
  updatedAt: string;
  batchId: string | null;
}

export function insertAction(db: DB, a: ActionRow): void {
  db.prepare(
    `INSERT INTO actions (id, branch_id, standard_code, finding_id, measurement_id, finding, root_cause_category,
       root_cause, action, department, owner, due_date, status, verified_on, verification_note, verification_met,
       plan_id, created_at, updated_at, batch_id)
     VALUES (@id, @branchId, @standardCode, @findingId, @measurementId, @finding, @rootCauseCategory, @rootCause,
       @action, @department, @owner, @dueDate, @status, @verifiedOn, @verificationNote, @verificationMet, @planId,
       @createdAt, @updatedAt, @batchId)`,
  ).run(a);
}

export function updateAction(db: DB, a: Omit<ActionRow, 'createdAt' | 'batchId'>): void {
  db.prepare(
    `UPDATE actions SET branch_id = @branchId, standard_code = @standardCode, finding_id = @findingId,
       measurement_id = @measurementId, finding = @finding, root_cause_category = @rootCauseCategory,
       root_cause = @rootCause, action = @action, department = @department, owner = @owner, due_date = @dueDate,
       status = @status, verified_on = @verifiedOn, verification_note = @verificationNote,
       verification_met = @verificationMet, plan_id = @planId, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(a);
}

export function deleteAction(db: DB, id: string): void {
  db.prepare('DELETE FROM actions WHERE id = ?').run(id);
}

/** The actions raised from one measurement, with what names them in the audit trail. */
export function actionsRaisedFrom(
  db: DB,
  measurementId: string,
): Pick<CorrectiveAction, 'id' | 'branchCode' | 'standardCode' | 'action'>[] {
  return db
    .prepare(
      `SELECT a.id, b.code AS branchCode, a.standard_code AS standardCode, a.action
         FROM actions a JOIN branches b ON b.id = a.branch_id WHERE a.measurement_id = ?`,
    )
    .all(measurementId) as Pick<CorrectiveAction, 'id' | 'branchCode' | 'standardCode' | 'action'>[];
}

export function clearMeasurementLink(db: DB, id: string, updatedAt: string): void {
  db.prepare('UPDATE actions SET measurement_id = NULL, updated_at = ? WHERE id = ?').run(updatedAt, id);
}

const RAISED_FROM = 'FROM actions a WHERE a.finding_id = f.id OR a.measurement_id = f.id';
const STANDARD_NAME = (column: string) =>
  `(SELECT s.${column} FROM standards s WHERE s.code = f.standard_code ORDER BY s.version DESC LIMIT 1)`;
const FINDING_COLUMNS = `f.id, b.code AS branchCode, b.name AS branchName, r.code AS regionCode, f.period,
  f.standard_code AS standardCode, ${STANDARD_NAME('name_zh')} AS standardName,
  ${STANDARD_NAME('name_en')} AS standardNameEn, ${STANDARD_NAME('unit')} AS unit,
  f.measurement_id AS measurementId, f.severity, coalesce(f.description, '') AS description, f.value, f.target,
  (SELECT count(*) ${RAISED_FROM}) AS actionCount,
  f.created_at AS createdAt, f.updated_at AS updatedAt`;
const FINDING_FROM =
  'FROM v_findings f JOIN branches b ON b.id = f.branch_id JOIN regions r ON r.id = b.region_id';

export function listFindings(
  db: DB,
  f: {
    branchCode?: string;
    regionCode?: string;
    period?: string;
    severity?: string;
    withoutAction?: boolean;
    offset: number;
    limit: number;
    sort: SortList;
  },
): Page<Finding> {
  const where = new Where()
    .when(f.branchCode, 'b.code = @branchCode', { branchCode: f.branchCode })
    .when(f.regionCode, 'r.code = @regionCode', { regionCode: f.regionCode })
    .when(f.period, 'f.period = @period', { period: f.period })
    .when(f.severity, 'f.severity = @severity', { severity: f.severity })
    .when(f.withoutAction || undefined, `NOT EXISTS (SELECT 1 ${RAISED_FROM})`, {});
  const order = orderBy(
    f.sort,
    { period: 'f.period', branchCode: 'b.code', severity: 'f.severity' },
    'f.period DESC, b.code',
  );
  const rows = db
    .prepare(`SELECT ${FINDING_COLUMNS} ${FINDING_FROM} ${where} ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit: f.limit, offset: f.offset }) as Finding[];
  const total = (
    db.prepare(`SELECT count(*) AS n ${FINDING_FROM} ${where}`).get(where.params) as { n: number }
  ).n;
  return { rows, total };
}

export function getFinding(db: DB, id: string): Finding | undefined {
  return db.prepare(`SELECT ${FINDING_COLUMNS} ${FINDING_FROM} WHERE f.id = ?`).get(id) as
    Finding | undefined;
}

export function deleteObservation(db: DB, id: string): void {
  db.prepare('DELETE FROM findings WHERE id = ?').run(id);
}

export interface ObservationRow {
  id: string;
  branchId: string;
  period: string;
  standardCode: string | null;
  description: string;
  createdAt: string;
  updatedAt: string;
  batchId: string | null;
}

export function insertObservation(db: DB, o: ObservationRow): void {
  db.prepare(
    `INSERT INTO findings (id, branch_id, period, standard_code, description, created_at, updated_at, batch_id)
     VALUES (@id, @branchId, @period, @standardCode, @description, @createdAt, @updatedAt, @batchId)`,
  ).run(o);
}

export function updateObservation(db: DB, o: Omit<ObservationRow, 'createdAt' | 'batchId'>): void {
  db.prepare(
    `UPDATE findings SET branch_id = @branchId, period = @period, standard_code = @standardCode,
       description = @description, updated_at = @updatedAt
     WHERE id = @id`,
  ).run(o);
}
