import { AppError } from '../../../shared/errors';
import type { RowReader } from '../row-reader';

/**
 * Runs one row's write through the services (standards, branches, actions: a few hundred
 * rows, where the services' own checks and audit trail are worth more than speed). A
 * rejection by a service becomes this row's error, in both languages.
 */
export function throughService(r: RowReader, column: number | null, write: () => void): boolean {
  try {
    write();
    return true;
  } catch (e) {
    if (!(e instanceof AppError) || e.kind === 'internal' || e.kind === 'cancelled') throw e;
    r.problems.push({ column, reason: { en: e.localized('en'), zh: e.localized('zh') } });
    return false;
  }
}
