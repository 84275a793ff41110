import type { BilingualText } from '../../shared/contracts/import';
import type { ColumnKey } from '../../shared/import/aliases';
import { readDate, readPeriod } from '../../shared/import/periods';
import { implausibility, readNumber, readText } from '../../shared/import/values';
import { reason, type ReasonKey } from '../../shared/import/reasons';
import { foldText } from '../../shared/import/text';
import { memoised } from '../../shared/memo';
import { Code } from '../../shared/schemas/common';
import type { SheetLayout } from './detect';
import type { CellValue, SheetRow } from './xlsx/types';

/** A sheet repeats a few hundred codes a hundred thousand times: zod sees each once (86 ms per 100k rows). */
const isCode = memoised((t: string) => Code.safeParse(t).success);

export interface CellProblem {
  column: number | null;
  reason: BilingualText;
}

/**
 * Reads one data row's cells by canonical key, normalising as the contract says, and
 * collects every problem (cell, reason) instead of stopping at the first: the report lists
 * them all, and the row is written only when there are none.
 */
export class RowReader {
  readonly problems: CellProblem[] = [];

  constructor(
    readonly row: SheetRow,
    private readonly layout: SheetLayout,
    private readonly date1904: boolean,
  ) {}

  has(key: ColumnKey): boolean {
    return this.layout.keyColumn.has(key);
  }

  columnOf(key: ColumnKey): number | undefined {
    return this.layout.keyColumn.get(key);
  }

  cellAt(index: number): CellValue {
    return this.row.cells[index] ?? null;
  }

  problem(column: number | null, key: ReasonKey, params: Record<string, string | number> = {}): null {
    this.problems.push({ column, reason: reason(key, params) });
    return null;
  }

  /** A formula without a result or an error cell, reported; else the cell. */
  private usable(index: number): Exclude<CellValue, { kind: string }> | undefined {
    const cell = this.cellAt(index);
    if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
      if (cell.kind === 'formula') this.problem(index, 'formulaWithoutResult');
      else this.problem(index, 'cellError', { code: cell.code });
      return undefined;
    }
    return cell;
  }

  text(key: ColumnKey, required = false): string | null {
    const index = this.layout.keyColumn.get(key);
    if (index === undefined) return null;
    const cell = this.usable(index);
    if (cell === undefined) return null;
    const t = readText(cell);
    if (t === null && required) return this.problem(index, 'required');
    return t;
  }

  code(key: ColumnKey, required = false): string | null {
    const t = this.text(key, required);
    if (t === null) return null;
    if (!isCode(t)) return this.problem(this.layout.keyColumn.get(key)!, 'badCode');
    return t;
  }

  /** A value for `unit`: missing (undefined) stays missing; null when the cell is wrong. */
  value(index: number, unit: string | undefined): number | null | undefined {
    const cell = this.usable(index);
    if (cell === undefined) return null;
    const read = readNumber(cell, unit);
    if (read.kind === 'missing') return undefined;
    if (read.kind === 'invalid') return this.problem(index, 'notANumber');
    if (read.percent && unit !== '%') return this.problem(index, 'percentForUnit', { unit: unit ?? '—' });
    const implausible = implausibility(read.value, unit);
    return implausible ? this.problem(index, implausible.key, implausible.params) : read.value;
  }

  number(key: ColumnKey, required = false): number | null {
    const index = this.layout.keyColumn.get(key);
    if (index === undefined) return null;
    const cell = this.usable(index);
    if (cell === undefined) return null;
    const read = readNumber(cell);
    if (read.kind === 'missing') return required ? this.problem(index, 'required') : null;
    if (read.kind === 'invalid') return this.problem(index, 'notANumber');
    return read.value;
  }

  date(key: ColumnKey, required = false): string | null {
    const index = this.layout.keyColumn.get(key);
    if (index === undefined) return null;
    const cell = this.usable(index);
    if (cell === undefined) return null;
    if (readText(cell) === null) return required ? this.problem(index, 'required') : null;
    return readDate(cell, this.date1904) ?? this.problem(index, 'badDate');
  }

  /** The row's period from its column; `fallback` (title, sheet name, option) when the cell is empty. */
  period(fallback: string | null): string | null {
    const index = this.layout.keyColumn.get('period');
    if (index !== undefined) {
      const cell = this.usable(index);
      if (cell === undefined) return null;
      if (readText(cell) !== null) return readPeriod(cell, this.date1904) ?? this.problem(index, 'badPeriod');
    }
    return fallback ?? this.problem(index ?? null, 'noPeriod');
  }

  /** One of a closed vocabulary, by its key or its label in either language. */
  choice<T extends string>(key: ColumnKey, choices: ReadonlyMap<string, T>, shown: string): T | null {
    const t = this.text(key);
    if (t === null) return null;
    return (
      choices.get(foldText(t)) ??
      this.problem(this.layout.keyColumn.get(key)!, 'unknownChoice', { text: t, choices: shown })
    );
  }
}
