import { DIMENSIONS } from '../../../shared/domain/dimensions';
import { STANDARD_SOURCES } from '../../../shared/domain/enums';
import { VERSIONED_FIELDS, type Standard } from '../../../shared/schemas/standard';
import { currentStandard } from '../../repositories/standards';
import { createStandard, updateStandard } from '../../services/standards';
import type { SheetLayout } from '../detect';
import type { RowReader } from '../row-reader';
import type { ImportSession } from '../session';
import { vocabulary } from '../vocabulary';
import { throughService } from './service-rows';

const DIRECTIONS = vocabulary(['higher', 'lower'] as const, {
  高: 'higher',
  越高越好: 'higher',
  正向: 'higher',
  '↑': 'higher',
  'higher is better': 'higher',
  低: 'lower',
  越低越好: 'lower',
  负向: 'lower',
  反向: 'lower',
  '↓': 'lower',
  'lower is better': 'lower',
});
const DIMENSION_CODES = vocabulary(
  DIMENSIONS.map((d) => d.code),
  Object.fromEntries(
    DIMENSIONS.flatMap((d) => [
      [d.nameZh, d.code],
      [d.nameEn, d.code],
    ]),
  ),
);
const SOURCES = vocabulary(STANDARD_SOURCES);

/**
 * The standards library: a new code is created; a known one is updated through the
 * standards service, which makes a new version when a judging field (unit, direction,
 * target, warning) changes, so past verdicts keep the version they were judged by.
 */
export function standardRows(s: ImportSession, layout: SheetLayout) {
  return (r: RowReader): void => {
    const code = r.code('code', true);
    const fields = {
      nameZh: r.text('name_zh', true),
      nameEn: r.text('name_en'),
      dimension: r.choice('dimension', DIMENSION_CODES.map, DIMENSION_CODES.shown),
      unit: r.text('unit', true),
      direction: r.choice('direction', DIRECTIONS.map, DIRECTIONS.shown),
      target: r.number('target', true),
      warning: r.number('warning', true),
      weight: r.number('weight') ?? 1,
      method: r.text('method'),
      source: r.choice('source', SOURCES.map, SOURCES.shown),
    };
    const effectiveFrom = r.date('effective_from') ?? undefined;
    if (!fields.dimension && r.has('dimension') && r.problems.length === 0) r.text('dimension', true);
    if (!fields.direction && r.problems.length === 0) r.text('direction', true);
    if (r.problems.length > 0 || !code) return s.failed(r.row, r.problems);
    const complete = fields as typeof fields & {
      nameZh: string;
      unit: string;
      target: number;
      warning: number;
    };
    const current = currentStandard(s.ctx.db, code);
    const ok = throughService(r, layout.keyColumn.get('code')!, () => {
      if (!current) {
        createStandard(s.ctx, {
          code,
          effectiveFrom,
          ...complete,
          dimension: complete.dimension!,
          direction: complete.direction!,
        });
        s.counted('created');
        return;
      }
      const changes = changed(current, complete, (k) => r.has(k));
      if (Object.keys(changes).length === 0) return s.counted('unchanged');
      const versioned = VERSIONED_FIELDS.some((f) => f in changes);
      updateStandard(s.ctx, { code, changes, effectiveFrom: versioned ? effectiveFrom : undefined });
      s.counted('updated');
    });
    if (!ok) s.failed(r.row, r.problems);
  };
}

const FIELD_KEYS = {
  nameZh: 'name_zh',
  nameEn: 'name_en',
  dimension: 'dimension',
  unit: 'unit',
  direction: 'direction',
  target: 'target',
  warning: 'warning',
  weight: 'weight',
  method: 'method',
  source: 'source',
} as const;

/** The fields the sheet has a column for and that differ from the current version. */
function changed(
  current: Standard,
  next: Record<keyof typeof FIELD_KEYS, unknown>,
  hasColumn: (key: (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS]) => boolean,
): Record<string, never> {
  const out: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(FIELD_KEYS) as [
    keyof typeof FIELD_KEYS,
    (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS],
  ][]) {
    if (hasColumn(key) && next[field] !== current[field]) out[field] = next[field];
  }
  return out as Record<string, never>;
}
