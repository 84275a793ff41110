import type { z } from 'zod';
import { contract, isChannel, type Channel, type Handlers, type Output } from '../../shared/contract';
import { AppError, invalidField } from '../../shared/errors';
import type { Envelope } from '../../shared/transport';
import { issueDetail } from '../../shared/validation';
import { DIMENSIONS } from '../../shared/domain/dimensions';
import * as org from '../repositories/organisation';
import * as standardsRepo from '../repositories/standards';
import * as inspectionsRepo from '../repositories/inspections';
import * as actionsRepo from '../repositories/actions';
import { listAudit } from '../repositories/audit';
import { listBatches } from '../repositories/system';
import type { ServiceContext } from './context';
import { today } from './context';
import * as organisation from './organisation';
import * as standards from './standards';
import * as inspections from './inspections';
import * as actions from './actions';
import { branchScores } from './scores';
import { retestOf } from './retest';
import { undoBatch } from './undo';
import { undoChange } from './changes';
import { plansHandlers } from '../plans/handlers';
import { exportHandlers } from '../export/handlers';
import { importHandlers } from '../import/handlers';
import { dashboardHandlers } from '../dashboard/handlers';
import { desktopUnavailableHandlers } from '../electron/unavailable';
import { getSettings, setSettings, systemInfo } from './system';
import { createBackup, listBackups, restoreBackup } from './backups';

/** Every contract call, bound to one service context. Transports call `dispatch`, not these. */
export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...coreHandlers(ctx),
    ...plansHandlers(ctx),
    ...exportHandlers(ctx),
    ...importHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...desktopUnavailableHandlers(),
  };
}

function coreHandlers(ctx: ServiceContext) {
  return {
    'system:info': () => systemInfo(ctx),
    'settings:get': () => getSettings(ctx),
    'settings:set': (i) => setSettings(ctx, i),
    'dimensions:list': () => DIMENSIONS,

    'regions:list': () => org.listRegions(ctx.db),
    'regions:create': (i) => organisation.createRegion(ctx, i),
    'regions:update': (i) => organisation.updateRegion(ctx, i),
    'regions:delete': (i) => organisation.deleteRegion(ctx, i.id),

    'branches:list': (i) => org.listBranches(ctx.db, i),
    'branches:create': (i) => organisation.createBranch(ctx, i),
    'branches:update': (i) => organisation.updateBranch(ctx, i),
    'branches:delete': (i) => organisation.deleteBranch(ctx, i.id),

    'standards:list': (i) => standardsRepo.listStandards(ctx.db, i),
    'standards:history': (i) => standardsRepo.standardVersions(ctx.db, i.code),
    'standards:create': (i) => standards.createStandard(ctx, i),
    'standards:update': (i) => standards.updateStandard(ctx, i),
    'standards:seed': (i) => standards.seedStandards(ctx, i),

    'inspections:list': (i) => inspectionsRepo.listInspections(ctx.db, i),
    'inspections:get': (i) => inspections.getInspection(ctx, i.id),
    'inspections:create': (i) => inspections.createInspection(ctx, i),
    'inspections:update': (i) => inspections.updateInspection(ctx, i),
    'inspections:setStatus': (i) => inspections.setInspectionStatus(ctx, i),
    'inspections:delete': (i) => inspections.deleteInspection(ctx, i.id),

    'measurements:list': (i) => inspectionsRepo.listMeasurements(ctx.db, i),
    'measurements:upsert': (i) => inspections.upsertMeasurement(ctx, i),
    'measurements:delete': (i) => inspections.deleteMeasurement(ctx, i.id),

    'findings:list': (i) => actionsRepo.listFindings(ctx.db, i),
    'findings:createObservation': (i) => actions.createObservation(ctx, i),
    'findings:updateObservation': (i) => actions.updateObservation(ctx, i),
    'findings:deleteObservation': (i) => actions.deleteObservation(ctx, i.id),

    'actions:list': (i) => actionsRepo.listActions(ctx.db, i, today(ctx)),
    'actions:retest': (i) => ({ retest: retestOf(ctx, actions.getAction(ctx, i.id)) }),
    'actions:get': (i) => actions.getAction(ctx, i.id),
    'actions:create': (i) => actions.createAction(ctx, i),
    'actions:update': (i) => actions.updateAction(ctx, i),
    'actions:setStatus': (i) => actions.setActionStatus(ctx, i),
    'actions:delete': (i) => actions.deleteAction(ctx, i.id),

    'scores:branches': (i) => branchScores(ctx, i),

    'audit:list': (i) => listAudit(ctx.db, i),
    'imports:list': () => listBatches(ctx.db),
    'jobs:cancel': (i) => ({ cancelled: ctx.jobs.cancel(i.jobId) }),
    'imports:undo': (i) => undoBatch(ctx, i.id),
    'changes:undo': (i) => undoChange(ctx, i.id),
    'backups:list': () => listBackups(ctx),
    'backups:create': () => createBackup(ctx),
    'backups:restore': (i) => restoreBackup(ctx, i.name),
  } satisfies Partial<Handlers>;
}

/**
 * The single entrance for every transport: checks the channel, validates the argument with
 * the contract's schema (naming the offending field), then calls the handler. Nothing
 * reaches a service unvalidated.
 */
export async function dispatch<C extends Channel>(
  handlers: Handlers,
  channel: C | string,
  rawInput: unknown,
): Promise<Output<C>> {
  if (!isChannel(channel))
    throw new AppError(
      'unsupported',
      'invalidField',
      { field: 'channel', detail: `unknown call ${channel}` },
      'channel',
    );
  // With the input in each issue: a missing value reads "is required", a wrong one not.
  const parsed = contract[channel].input.safeParse(rawInput ?? {}, { reportInput: true });
  if (!parsed.success) throw fromZod(parsed.error);
  const handler = handlers[channel] as (input: unknown) => unknown;
  return (await handler(parsed.data)) as Output<C>;
}

export function fromZod(error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'input';
  return invalidField(field, issueDetail(issue));
}

/** Runs a call and wraps the outcome for the wire; unexpected errors become `internal`. */
export async function dispatchEnvelope(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await dispatch(handlers, channel, rawInput) };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toPayload() };
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        kind: 'internal',
        key: 'invalidField',
        params: { field: 'internal', detail: message },
        message,
      },
    };
  }
}
