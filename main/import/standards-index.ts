import type { DB } from '../db/open';
import { listStandards, standardForDate } from '../repositories/standards';
import { periodRange } from '../../shared/domain/period';
import { foldText } from '../../shared/import/text';
import type { StandardMatcher } from './detect';

export interface JudgingVersion {
  id: string;
  code: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  warning: number;
}

/**
 * The standards library as the importer sees it: a code or a name (simplified or traditional,
 * with or without its unit suffix) to a code, and per period the version that judges it.
 */
export class StandardsIndex implements StandardMatcher {
  private readonly byText = new Map<string, string>();
  private readonly units = new Map<string, string>();
  private readonly versions = new Map<string, Map<string, JudgingVersion | null>>();

  constructor(private readonly db: DB) {
    this.reload();
  }

  /** After a standards sheet in the same workbook adds codes. */
  reload(): void {
    this.byText.clear();
    this.versions.clear();
    for (const s of listStandards(this.db, { history: false })) {
      this.units.set(s.code, s.unit);
      for (const text of [s.nameEn, s.nameZh, s.code]) if (text) this.byText.set(foldText(text), s.code);
    }
  }

  match(text: string): string | null {
    return this.byText.get(foldText(text)) ?? null;
  }

  unitOf(code: string): string | undefined {
    return this.units.get(code);
  }

  /** The version in force at the end of the period (see services/inspections upsertMeasurement). */
  versionFor(code: string, period: string): JudgingVersion | null {
    // By code, then period: asked once per value, a joined key cost a string per row.
    let byPeriod = this.versions.get(code);
    if (!byPeriod) this.versions.set(code, (byPeriod = new Map()));
    let v = byPeriod.get(period);
    if (v === undefined) {
      const s = standardForDate(this.db, code, periodRange(period).end);
      v = s
        ? {
            id: s.id,
            code: s.code,
            unit: s.unit,
            direction: s.direction,
            target: s.target,
            warning: s.warning,
          }
        : null;
      byPeriod.set(period, v);
    }
    return v;
  }
}
