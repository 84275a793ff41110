import { INSPECTION_KINDS, type InspectionKind } from '../../../shared/domain/enums';
import type { SheetLayout } from '../detect';
import type { RowReader } from '../row-reader';
import type { StandardsLookup } from '../standards-index';
import { vocabulary } from '../vocabulary';
import type { CellValue } from '../xlsx/types';
import type { OrgRef } from '../organisation';
import { orgRef } from './org-columns';

const INSPECTION_TYPES = vocabulary(INSPECTION_KINDS, {
  自查: 'self_assessment',
  检查: 'regional_audit',
  暗访: 'mystery_shopper',
});

export interface Item {
  code: string;
  value: number;
  column: number;
}

/** What a measurement row says, read and validated without the database. */
export interface MeasurementRead {
  ref: OrgRef;
  period: string;
  kind: InspectionKind;
  notes: string | null;
  inspector: string | null;
  inspectedOn: string | null;
  items: Item[];
}

/**
 * Reads measurement rows, long (one value per row) or wide (one column per standard): on
 * this thread, or for a long sheet on the sheet's worker (xlsx/parallel.ts), which is why it
 * needs nothing but the layout and the standards' names. null: nothing to write, because the
 * row failed (its problems are in `r.problems`) or holds no value.
 */
export function measurementReader(
  layout: SheetLayout,
  sheetPeriod: string | null,
  standards: StandardsLookup,
) {
  const codeCol = layout.keyColumn.get('standard_code');
  const nameCol = layout.keyColumn.get('standard_name');
  const valueCol = layout.keyColumn.get('value');

  function items(r: RowReader): Item[] {
    const out: Item[] = [];
    if (layout.layout === 'wide') {
      for (const c of layout.standardColumns) {
        const value = r.value(c.index, standards.unitOf(c.code));
        if (typeof value === 'number') out.push({ code: c.code, value, column: c.index });
      }
      return out;
    }
    const col = codeCol ?? nameCol!;
    const named = r.text(codeCol !== undefined ? 'standard_code' : 'standard_name', true);
    const code = named === null ? null : standards.match(named);
    if (named !== null && code === null) r.problem(col, 'unknownStandard', { text: named });
    const value = r.value(valueCol!, code ? standards.unitOf(code) : undefined);
    if (code && typeof value === 'number') out.push({ code, value, column: valueCol! });
    return out;
  }

  return (r: RowReader): MeasurementRead | null => {
    const ref = orgRef(r);
    const period = r.period(sheetPeriod);
    const kind =
      r.choice('inspection_type', INSPECTION_TYPES.map, INSPECTION_TYPES.shown) ?? 'self_assessment';
    const notes = layout.layout === 'long' ? r.text('notes') : null;
    const inspectedOn = r.date('inspected_on');
    const values = items(r);
    if (r.problems.length > 0 || !period || values.length === 0) return null;
    // Only a new inspection takes its inspector from the row, so an unreadable one (a formula
    // without a result) leaves it empty rather than failing the row.
    const inspector = r.text('inspector');
    r.problems.length = 0;
    return { ref, period, kind, notes, inspector, inspectedOn, items: values };
  };
}

/** A read row as cell values, to cross threads with the row's own cells (xlsx/parallel.ts). */
export function readToCells(m: MeasurementRead): CellValue[] {
  const { ref } = m;
  const out: CellValue[] = [
    ref.regionCode,
    ref.regionName,
    ref.branchCode,
    ref.branchName,
    m.period,
    m.kind,
    m.notes,
    m.inspector,
    m.inspectedOn,
  ];
  for (const i of m.items) out.push(i.code, i.value, i.column);
  return out;
}

export function readFromCells(c: readonly CellValue[]): MeasurementRead {
  const text = (i: number) => c[i] as string | null;
  const items: Item[] = [];
  for (let i = 9; i < c.length; i += 3)
    items.push({ code: c[i] as string, value: c[i + 1] as number, column: c[i + 2] as number });
  return {
    ref: { regionCode: text(0), regionName: text(1), branchCode: text(2), branchName: text(3) },
    period: c[4] as string,
    kind: c[5] as InspectionKind,
    notes: text(6),
    inspector: text(7),
    inspectedOn: text(8),
    items,
  };
}
