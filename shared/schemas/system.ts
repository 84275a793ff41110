import { z } from 'zod';
import { Code, Id, Paging, Period, Scope } from './common';

export interface SystemInfo {
  appVersion: string;
  schemaVersion: number;
  dbPath: string;
  installationId: string;
  user: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: string;
  entityType: string;
  entityId: string;
  entityKey: string | null;
  action: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  batchId: string | null;
  /** The deletion by hand that wrote it, which changes:undo takes; null for other entries. */
  changeId: string | null;
}

export const AuditList = Paging.extend({
  entityType: z.string().max(40).optional(),
  entityId: Id.optional(),
  entityKey: z.string().max(200).optional(),
  batchId: Id.optional(),
});

export interface ImportBatch {
  id: string;
  fileName: string;
  fileHash: string;
  kind: string;
  user: string;
  startedAt: string;
  finishedAt: string | null;
  rowsWritten: number;
  status: 'committed' | 'undone';
}

export const BatchUndo = z.object({ id: Id });

export const SettingsSet = z.object({
  userName: z.string().trim().min(1).max(100).optional(),
  language: z.enum(['zh', 'en']).optional(),
});
export interface Settings {
  userName: string;
  language: 'zh' | 'en' | null;
}

export interface BranchScore {
  branchCode: string;
  branchName: string;
  regionCode: string;
  score: number | null;
  measured: number;
  missing: number;
}
export const ScoreQuery = z.object({ scope: Scope, period: Period });

export interface SeedResult {
  created: number;
  skipped: number;
}
export const SeedStandards = z.object({ effectiveFrom: z.iso.date().optional() }).default({});
export const RegionByCode = z.object({ code: Code });
