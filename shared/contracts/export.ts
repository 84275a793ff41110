/**
 * Exports (issue 5): entity lists as styled .xlsx or plain .csv, fill-in templates a region
 * completes and sends back, and lossless exchange workbooks with their merge on import.
 * The UI passes the same filters and sort its grid shows, so the file is what the user saw.
 */
import { z } from 'zod';
import { call } from './call';
import type { BilingualText } from './import';
import { JobId } from './jobs';
import { checkPeriodRange, Code, Id, Period, SortSpec } from '../schemas/common';
import { DIMENSION_CODES } from '../domain/dimensions';
import { ACTION_STATUSES } from '../domain/enums';
import { check } from '../validation';

export const ENTITY_KINDS = ['standards', 'measurements', 'actions', 'branches', 'reviews', 'plans'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const TEMPLATE_KINDS = ['standards', 'measurements', 'actions', 'branches'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];
/** Every KIND `qms export` and 'export:run' accept. */
export const EXPORT_KINDS = [
  ...ENTITY_KINDS,
  'exchange',
  ...TEMPLATE_KINDS.map((k) => `template-${k}` as const),
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The exchange workbook's format version, written to `_meta`; readers refuse newer ones. */
export const EXCHANGE_FORMAT_VERSION = 1;

/** Absolute or relative output file; the extension picks the format (.xlsx or .csv). */
const OutPath = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => /\.(xlsx|csv)$/i.test(p), check('exportFileType'));

export const ExportFilters = z
  .object({
    /** A region or branch code; absent: everything. */
    scope: Code.optional(),
    period: Period.optional(),
    periodFrom: Period.optional(),
    periodTo: Period.optional(),
    standardCode: Code.optional(),
    verdict: z.enum(['pass', 'warning', 'fail']).optional(),
    status: z.enum(ACTION_STATUSES).optional(),
    /** The actions grid's filters. */
    overdue: z.boolean().optional(),
    planId: Id.optional(),
    /** The standards grid's filters. */
    dimension: z.enum(DIMENSION_CODES).optional(),
    q: z.string().trim().max(100).optional(),
    sort: z.array(SortSpec).max(4).default([]),
  })
  .strict()
  .refine((f) => !(f.period && (f.periodFrom || f.periodTo)), {
    message: check('periodOrRange'),
    path: ['period'],
  })
  .superRefine(checkPeriodRange);
export type ExportFilters = z.infer<typeof ExportFilters>;

export const ExportRun = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    path: OutPath,
    filters: ExportFilters.default({ sort: [] }),
    /** Column headers: labels in the user's language (.xlsx default) or canonical keys. */
    headers: z.enum(['labels', 'keys']).default('labels'),
    lang: z.enum(['zh', 'en']).default('zh'),
    /** Follow progress ('write': rows written) and cancel with `jobs:cancel`; nothing is left on disk then. */
    jobId: JobId.optional(),
  })
  .strict();
export type ExportRunInput = z.input<typeof ExportRun>;

export interface ExportOutcome {
  path: string;
  /** Data rows written (all sheets of an exchange workbook; pre-filled rows of a template). */
  rows: number;
}

export const ExchangeImport = z
  .object({
    path: z
      .string()
      .min(1)
      .max(1000)
      .refine((p) => /\.xlsx$/i.test(p), check('exchangeXlsx')),
    /** Merge the rows that can be, when some cannot; otherwise nothing is written (all or nothing). */
    skipInvalid: z.boolean().optional(),
  })
  .strict();

/** One row both sides changed at the same instant: kept as it is here, listed for a person. */
export interface ExchangeConflict {
  table: string;
  id: string;
  key: string;
  fields: { field: string; local: unknown; incoming: unknown }[];
}

export interface ExchangeReport {
  batchId: string;
  sourceInstallation: string;
  exportedAt: string;
  /** False when some row could not be merged and the whole merge was taken back (all or nothing). */
  applied: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Incoming rows older than ours: ours kept (the newer one wins). */
  keptLocal: number;
  /** Incoming rows this database held under another id (the same code, version or key): merged as those. */
  matchedByKey: number;
  conflicts: ExchangeConflict[];
  /**
   * Incoming rows that could not be written (e.g. a code taken by another id), with why in both
   * languages, as an import's row errors carry theirs.
   */
  rejected: { table: string; id: string; key: string; reason: BilingualText }[];
}

export const exportContract = {
  'export:run': call<ExportOutcome>()(ExportRun),
  'exchange:import': call<ExchangeReport>()(ExchangeImport),
} as const;
