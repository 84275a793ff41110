import { z } from 'zod';
import { Code, FiniteNumber, IsoDate, Name, Text, type Stamped } from './common';
import { DIMENSION_CODES } from '../domain/dimensions';
import { STANDARD_SOURCES } from '../domain/enums';
import { check } from '../validation';

export interface Standard extends Stamped {
  code: string;
  version: number;
  nameZh: string;
  nameEn: string | null;
  dimension: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: number;
  warning: number;
  weight: number;
  method: string | null;
  source: string | null;
  sourceRef: string | null;
  effectiveFrom: string;
  /** true for the newest version of its code: the one new measurements are judged by. */
  current: boolean;
}

const StandardFields = {
  nameZh: Name,
  nameEn: Name.nullish(),
  dimension: z.enum(DIMENSION_CODES),
  unit: z.string().trim().max(20),
  direction: z.enum(['higher', 'lower']),
  target: FiniteNumber,
  warning: FiniteNumber,
  weight: FiniteNumber.positive().max(100),
  method: Text.nullish(),
  source: z.enum(STANDARD_SOURCES).nullish(),
  sourceRef: Text.nullish(),
};

export const StandardCreate = z.object({
  code: Code,
  effectiveFrom: IsoDate.optional(),
  ...StandardFields,
  weight: StandardFields.weight.default(1),
});
export type StandardCreate = z.infer<typeof StandardCreate>;

/** Fields whose change alters verdicts: changing one makes a new version (domain.md). */
export const VERSIONED_FIELDS = ['unit', 'direction', 'target', 'warning'] as const;

export const StandardUpdate = z.object({
  code: Code,
  // No defaults here: a field left out is left as it is (a default would reset the weight to 1).
  changes: z
    .object(StandardFields)
    .partial()
    .refine((c) => Object.keys(c).length > 0, check('nothingToChange')),
  /** When a versioned field changes: the new version's effective date (default today). */
  effectiveFrom: IsoDate.optional(),
});
export type StandardUpdate = z.infer<typeof StandardUpdate>;

export const StandardList = z.object({
  dimension: z.enum(DIMENSION_CODES).optional(),
  q: z.string().trim().max(100).optional(),
  /** All versions instead of the current one per code. */
  history: z.boolean().default(false),
});
export const StandardByCode = z.object({ code: Code });
