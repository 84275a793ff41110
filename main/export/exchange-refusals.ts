import type { BilingualText } from '../../shared/contracts/import';
import { reason } from '../../shared/import/reasons';
import { tableNoun, type Bilingual } from '../../shared/messages';
import type { DB } from '../db/open';
import { missingReference, uniqueClash, type ExchangeTable } from '../repositories/export-exchange';
import type { RawRow } from '../repositories/rows';
import { CONTINUED_SHEET } from './exchange';

/**
 * Why an exchange workbook's row cannot be merged, in both languages (shared/import/reasons.ts),
 * as an import's row errors say theirs: the officer reads them in the CLI or the wizard in
 * Chinese as often as in English.
 */

/** Why the row cannot be written as it is here, if it cannot. */
export function problemOf(db: DB, table: ExchangeTable, row: RawRow): BilingualText | undefined {
  const clash = uniqueClash(db, table, row);
  if (clash) return reason('keyTaken', { columns: clash.columns.join(' + '), id: clash.holder });
  const missing = missingReference(db, table, row);
  if (missing)
    return reason('missingParent', {
      column: missing.column,
      table: tableNoun(missing.parent),
      id: missing.value,
    });
  return damagedDocument(row);
}

/**
 * A document column (`…_json`) that does not parse: cut short, as when the hidden sheet that
 * carries the rest of a long one was deleted. Stored, it would break every page that reads it.
 */
function damagedDocument(row: RawRow): BilingualText | undefined {
  for (const [column, v] of Object.entries(row)) {
    if (!column.endsWith('_json') || typeof v !== 'string') continue;
    try {
      JSON.parse(v);
    } catch {
      return reason('documentCut', { column, length: v.length, sheet: CONTINUED_SHEET });
    }
  }
  return undefined;
}

/**
 * Runs a write; what SQLite refuses of the row itself (text in a number column, a missing
 * value, a failed CHECK) is returned as the reason, not thrown: the statement alone is undone
 * and the merge goes on to say what else it met.
 */
export function written(write: () => void): BilingualText | undefined {
  try {
    write();
    return undefined;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT') && e instanceof Error)
      return constraintReason(e.message);
    throw e;
  }
}

/** A STRICT column's type as SQLite names it in its refusal. */
const TYPES: Record<string, Bilingual> = {
  TEXT: { en: 'text', zh: '文本' },
  REAL: { en: 'a number', zh: '数字' },
  INTEGER: { en: 'a whole number', zh: '整数' },
  BLOB: { en: 'binary data', zh: '二进制数据' },
};
const typeOf = (sqlite: string): Bilingual => TYPES[sqlite] ?? { en: sqlite, zh: sqlite };

/**
 * SQLite's refusal in the user's words. Its message is English only and names the table,
 * which the report line already does; one it words otherwise is passed on as it is.
 */
function constraintReason(message: string): BilingualText {
  const type = /^cannot store (\w+) value in (\w+) column \w+\.(\w+)$/.exec(message);
  if (type)
    return reason('wrongType', { found: typeOf(type[1]!), wanted: typeOf(type[2]!), column: type[3]! });
  const empty = /^NOT NULL constraint failed: \w+\.(\w+)$/.exec(message);
  if (empty) return reason('columnEmpty', { column: empty[1]! });
  const check = /^CHECK constraint failed: (.+)$/.exec(message);
  if (check) return reason('notAllowed', { rule: check[1]! });
  return reason('refusedByDatabase', { detail: message });
}
