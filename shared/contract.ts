/**
 * The one typed contract between the renderer and main/: every call is `domain:verb` with
 * one argument object, validated by its zod schema where it enters main/. Electron IPC and
 * the loopback HTTP server are thin transports over `dispatch` in main/services/handlers.ts;
 * the renderer's client is typed from this map.
 */
import type { z } from 'zod';
import type { Deleted, Page } from './schemas/common';
import { ById, NoInput } from './schemas/common';
import {
  BranchCreate,
  BranchList,
  BranchUpdate,
  RegionCreate,
  RegionUpdate,
  type Branch,
  type Region,
} from './schemas/organisation';
import {
  StandardByCode,
  StandardCreate,
  StandardList,
  StandardUpdate,
  type Standard,
} from './schemas/standard';
import {
  InspectionCreate,
  InspectionList,
  InspectionSetStatus,
  InspectionUpdate,
  MeasurementList,
  MeasurementUpsert,
  type Inspection,
  type Measurement,
} from './schemas/inspection';
import {
  ActionCreate,
  ActionList,
  ActionSetStatus,
  ActionUpdate,
  FindingList,
  ObservationCreate,
  ObservationUpdate,
  type CorrectiveAction,
  type Finding,
  type Retest,
} from './schemas/action';
import {
  AuditList,
  BatchUndo,
  ScoreQuery,
  SeedStandards,
  SettingsSet,
  type AuditEntry,
  type BranchScore,
  type ImportBatch,
  type SeedResult,
  type Settings,
  type SystemInfo,
} from './schemas/system';
import type { DIMENSIONS } from './domain/dimensions';
import { plansContract } from './contracts/plans';
import { desktopContract } from './contracts/desktop';
import { exportContract } from './contracts/export';
import { jobsContract } from './contracts/jobs';
import { importContract } from './contracts/import';
import { backupsContract } from './contracts/backups';
import { dashboardContract } from './contracts/dashboard';
import { call } from './contracts/call';

export { call };

/** The workbench's core calls; features declare theirs in shared/contracts/ and join below. */
const coreContract = {
  'system:info': call<SystemInfo>()(NoInput),
  'settings:get': call<Settings>()(NoInput),
  'settings:set': call<Settings>()(SettingsSet),

  'dimensions:list': call<typeof DIMENSIONS>()(NoInput),

  'regions:list': call<Region[]>()(NoInput),
  'regions:create': call<Region>()(RegionCreate),
  'regions:update': call<Region>()(RegionUpdate),
  'regions:delete': call<{ deleted: true }>()(ById),

  'branches:list': call<Page<Branch>>()(BranchList),
  'branches:create': call<Branch>()(BranchCreate),
  'branches:update': call<Branch>()(BranchUpdate),
  'branches:delete': call<{ deleted: true }>()(ById),

  'standards:list': call<Standard[]>()(StandardList),
  'standards:history': call<Standard[]>()(StandardByCode),
  'standards:create': call<Standard>()(StandardCreate),
  'standards:update': call<Standard>()(StandardUpdate),
  'standards:seed': call<SeedResult>()(SeedStandards),

  'inspections:list': call<Page<Inspection>>()(InspectionList),
  'inspections:get': call<Inspection>()(ById),
  'inspections:create': call<Inspection>()(InspectionCreate),
  'inspections:update': call<Inspection>()(InspectionUpdate),
  'inspections:setStatus': call<Inspection>()(InspectionSetStatus),
  'inspections:delete': call<Deleted>()(ById),

  'measurements:list': call<Page<Measurement>>()(MeasurementList),
  'measurements:upsert': call<Measurement>()(MeasurementUpsert),
  'measurements:delete': call<Deleted>()(ById),

  'findings:list': call<Page<Finding>>()(FindingList),
  'findings:createObservation': call<Finding>()(ObservationCreate),
  'findings:updateObservation': call<Finding>()(ObservationUpdate),
  'findings:deleteObservation': call<Deleted>()(ById),

  'actions:list': call<Page<CorrectiveAction>>()(ActionList),
  'actions:get': call<CorrectiveAction>()(ById),
  'actions:create': call<CorrectiveAction>()(ActionCreate),
  'actions:update': call<CorrectiveAction>()(ActionUpdate),
  'actions:setStatus': call<CorrectiveAction>()(ActionSetStatus),
  'actions:retest': call<{ retest: Retest | null }>()(ById),
  'actions:delete': call<Deleted>()(ById),

  'scores:branches': call<BranchScore[]>()(ScoreQuery),

  'audit:list': call<Page<AuditEntry>>()(AuditList),
  'imports:list': call<ImportBatch[]>()(NoInput),
  /** Rows the batch had written, removed; rows it had overwritten, put back as they were. */
  'imports:undo': call<{ rowsRemoved: number; rowsRestored: number }>()(BatchUndo),
  /**
   * A deletion made by hand put back, by the change id its call answered (`undo`): the rows it
   * deleted, and the links it cleared (an action's measurement), as they were.
   */
  'changes:undo': call<{ rowsRestored: number; rowsReverted: number }>()(ById),
} as const;

export const contract = {
  ...coreContract,
  ...plansContract,
  ...desktopContract,
  ...exportContract,
  ...jobsContract,
  ...importContract,
  ...backupsContract,
  ...dashboardContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = NonNullable<Contract[C]['output']>;

/** Handlers for a subset of the contract: each feature module supplies its own part. */
export type HandlersOf<K extends Channel> = {
  [C in K]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
};
export type Handlers = { [C in Channel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>> };

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
