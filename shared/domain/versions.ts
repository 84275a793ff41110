/** What choosing a standard's version looks at. */
export interface DatedVersion {
  version: number;
  /** ISO date (YYYY-MM-DD): compared as text, as SQLite compares it. */
  effectiveFrom: string;
}

/**
 * The version a period is judged by (domain.md: past inspections keep the version they were
 * judged against): the newest version effective by the period's last day; for a period before
 * every version, the first one (there is nothing older to use). `versions`: one standard's, in
 * any order. One rule for a single measurement and for an import that judges thousands.
 */
export function versionInForce<T extends DatedVersion>(
  versions: readonly T[],
  lastDay: string,
): T | undefined {
  let inForce: T | undefined;
  let first: T | undefined;
  for (const v of versions) {
    if (first === undefined || v.version < first.version) first = v;
    if (v.effectiveFrom <= lastDay && (inForce === undefined || v.version > inForce.version)) inForce = v;
  }
  return inForce ?? first;
}
