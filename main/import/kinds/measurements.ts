import { INSPECTION_KINDS, type InspectionKind } from '../../../shared/domain/enums';
import { readText } from '../../../shared/import/values';
import {
  MEASUREMENTS_PER_INSERT,
  measurementStatements,
  type BulkInspection,
  type BulkMeasurement,
} from '../../repositories/imports';
import { insertAudit } from '../../repositories/audit';
import { rawRow, type AuditedTable } from '../../repositories/rows';
import { judge } from '../../services/inspections';
import { nowIso } from '../../services/context';
import { orderedId } from '../ids';
import type { SheetLayout } from '../detect';
import { plausible } from '../../../shared/import/values';
import type { CellProblem, RowReader } from '../row-reader';
import type { ImportSession, RowWriter } from '../session';
import { vocabulary } from '../vocabulary';
import { orgRef, rowBranch } from './org-columns';
import type { ColumnKey } from '../../../shared/import/aliases';
import type { OrgRef } from '../organisation';
import type { CellValue } from '../xlsx/types';

const INSPECTION_TYPES = vocabulary(INSPECTION_KINDS, {
  自查: 'self_assessment',
  检查: 'regional_audit',
  暗访: 'mystery_shopper',
});

/** Columns read per value; the others name the inspection. */
const PER_VALUE = new Set<ColumnKey>(['standard_code', 'standard_name', 'value', 'notes']);

/** What a row's inspection columns resolved to, for the rows after it that repeat them. */
interface Resolved {
  cells: readonly CellValue[];
  period: string;
  kind: InspectionKind;
  inspection: string;
  key: () => string;
  /** Approved (domain.md): a value it already holds is passed over, a changed one refused. */
  approved: boolean;
}

const sameCell = (a: CellValue | undefined, b: CellValue | undefined) =>
  a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

interface Item {
  code: string;
  value: number;
  column: number;
}

/**
 * Measurements, long (one value per row) or wide (one column per standard): each value is
 * judged by the standard version in force for its period and upserted on inspection +
 * standard. Fresh rows carry the batch id (undo deletes them); an overwritten row gets one
 * audit entry with its old values (undo restores them). Inspections are upserted on
 * branch + period + type.
 */
export function measurementRows(
  s: ImportSession,
  layout: SheetLayout,
  sheetPeriod: string | null,
): RowWriter {
  const batchId = s.ctx.batchId!;
  const at = nowIso(s.ctx);
  const st = measurementStatements(s.ctx.db, { at, batchId });
  const inspections = new Map<string, string>();
  /**
   * Inspections of this sheet already approved here. The workbench refuses a hand edit of one
   * until it is sent back to draft; an import did not, and rewrote what the reviewer signed
   * off under the same 已审核. Their values that the sheet repeats are passed over as unchanged.
   */
  const approved = new Set<string>();
  /** Rows come grouped by inspection: most repeat the one before, and skip the key and the map. */
  let last = { branchId: '', period: '', kind: '', id: '' };
  const codeCol = layout.keyColumn.get('standard_code');
  const notesCol = layout.keyColumn.get('notes');
  const nameCol = layout.keyColumn.get('standard_name');
  const valueCol = layout.keyColumn.get('value');
  /** Whether the sheet's rows can take the quick way: long (a wide sheet's values are by column). */
  const quickRows = layout.layout === 'long';
  /**
   * A long sheet repeats region, branch, period, type, inspector and date on every row of one
   * inspection: a row whose cells there equal those of the last row written reuses what they
   * resolved to, instead of reading and checking them again.
   */
  const inspectionColumns = [...layout.keyColumn].filter(([k]) => !PER_VALUE.has(k)).map(([, i]) => i);
  let previous: Resolved | null = null;
  const repeated = (cells: readonly CellValue[]): Resolved | null => {
    if (previous === null) return null;
    for (const i of inspectionColumns) if (!sameCell(cells[i], previous.cells[i])) return null;
    return previous;
  };

  const audit = (entityType: AuditedTable, id: string, key: string, before: object) =>
    insertAudit(s.ctx.db, {
      at,
      user: s.ctx.user,
      entityType,
      entityId: id,
      entityKey: key,
      action: 'update',
      before,
      after: rawRow(s.ctx.db, entityType, id),
      batchId,
    });

  /**
   * A wide row holds one value per standard, each a measurement of its own: a wrong value is
   * that value's problem, and the row's other values are written beside it (reported, the cell
   * named; without --skip-invalid the import is refused whole anyway). It dropped eleven good
   * values with one bad one. A problem anywhere else (branch, period, a long row's standard)
   * is the row's.
   */
  const valueColumns = new Set(layout.layout === 'wide' ? layout.standardColumns.map((c) => c.index) : []);
  const aboutTheRow = (p: CellProblem) => p.column === null || !valueColumns.has(p.column);

  /** A standard cell's text as read once by `items`: the same text always names the same standard. */
  const standardOfCell = new Map<string, { code: string; unit: string | undefined }>();

  function items(r: RowReader): Item[] {
    const out: Item[] = [];
    if (layout.layout === 'wide') {
      for (const c of layout.standardColumns) {
        const value = r.value(c.index, s.standards.unitOf(c.code));
        if (typeof value === 'number') out.push({ code: c.code, value, column: c.index });
      }
      return out;
    }
    const col = codeCol ?? nameCol!;
    const named = r.text(codeCol !== undefined ? 'standard_code' : 'standard_name', true);
    const code = named === null ? null : s.standards.match(named);
    if (named !== null && code === null) r.problem(col, 'unknownStandard', { text: named });
    const unit = code ? s.standards.unitOf(code) : undefined;
    const value = r.value(valueCol!, unit);
    if (code && typeof value === 'number') out.push({ code, value, column: valueCol! });
    const cell = r.cellAt(col);
    if (quickRows && code && typeof cell === 'string') standardOfCell.set(cell, { code, unit });
    return out;
  }

  /**
   * Most rows of a long sheet repeat the last row's inspection cells, name a standard by a
   * text already read, hold a plain number it allows and, if the sheet has notes, a text or
   * nothing there: such a row is written here as `row` would write it, without a RowReader and
   * its checks (100,000 rows: 730 ms to 700 from first row to last, side by side). Any other
   * row, or anything unusual in one, goes to `row`, which reports problems. Offered only when
   * `quickRows`.
   */
  function quick(cells: readonly CellValue[]): boolean {
    const again = repeated(cells);
    const text = cells[codeCol ?? nameCol!];
    const standard = again && typeof text === 'string' ? standardOfCell.get(text) : undefined;
    const value = cells[valueCol!];
    if (!standard || again!.approved || typeof value !== 'number' || !plausible(value, standard.unit))
      return false;
    const notesCell = notesCol === undefined ? null : (cells[notesCol] ?? null);
    if (notesCell !== null && typeof notesCell !== 'string') return false;
    write(again!, standard.code, value, readText(notesCell));
    return true;
  }

  function inspectionId(
    branchId: string,
    period: string,
    kind: InspectionKind,
    r: RowReader,
    key: () => string,
  ): string {
    const cacheKey = `${branchId}|${period}|${kind}`;
    const cached = inspections.get(cacheKey);
    if (cached) return (last = { branchId, period, kind, id: cached }).id;
    const inspector = r.text('inspector');
    const inspectedOn = r.date('inspected_on');
    const existing = st.findInspection(branchId, period, kind);
    let id: string;
    if (existing?.status === 'approved') {
      // Its inspector and date are as approved too: not rewritten from the sheet.
      id = existing.id;
      approved.add(id);
    } else if (existing) {
      id = existing.id;
      const changed =
        (inspector !== null && inspector !== existing.inspector) ||
        (inspectedOn !== null && inspectedOn !== existing.inspected_on);
      if (changed) {
        st.updateInspection({
          id,
          inspector: inspector ?? (existing.inspector as string | null),
          inspectedOn: inspectedOn ?? (existing.inspected_on as string | null),
        });
        audit('inspections', id, key(), existing);
      }
    } else {
      id = orderedId();
      newInspections.push({ id, branchId, period, kind, inspector, inspectedOn });
    }
    inspections.set(cacheKey, id);
    return (last = { branchId, period, kind, id }).id;
  }

  /** The row's inspection from its cells (found or created); null: the row failed and is reported. */
  function resolve(r: RowReader, ref: OrgRef, period: string, kind: InspectionKind): Resolved | null {
    const branch = rowBranch(s, r, ref);
    if (branch === null) return null;
    const key = () => `${ref.branchCode ?? ref.branchName}/${period}/${kind}`;
    const inspection =
      last.branchId === branch && last.period === period && last.kind === kind
        ? last.id
        : inspectionId(branch, period, kind, r, key);
    return (previous = {
      cells: r.row.cells,
      period,
      kind,
      inspection,
      key,
      approved: approved.has(inspection),
    });
  }

  const row = (r: RowReader): void => {
    const again = repeated(r.row.cells);
    const ref = again ? null : orgRef(r);
    const period = again ? again.period : r.period(sheetPeriod);
    const kind = again
      ? again.kind
      : (r.choice('inspection_type', INSPECTION_TYPES.map, INSPECTION_TYPES.shown) ?? 'self_assessment');
    const notes = layout.layout === 'long' ? r.text('notes') : null;
    if (!again) r.date('inspected_on');
    const values = items(r);
    if (!period || r.problems.some(aboutTheRow)) return s.failed(r.row, r.problems);
    if (values.length > 0) {
      const target = again ?? resolve(r, ref!, period, kind);
      if (target === null) return;
      for (const item of values)
        if (!target.approved) write(target, item.code, item.value, notes);
        else if (st.existingMeasurement(target.inspection, item.code)?.value === item.value)
          s.counted('unchanged');
        else r.problem(item.column, 'inspectionApproved', { inspection: target.key() });
    }
    if (r.problems.length > 0) s.failed(r.row, r.problems);
  };

  /** One value of the row's inspection, judged and queued for the next insert statement. */
  function write(target: Resolved, code: string, value: number, notes: string | null): void {
    const version = s.standards.versionFor(code, target.period)!;
    // Named, not spread: spreading the verdict into the literal took a generic copy per value.
    const judged = judge(value, version);
    keys.push(target.key);
    const waiting = st.queue(
      orderedId(),
      target.inspection,
      version.id,
      code,
      value,
      judged.verdict,
      judged.gap,
      judged.attainment,
      notes,
    );
    if (waiting === MEASUREMENTS_PER_INSERT) flush();
  }

  /**
   * Values wait to be inserted a statement's worth at a time (st.queue); those whose inspection
   * already held the standard are then updated, in the sheet's order, as if inserted one by one.
   * Per waiting value, its inspection's key, for the audit if it overwrites.
   */
  const keys: (() => string)[] = [];
  /**
   * Inspections this sheet creates wait for the statement that inserts their first values, and
   * go in just before it, one after the other: one inserted among two hundred measurements found
   * SQLite's pages and code for it cold (100,000 rows, 3,847 inspections: the main thread's CPU
   * 841 to 833 ms, medians of 10). Nothing reads a new inspection before that: the sheet finds
   * its own in `inspections`, and another sheet comes after `end`.
   */
  const newInspections: BulkInspection[] = [];
  function flush(): void {
    for (const i of newInspections) st.insertInspection(i);
    newInspections.length = 0;
    s.counted(
      'created',
      st.insertWaiting((m, i) => overwrite(m, keys[i]!)),
    );
    keys.length = 0;
  }

  /** A value for a standard its inspection already holds: updated, the old values audited. */
  function overwrite(m: BulkMeasurement, key: () => string): void {
    const before = st.existingMeasurement(m.inspectionId, m.standardCode);
    const keepNotes =
      notesCol !== undefined && layout.layout === 'long' ? m.notes : (before.notes as string | null);
    if (before.value === m.value && before.standard_id === m.standardId && before.notes === keepNotes) {
      s.counted('unchanged');
      return;
    }
    st.updateMeasurement({ ...m, id: before.id, notes: keepNotes });
    audit('measurements', before.id, `${key()}/${m.standardCode}`, before);
    s.counted('updated');
  }

  return { row, quick: quickRows ? (sheetRow) => quick(sheetRow.cells) : undefined, end: flush };
}
