import type { DB } from '../db/open';
import { listStandards } from '../repositories/standards';
import type { Standard } from '../../shared/schemas/standard';
import { versionInForce } from '../../shared/domain/versions';
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
  /** Every version of every standard, read once: 100,000 rows over 26 months asked 312 queries. */
  private readonly history = new Map<string, Standard[]>();
  private readonly versions = new Map<string, Map<string, JudgingVersion | null>>();

  constructor(private readonly db: DB) {
    this.reload();
  }

  /** After a standards sheet in the same workbook adds codes. */
  reload(): void {
    this.byText.clear();
    this.history.clear();
    this.versions.clear();
    for (const s of listStandards(this.db, { history: true })) {
      const versions = this.history.get(s.code);
      if (versions) versions.push(s);
      else this.history.set(s.code, [s]);
      if (!s.current) continue;
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
      const s = versionInForce(this.history.get(code) ?? [], periodRange(period).end);
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
