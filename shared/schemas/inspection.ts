import { z } from 'zod';
import {
  checkPeriodRange,
  Code,
  FiniteNumber,
  Id,
  IsoDate,
  Name,
  Paging,
  Period,
  Text,
  type Stamped,
} from './common';
import {
  INSPECTION_KINDS,
  INSPECTION_STATUSES,
  type InspectionKind,
  type InspectionStatus,
} from '../domain/enums';
import type { Verdict } from '../domain/verdict';

export interface Inspection extends Stamped {
  branchId: string;
  branchCode: string;
  branchName: string;
  regionCode: string;
  period: string;
  kind: InspectionKind;
  inspector: string | null;
  inspectedOn: string | null;
  status: InspectionStatus;
  notes: string | null;
  measurementCount: number;
  failCount: number;
  warningCount: number;
}

export interface Measurement extends Stamped {
  inspectionId: string;
  standardId: string;
  standardCode: string;
  /** The standard's Chinese name (name_zh), as every standard has one. */
  standardName: string;
  /** Its English name when it has one: English pages show it, else standardName. */
  standardNameEn: string | null;
  standardVersion: number;
  unit: string;
  branchCode: string;
  branchName: string;
  regionCode: string;
  period: string;
  kind: InspectionKind;
  /** Its inspection's: an approved one's values are read-only until it is sent back to draft. */
  inspectionStatus: InspectionStatus;
  value: number;
  target: number;
  warning: number;
  direction: 'higher' | 'lower';
  verdict: Verdict;
  gap: number;
  attainment: number;
  notes: string | null;
}

export const InspectionList = Paging.extend({
  branchCode: Code.optional(),
  regionCode: Code.optional(),
  period: Period.optional(),
  kind: z.enum(INSPECTION_KINDS).optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
});

export const InspectionCreate = z.object({
  branchCode: Code,
  period: Period,
  kind: z.enum(INSPECTION_KINDS).default('self_assessment'),
  inspector: Name.nullish(),
  inspectedOn: IsoDate.nullish(),
  notes: Text.nullish(),
});
export const InspectionUpdate = z.object({
  id: Id,
  inspector: Name.nullish(),
  inspectedOn: IsoDate.nullish(),
  notes: Text.nullish(),
});
export const InspectionSetStatus = z.object({ id: Id, status: z.enum(INSPECTION_STATUSES) });

export const MeasurementList = Paging.extend({
  inspectionId: Id.optional(),
  branchCode: Code.optional(),
  regionCode: Code.optional(),
  standardCode: Code.optional(),
  period: Period.optional(),
  periodFrom: Period.optional(),
  periodTo: Period.optional(),
  verdict: z.enum(['pass', 'warning', 'fail']).optional(),
}).superRefine(checkPeriodRange);
export type MeasurementListInput = z.infer<typeof MeasurementList>;

export const MeasurementUpsert = z.object({
  inspectionId: Id,
  standardCode: Code,
  value: FiniteNumber,
  notes: Text.nullish(),
});
