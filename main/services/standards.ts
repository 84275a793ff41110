import type { ParsedInput } from '../../shared/contract';
import { NOUNS } from '../../shared/messages';
import type { Standard } from '../../shared/schemas/standard';
import { VERSIONED_FIELDS } from '../../shared/schemas/standard';
import { AppError, invalidField } from '../../shared/errors';
import { implausibility } from '../../shared/import/values';
import { reason } from '../../shared/import/reasons';
import { thresholdsAreOrdered } from '../../shared/domain/verdict';
import { labelOf } from '../../shared/domain/enums';
import * as repo from '../repositories/standards';
import { STANDARDS_LIBRARY } from '../seed/standards-library';
import { afterCreate, auditedUpdate } from './audited';
import { inTransaction, newId, nowIso, today, type ServiceContext } from './context';

export function requireStandard(ctx: ServiceContext, code: string, field = 'standardCode'): Standard {
  const s = repo.currentStandard(ctx.db, code);
  if (!s) throw new AppError('invalid', 'unknownStandard', { code }, field);
  return s;
}

function checkThresholds(s: Pick<Standard, 'unit' | 'direction' | 'target' | 'warning'>): void {
  // A bound no measurement could meet or miss is a slip (−5 for a drop rate in %, 1e9): the
  // values it judges are refused past the same range (shared/import/values.ts).
  for (const field of ['target', 'warning'] as const) {
    const implausible = implausibility(s[field], s.unit);
    if (implausible) throw invalidField(field, reason(implausible.key, implausible.params));
  }
  if (!thresholdsAreOrdered(s)) {
    throw new AppError('invalid', 'thresholdsOrder', { direction: labelOf(s.direction) }, 'warning');
  }
}

export function createStandard(ctx: ServiceContext, input: ParsedInput<'standards:create'>): Standard {
  return inTransaction(ctx, () => {
    if (repo.currentStandard(ctx.db, input.code)) {
      throw new AppError('conflict', 'duplicate', { entity: NOUNS.standard, key: input.code }, 'code');
    }
    checkThresholds(input);
    const id = newId();
    const at = nowIso(ctx);
    repo.insertStandard(ctx.db, {
      id,
      code: input.code,
      version: 1,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      dimension: input.dimension,
      unit: input.unit,
      direction: input.direction,
      target: input.target,
      warning: input.warning,
      weight: input.weight,
      method: input.method ?? null,
      source: input.source ?? null,
      sourceRef: input.sourceRef ?? null,
      effectiveFrom: input.effectiveFrom ?? today(ctx),
      createdAt: at,
      updatedAt: at,
      batchId: ctx.batchId ?? null,
    });
    afterCreate(ctx, 'standards', id, input.code);
    return repo.currentStandard(ctx.db, input.code)!;
  });
}

/**
 * A change to what judges a value (unit, direction, target, warning) makes a new version, so
 * past inspections keep the version they were judged by. Other fields are corrected in place.
 * A version nobody has been judged by yet may be corrected in place on its own date.
 */
export function updateStandard(ctx: ServiceContext, input: ParsedInput<'standards:update'>): Standard {
  return inTransaction(ctx, () => {
    const current = requireStandard(ctx, input.code, 'code');
    const next = { ...current, ...stripUndefined(input.changes) };
    checkThresholds(next);
    const versioned = VERSIONED_FIELDS.some((f) => next[f] !== current[f]);
    const effectiveFrom = input.effectiveFrom ?? (versioned ? today(ctx) : current.effectiveFrom);
    const inPlace =
      !versioned ||
      (effectiveFrom === current.effectiveFrom && repo.countMeasurementsOfVersion(ctx.db, current.id) === 0);
    if (inPlace) {
      auditedUpdate(ctx, 'standards', current.id, current.code, () =>
        repo.updateStandardInPlace(ctx.db, { ...next, effectiveFrom, updatedAt: nowIso(ctx) }),
      );
      return repo.currentStandard(ctx.db, current.code)!;
    }
    if (effectiveFrom <= current.effectiveFrom) {
      throw new AppError(
        'conflict',
        'versionTaken',
        { code: current.code, date: current.effectiveFrom },
        'effectiveFrom',
      );
    }
    const id = newId();
    const at = nowIso(ctx);
    repo.insertStandard(ctx.db, {
      ...next,
      id,
      version: current.version + 1,
      effectiveFrom,
      createdAt: at,
      updatedAt: at,
      batchId: ctx.batchId ?? null,
    });
    afterCreate(ctx, 'standards', id, current.code);
    return repo.currentStandard(ctx.db, current.code)!;
  });
}

/** Old enough that any history a region imports is judged by the library's first version. */
const LIBRARY_EFFECTIVE_FROM = '2020-01-01';

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Loads the built-in library; codes already present are left as the user set them. */
export function seedStandards(
  ctx: ServiceContext,
  input: ParsedInput<'standards:seed'>,
): { created: number; skipped: number } {
  return inTransaction(ctx, () => {
    let created = 0;
    let skipped = 0;
    for (const entry of STANDARDS_LIBRARY) {
      if (repo.currentStandard(ctx.db, entry.code)) {
        skipped++;
        continue;
      }
      createStandard(ctx, { ...entry, effectiveFrom: input.effectiveFrom ?? LIBRARY_EFFECTIVE_FROM });
      created++;
    }
    return { created, skipped };
  });
}
