import type { BilingualText } from '../../../shared/contracts/import';
import { reason } from '../../../shared/import/reasons';
import { implausibility, readNumber } from '../../../shared/import/values';

/** A value typed by hand, read as an import reads a cell. */
export type TypedValue =
  { kind: 'number'; value: number } | { kind: 'missing' } | { kind: 'wrong'; reason: BilingualText };

/**
 * Reads what someone typed for a standard measured in `unit` as the importer reads a cell:
 * full-width digits (typed with a Chinese input method), `95.3%`, thousands separators; an
 * emptied cell or a missing marker is missing, never 0; a value no unit allows is refused.
 */
export function typedValue(typed: unknown, unit: string | undefined): TypedValue {
  const read = readNumber(typeof typed === 'number' ? typed : String(typed ?? ''), unit);
  if (read.kind === 'missing') return read;
  if (read.kind === 'invalid') return { kind: 'wrong', reason: reason('notANumber') };
  if (read.percent && unit !== '%')
    return { kind: 'wrong', reason: reason('percentForUnit', { unit: unit ?? '—' }) };
  const implausible = implausibility(read.value, unit);
  if (implausible) return { kind: 'wrong', reason: reason(implausible.key, implausible.params) };
  return { kind: 'number', value: read.value };
}
