import type { ColumnMapping, MappedColumn, SheetKind } from '../../shared/contracts/import';
import { isColumnKey, keysForHeader, type ColumnKey } from '../../shared/import/aliases';
import { periodInText } from '../../shared/import/periods';
import { cellText, columnLetter as columnLetterOf } from './columns';
import type { SheetRow } from './xlsx/types';

/** Finds a standard's code from a header or a cell: by code or by name, simplified or traditional. */
export interface StandardMatcher {
  match(text: string): string | null;
}

export type Layout = 'long' | 'wide';

interface KindSpec {
  kind: SheetKind;
  layout: Layout | null;
  keys: readonly ColumnKey[];
  /** Columns of standards (a wide sheet) are looked for. */
  standards: boolean;
  /** Enough to say this is the sheet's kind. */
  recognise(has: (k: ColumnKey) => boolean, standardColumns: number): boolean;
  /** Each entry: one of these keys must be mapped, else the sheet cannot be read. */
  required: readonly (readonly ColumnKey[])[];
}

const ORG: readonly ColumnKey[] = ['region_code', 'region_name', 'branch_code', 'branch_name'];
const INSPECTION: readonly ColumnKey[] = ['period', 'inspection_type', 'inspector', 'inspected_on', 'notes'];
const BRANCH: readonly ColumnKey[][] = [['branch_code', 'branch_name']];

/** The kinds a header row can be; on equal scores, the earlier one is the sheet's kind. */
const SPECS: readonly KindSpec[] = [
  {
    kind: 'standards',
    layout: null,
    keys: [
      'code',
      'name_zh',
      'name_en',
      'dimension',
      'unit',
      'direction',
      'target',
      'warning',
      'weight',
      'method',
      'source',
      'effective_from',
    ],
    standards: false,
    recognise: (has) => has('code') && has('target') && (has('warning') || has('direction')),
    required: [['code'], ['name_zh'], ['dimension'], ['unit'], ['direction'], ['target'], ['warning']],
  },
  {
    kind: 'actions',
    layout: null,
    keys: [
      'id',
      ...ORG,
      'standard_code',
      'finding',
      'root_cause_category',
      'root_cause',
      'action',
      'department',
      'owner',
      'due_date',
      'status',
      'verified_on',
      'verification_note',
    ],
    standards: false,
    recognise: (has) => has('action') && (has('department') || has('owner') || has('due_date')),
    required: [...BRANCH, ['action'], ['department'], ['owner'], ['due_date']],
  },
  {
    kind: 'measurements',
    layout: 'long',
    keys: [...ORG, ...INSPECTION, 'standard_code', 'standard_name', 'value'],
    standards: false,
    recognise: (has) =>
      (has('branch_code') || has('branch_name')) &&
      (has('standard_code') || has('standard_name')) &&
      has('value'),
    required: [...BRANCH, ['standard_code', 'standard_name'], ['value']],
  },
  {
    kind: 'measurements',
    layout: 'wide',
    keys: [...ORG, ...INSPECTION],
    standards: true,
    recognise: (has, standards) => (has('branch_code') || has('branch_name')) && standards > 0,
    required: BRANCH,
  },
  {
    kind: 'branches',
    layout: null,
    keys: ORG,
    standards: false,
    recognise: (has) =>
      has('branch_code') && has('branch_name') && (has('region_code') || has('region_name')),
    required: [['branch_code'], ['branch_name'], ['region_code', 'region_name']],
  },
];

export interface SheetLayout {
  kind: SheetKind;
  layout: Layout | null;
  /** 1-based row numbers of the header. */
  headerRows: number[];
  /** Index in the detection buffer of the first row below the header. */
  firstDataIndex: number;
  columns: MappedColumn[];
  /** Canonical key -> 0-based column. */
  keyColumn: Map<ColumnKey, number>;
  /** A wide sheet's standard columns. */
  standardColumns: { index: number; code: string }[];
  /** Required keys with no column (the sheet cannot be read). */
  missing: (readonly ColumnKey[])[];
  titlePeriod: string | null;
}

/** How a user or the mapping memory maps columns of this sheet: letter -> target. */
export type SheetMapping = Map<number, string>;

export function sheetMapping(
  all: readonly ColumnMapping[],
  sheet: string,
  columnIndexOf: (l: string) => number,
): SheetMapping {
  const m: SheetMapping = new Map();
  for (const entry of all)
    if (!entry.sheet || entry.sheet === sheet) m.set(columnIndexOf(entry.column), entry.to);
  return m;
}

interface Candidate {
  spec: KindSpec;
  headerRows: number[];
  firstDataIndex: number;
  columns: MappedColumn[];
  keyColumn: Map<ColumnKey, number>;
  standardColumns: { index: number; code: string }[];
  score: number;
}

/** Header cells beyond this are not headers people map (a sheet of 16,384 columns). */
const MAX_HEADER_COLUMNS = 2000;
/** The header is looked for among the first rows only. */
export const DETECTION_ROWS = 30;

/**
 * Decides a sheet's kind and layout from its first rows: the header row (below any title
 * rows), a two-level header (an empty lower cell takes the upper one, the lower one names
 * the column), and each column's canonical key by the alias table, a standard by code or
 * name, the user's mapping, or the remembered one. null: nothing recognisable.
 */
export function detectLayout(
  rows: readonly SheetRow[],
  matcher: StandardMatcher,
  user: SheetMapping,
  remembered: SheetMapping,
): SheetLayout | null {
  let best: Candidate | null = null;
  const limit = Math.min(rows.length, DETECTION_ROWS);
  for (let i = 0; i < limit; i++) {
    const upper = rows[i]!;
    const lower = rows[i + 1];
    const variants: {
      headers: (string | null)[];
      display: (string | null)[];
      headerRows: number[];
      next: number;
    }[] = [{ headers: texts(upper), display: texts(upper), headerRows: [upper.row], next: i + 1 }];
    if (
      lower &&
      lower.row === upper.row + 1 &&
      lower.cells.every((c) => c === null || typeof c === 'string')
    ) {
      variants.push({
        ...twoLevel(texts(upper), texts(lower)),
        headerRows: [upper.row, lower.row],
        next: i + 2,
      });
    }
    for (const v of variants) {
      for (const spec of SPECS) {
        const c = mapColumns(spec, v.headers, v.display, matcher, user, remembered);
        const has = (k: ColumnKey) => c.keyColumn.has(k);
        if (!spec.recognise(has, c.standardColumns.length)) continue;
        const score = c.columns.filter((col) => col.key !== null).length;
        // The kind that reads most of the header wins; on a tie, the earlier in SPECS. A
        // measurements sheet that also shows each standard's 目标值 and 预警值 is still one.
        // A header of one row beats two that read no more: a title right above a one-row
        // header is a title (its period counts), not the upper level of the header.
        if (
          !best ||
          score > best.score ||
          (score === best.score && v.headerRows.length < best.headerRows.length)
        )
          best = { spec, headerRows: v.headerRows, firstDataIndex: v.next, ...c, score };
      }
    }
  }
  if (!best) return null;
  const titlePeriod = periodOfTitle(rows.slice(0, best.firstDataIndex - best.headerRows.length));
  const missing = best.spec.required.filter(
    (alternatives) => !alternatives.some((k) => best.keyColumn.has(k)),
  );
  return {
    kind: best.spec.kind,
    layout: best.spec.layout,
    headerRows: best.headerRows,
    firstDataIndex: best.firstDataIndex,
    columns: best.columns,
    keyColumn: best.keyColumn,
    standardColumns: best.standardColumns,
    missing,
    titlePeriod,
  };
}

function texts(row: SheetRow): (string | null)[] {
  return row.cells.slice(0, MAX_HEADER_COLUMNS).map((c) => cellText(c)?.trim() || null);
}

/** Lower cells name the columns; an empty lower cell takes the upper one (a vertical merge). */
function twoLevel(upper: (string | null)[], lower: (string | null)[]) {
  const width = Math.max(upper.length, lower.length);
  const headers: (string | null)[] = [];
  const display: (string | null)[] = [];
  let group: string | null = null;
  for (let c = 0; c < width; c++) {
    const u = upper[c] ?? null;
    const l = lower[c] ?? null;
    // An empty upper cell continues the group to its left (a horizontal merge).
    group = u ?? (l !== null ? group : null);
    headers.push(l ?? u);
    display.push(l && group && group !== l ? `${group} / ${l}` : (l ?? u));
  }
  return { headers, display };
}

function mapColumns(
  spec: KindSpec,
  headers: (string | null)[],
  display: (string | null)[],
  matcher: StandardMatcher,
  user: SheetMapping,
  remembered: SheetMapping,
) {
  const keyColumn = new Map<ColumnKey, number>();
  const standardColumns: { index: number; code: string }[] = [];
  const usedStandards = new Set<string>();
  const width = Math.max(headers.length, ...[...user.keys(), ...remembered.keys()].map((k) => k + 1));
  const mapped: MappedColumn[] = Array.from({ length: width }, (_, c) => ({
    column: columnLetterOf(c),
    header: display[c] ?? '',
    key: null,
    by: null,
  }));
  const standardColumn = (c: number, code: string, by: MappedColumn['by']) => {
    if (usedStandards.has(code)) return false;
    usedStandards.add(code);
    standardColumns.push({ index: c, code });
    Object.assign(mapped[c]!, { key: 'value', standardCode: code, by });
    return true;
  };
  // The user's choices claim their keys first, then remembered ones, then headers' aliases:
  // a column mapped by hand wins over one whose header merely names the same key.
  const chosenBy = (choices: SheetMapping, by: 'user' | 'memory') => {
    for (const [c, chosen] of choices) {
      if (mapped[c]!.by !== null || (by === 'memory' && user.has(c))) continue;
      if (chosen.startsWith('standard:')) {
        if (spec.standards) standardColumn(c, chosen.slice('standard:'.length), by);
      } else if (isColumnKey(chosen) && spec.keys.includes(chosen) && !keyColumn.has(chosen)) {
        keyColumn.set(chosen, c);
        Object.assign(mapped[c]!, { key: chosen, by });
      }
    }
  };
  chosenBy(user, 'user');
  chosenBy(remembered, 'memory');
  for (let c = 0; c < width; c++) {
    const header = headers[c] ?? null;
    if (header === null || user.has(c) || remembered.has(c)) continue;
    // A two-level header flattened into one row (`网络质量 / 掉话率(%)`, as the errors workbook
    // writes it) is named by its lower part.
    const named = (h: string) => {
      const key = keysForHeader(h).find((k) => spec.keys.includes(k) && !keyColumn.has(k));
      if (key) {
        keyColumn.set(key, c);
        Object.assign(mapped[c]!, { key, by: 'alias' });
        return true;
      }
      const code = spec.standards ? matcher.match(h) : null;
      return code !== null && standardColumn(c, code, 'standard');
    };
    const lower = header.lastIndexOf(' / ');
    if (!named(header) && lower > 0) named(header.slice(lower + 3));
  }
  standardColumns.sort((a, b) => a.index - b.index);
  const columns = mapped.filter((m, c) => headers[c] != null || m.key !== null);
  return { columns, keyColumn, standardColumns };
}

function periodOfTitle(titleRows: readonly SheetRow[]): string | null {
  for (const row of titleRows) {
    for (const cell of row.cells) {
      if (typeof cell !== 'string') continue;
      const p = periodInText(cell);
      if (p) return p;
    }
  }
  return null;
}
