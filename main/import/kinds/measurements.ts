import type { InspectionKind } from '../../../shared/domain/enums';
import { measurementStatements } from '../../repositories/imports';
import { insertAudit } from '../../repositories/audit';
import { rawRow, type AuditedTable } from '../../repositories/rows';
import { judge } from '../../services/inspections';
import { nowIso } from '../../services/context';
import { orderedId } from '../ids';
import type { SheetLayout } from '../detect';
import type { RowReader } from '../row-reader';
import type { ImportSession } from '../session';
import { measurementReader, type MeasurementRead } from './measurement-read';
import { rowBranch } from './org-columns';

/**
 * Measurements, long (one value per row) or wide (one column per standard): each value is
 * judged by the standard version in force for its period and upserted on inspection +
 * standard. Fresh rows carry the batch id (undo deletes them); an overwritten row gets one
 * audit entry with its old values (undo restores them). Inspections are upserted on
 * branch + period + type.
 */
export function measurementRows(s: ImportSession, layout: SheetLayout, sheetPeriod: string | null) {
  const read = measurementReader(layout, sheetPeriod, s.standards);
  const write = measurementWriter(s, layout);
  return (r: RowReader): void => {
    const m = read(r);
    if (m) write(m, () => r);
    else if (r.problems.length > 0) s.failed(r.row, r.problems);
  };
}

/**
 * Writes a row `measurementReader` read, here or on the sheet's worker. `reader`: the row's
 * RowReader, made only if the row fails here (an unknown branch).
 */
export function measurementWriter(s: ImportSession, layout: SheetLayout) {
  const st = measurementStatements(s.ctx.db);
  const batchId = s.ctx.batchId!;
  const at = nowIso(s.ctx);
  const inspections = new Map<string, string>();
  /** Rows come grouped by inspection: most repeat the one before, and skip the key and the map. */
  let last = { branchId: '', period: '', kind: '', id: '' };

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

  function inspectionId(
    branchId: string,
    period: string,
    kind: InspectionKind,
    m: MeasurementRead,
    key: () => string,
  ): string {
    const cacheKey = `${branchId}|${period}|${kind}`;
    const cached = inspections.get(cacheKey);
    if (cached) return (last = { branchId, period, kind, id: cached }).id;
    const { inspector, inspectedOn } = m;
    const existing = st.findInspection(branchId, period, kind);
    let id: string;
    if (existing) {
      id = existing.id;
      const changed =
        (inspector !== null && inspector !== existing.inspector) ||
        (inspectedOn !== null && inspectedOn !== existing.inspected_on);
      if (changed) {
        st.updateInspection({
          id,
          inspector: inspector ?? (existing.inspector as string | null),
          inspectedOn: inspectedOn ?? (existing.inspected_on as string | null),
          at,
        });
        audit('inspections', id, key(), existing);
      }
    } else {
      id = orderedId();
      st.insertInspection({ id, branchId, period, kind, inspector, inspectedOn, at, batchId });
    }
    inspections.set(cacheKey, id);
    return (last = { branchId, period, kind, id }).id;
  }

  return (m: MeasurementRead, reader: () => RowReader): void => {
    const { ref, period, kind, notes } = m;
    const branch = rowBranch(s, reader, ref);
    if (branch === null) return;
    const inspectionKey = () => `${ref.branchCode ?? ref.branchName}/${period}/${kind}`;
    const inspection =
      last.branchId === branch && last.period === period && last.kind === kind
        ? last.id
        : inspectionId(branch, period, kind, m, inspectionKey);
    for (const item of m.items) {
      const version = s.standards.versionFor(item.code, period)!;
      const judged = judge(item.value, version);
      const id = orderedId();
      const fresh = st.insertMeasurement({
        id,
        inspectionId: inspection,
        standardId: version.id,
        standardCode: item.code,
        value: item.value,
        ...judged,
        notes,
        at,
        batchId,
      });
      if (fresh) {
        s.counted('created');
        continue;
      }
      const before = st.existingMeasurement(inspection, item.code);
      const keepNotes =
        layout.keyColumn.has('notes') && layout.layout === 'long' ? notes : (before.notes as string | null);
      if (before.value === item.value && before.standard_id === version.id && before.notes === keepNotes) {
        s.counted('unchanged');
        continue;
      }
      st.updateMeasurement({
        id: before.id,
        standardId: version.id,
        value: item.value,
        ...judged,
        notes: keepNotes,
        at,
      });
      audit('measurements', before.id, `${inspectionKey()}/${item.code}`, before);
      s.counted('updated');
    }
  };
}
