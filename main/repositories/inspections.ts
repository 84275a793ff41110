import type { DB } from '../db/open';
import type { Inspection, Measurement } from '../../shared/schemas/inspection';
import type { Page } from '../../shared/schemas/common';
import type { InspectionKind, InspectionStatus } from '../../shared/domain/enums';
import type { Verdict } from '../../shared/domain/verdict';
import { periodKind } from '../../shared/domain/period';
import { Where, orderBy } from './sql';

type SortList = { field: string; dir: 'asc' | 'desc' }[];

const INSPECTION_COLUMNS = `i.id, i.branch_id AS branchId, b.code AS branchCode, b.name AS branchName,
  r.code AS regionCode, i.period, i.kind, i.inspector, i.inspected_on AS inspectedOn, i.status, i.notes,
  i.created_at AS createdAt, i.updated_at AS updatedAt,
  (SELECT count(*) FROM measurements m WHERE m.inspection_id = i.id) AS measurementCount,
  (SELECT count(*) FROM measurements m WHERE m.inspection_id = i.id AND m.verdict = 'fail') AS failCount,
  (SELECT count(*) FROM measurements m WHERE m.inspection_id = i.id AND m.verdict = 'warning') AS warningCount`;
const INSPECTION_FROM =
  'FROM inspections i JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id';

export interface InspectionFilter {
  branchCode?: string;
  regionCode?: string;
  period?: string;
  kind?: InspectionKind;
  status?: InspectionStatus;
  offset: number;
  limit: number;
  sort: SortList;
}

export function listInspections(db: DB, f: InspectionFilter): Page<Inspection> {
  const where = new Where()
    .when(f.branchCode, 'b.code = @branchCode', { branchCode: f.branchCode })
    .when(f.regionCode, 'r.code = @regionCode', { regionCode: f.regionCode })
    .when(f.period, 'i.period = @period', { period: f.period })
    .when(f.kind, 'i.kind = @kind', { kind: f.kind })
    .when(f.status, 'i.status = @status', { status: f.status });
  const order = orderBy(
    f.sort,
    {
      period: 'i.period',
      branchCode: 'b.code',
      kind: 'i.kind',
      status: 'i.status',
      inspectedOn: 'i.inspected_on',
    },
    'i.period DESC, b.code',
  );
  const rows = db
    .prepare(`SELECT ${INSPECTION_COLUMNS} ${INSPECTION_FROM} ${where} ${order} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit: f.limit, offset: f.offset }) as Inspection[];
  const total = (
    db.prepare(`SELECT count(*) AS n ${INSPECTION_FROM} ${where}`).get(where.params) as { n: number }
  ).n;
  return { rows, total };
}

export function getInspection(db: DB, id: string): Inspection | undefined {
  return db.prepare(`SELECT ${INSPECTION_COLUMNS} ${INSPECTION_FROM} WHERE i.id = ?`).get(id) as
    Inspection | undefined;
}

export function findInspection(
  db: DB,
  branchId: string,
  period: string,
  kind: string,
): Inspection | undefined {
  return db
    .prepare(
      `SELECT ${INSPECTION_COLUMNS} ${INSPECTION_FROM} WHERE i.branch_id = ? AND i.period = ? AND i.kind = ?`,
    )
    .get(branchId, period, kind) as Inspection | undefined;
}

export interface InspectionRow {
  id: string;
  branchId: string;
  period: string;
  kind: string;
  inspector: string | null;
  inspectedOn: string | null;
  status: string;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  batchId: string | null;
}

export function insertInspection(db: DB, i: InspectionRow): void {
  db.prepare(
    `INSERT INTO inspections (id, branch_id, period, kind, inspector, inspected_on, status, notes, created_at,
       updated_at, batch_id)
     VALUES (@id, @branchId, @period, @kind, @inspector, @inspectedOn, @status, @notes, @createdAt, @updatedAt,
       @batchId)`,
  ).run(i);
}

export function updateInspection(
  db: DB,
  i: Pick<InspectionRow, 'id' | 'inspector' | 'inspectedOn' | 'notes' | 'status' | 'updatedAt'>,
): void {
  db.prepare(
    `UPDATE inspections SET inspector = @inspector, inspected_on = @inspectedOn, notes = @notes, status = @status,
       updated_at = @updatedAt WHERE id = @id`,
  ).run(i);
}

export function deleteInspection(db: DB, id: string): void {
  db.prepare('DELETE FROM inspections WHERE id = ?').run(id);
}

const MEASUREMENT_COLUMNS = `m.id, m.inspection_id AS inspectionId, m.standard_id AS standardId,
  m.standard_code AS standardCode, s.name_zh AS standardName, s.name_en AS standardNameEn, s.version AS standardVersion, s.unit,
  b.code AS branchCode, b.name AS branchName, r.code AS regionCode, i.period, i.kind,
  i.status AS inspectionStatus, m.value,
  s.target, s.warning, s.direction, m.verdict, m.gap, m.attainment, m.notes,
  m.created_at AS createdAt, m.updated_at AS updatedAt`;
const MEASUREMENT_FROM = `FROM measurements m JOIN inspections i ON i.id = m.inspection_id
  JOIN branches b ON b.id = i.branch_id JOIN regions r ON r.id = b.region_id
  JOIN standards s ON s.id = m.standard_id`;
/**
 * The grid's listing walks inspections newest period first (CROSS JOIN keeps that loop order),
 * so the default order is served by the period index and only each period's rows are sorted:
 * the first page of a million measurements in 0.07 s instead of a 1.8 s sort of the whole join.
 */
const MEASUREMENT_LIST_FROM = `FROM inspections i JOIN branches b ON b.id = i.branch_id
  JOIN regions r ON r.id = b.region_id CROSS JOIN measurements m ON m.inspection_id = i.id
  JOIN standards s ON s.id = m.standard_id`;

export interface MeasurementFilter {
  inspectionId?: string;
  branchCode?: string;
  regionCode?: string;
  standardCode?: string;
  period?: string;
  periodFrom?: string;
  periodTo?: string;
  verdict?: Verdict;
  offset: number;
  limit: number;
  sort: SortList;
}

export function measurementWhere(f: MeasurementFilter): Where {
  const rangeEnd = f.periodFrom ?? f.periodTo;
  return (
    new Where()
      .when(f.inspectionId, 'm.inspection_id = @inspectionId', { inspectionId: f.inspectionId })
      .when(f.branchCode, 'b.code = @branchCode', { branchCode: f.branchCode })
      .when(f.regionCode, 'r.code = @regionCode', { regionCode: f.regionCode })
      .when(f.standardCode, 'm.standard_code = @standardCode', { standardCode: f.standardCode })
      .when(f.period, 'i.period = @period', { period: f.period })
      // Periods of one kind order as text (YYYY-MM, YYYY-Qn); a range names periods of one kind
      // (the contract refuses a mixed one), so an end left open does not let in the other kind:
      // '2026-Q3' sorts after '2026-08' as text, and '2027-01' after '2026-Q3'.
      .when(f.periodFrom, 'i.period >= @periodFrom', { periodFrom: f.periodFrom })
      .when(f.periodTo, 'i.period <= @periodTo', { periodTo: f.periodTo })
      .when(rangeEnd, "(substr(i.period, 6, 1) = 'Q') = @quarters", {
        quarters: rangeEnd && periodKind(rangeEnd) === 'quarter' ? 1 : 0,
      })
      .when(f.verdict, 'm.verdict = @verdict', { verdict: f.verdict })
  );
}

export const MEASUREMENT_SORT: Record<string, string> = {
  period: 'i.period',
  branchCode: 'b.code',
  branchName: 'b.name',
  regionCode: 'r.code',
  standardCode: 'm.standard_code',
  value: 'm.value',
  verdict: 'm.verdict',
  gap: 'm.gap',
  attainment: 'm.attainment',
  kind: 'i.kind',
};

export function listMeasurements(db: DB, f: MeasurementFilter): Page<Measurement> {
  const where = measurementWhere(f);
  const order = orderBy(f.sort, MEASUREMENT_SORT, 'i.period DESC, b.code, m.standard_code');
  const rows = db
    .prepare(
      `SELECT ${MEASUREMENT_COLUMNS} ${MEASUREMENT_LIST_FROM} ${where} ${order}, m.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: f.limit, offset: f.offset }) as Measurement[];
  // Every measurement has its inspection, branch and region (NOT NULL foreign keys), so
  // unless a filter is on them the count needs no join: 0.04 s instead of 0.9 s at 1M rows.
  const joined = f.branchCode || f.regionCode || f.period || f.periodFrom || f.periodTo;
  const total = (
    db
      .prepare(`SELECT count(*) AS n ${joined ? MEASUREMENT_FROM : 'FROM measurements m'} ${where}`)
      .get(where.params) as { n: number }
  ).n;
  return { rows, total };
}

export function getMeasurement(db: DB, id: string): Measurement | undefined {
  return db.prepare(`SELECT ${MEASUREMENT_COLUMNS} ${MEASUREMENT_FROM} WHERE m.id = ?`).get(id) as
    Measurement | undefined;
}

export function findMeasurement(db: DB, inspectionId: string, standardCode: string): Measurement | undefined {
  return db
    .prepare(
      `SELECT ${MEASUREMENT_COLUMNS} ${MEASUREMENT_FROM} WHERE m.inspection_id = ? AND m.standard_code = ?`,
    )
    .get(inspectionId, standardCode) as Measurement | undefined;
}

/** A branch's measurements of one standard, whatever the inspection: an action's retest among them. */
export function measurementsOfBranch(db: DB, branchId: string, standardCode: string): Measurement[] {
  return db
    .prepare(
      `SELECT ${MEASUREMENT_COLUMNS} ${MEASUREMENT_FROM} WHERE i.branch_id = ? AND m.standard_code = ?`,
    )
    .all(branchId, standardCode) as Measurement[];
}

export interface MeasurementRow {
  id: string;
  inspectionId: string;
  standardId: string;
  standardCode: string;
  value: number;
  verdict: Verdict;
  gap: number;
  attainment: number;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  batchId: string | null;
}

export function insertMeasurement(db: DB, m: MeasurementRow): void {
  db.prepare(
    `INSERT INTO measurements (id, inspection_id, standard_id, standard_code, value, verdict, gap, attainment, notes,
       created_at, updated_at, batch_id)
     VALUES (@id, @inspectionId, @standardId, @standardCode, @value, @verdict, @gap, @attainment, @notes,
       @createdAt, @updatedAt, @batchId)`,
  ).run(m);
}

export function updateMeasurement(
  db: DB,
  m: Pick<
    MeasurementRow,
    'id' | 'standardId' | 'value' | 'verdict' | 'gap' | 'attainment' | 'notes' | 'updatedAt'
  >,
): void {
  db.prepare(
    `UPDATE measurements SET standard_id = @standardId, value = @value, verdict = @verdict, gap = @gap,
       attainment = @attainment, notes = @notes, updated_at = @updatedAt WHERE id = @id`,
  ).run(m);
}

export function deleteMeasurement(db: DB, id: string): void {
  db.prepare('DELETE FROM measurements WHERE id = ?').run(id);
}
