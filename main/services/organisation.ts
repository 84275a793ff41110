import type { ParsedInput } from '../../shared/contract';
import { NOUNS } from '../../shared/messages';
import type { Branch, Region } from '../../shared/schemas/organisation';
import { AppError } from '../../shared/errors';
import * as repo from '../repositories/organisation';
import { afterCreate, auditedDelete, auditedUpdate } from './audited';
import { inTransaction, newId, nowIso, type ServiceContext } from './context';

export function requireRegion(ctx: ServiceContext, code: string, field = 'regionCode'): { id: string } {
  // Not getRegion: it counts the region's branches, and a large import creates thousands.
  const region = repo.regionRef(ctx.db, { code });
  if (!region) throw new AppError('invalid', 'unknownRegion', { code }, field);
  return region;
}

/**
 * A region's branches have distinct names (the schema's UNIQUE (region_id, name)): a clash is
 * said here, as a conflict on the name, rather than by SQLite as an internal error.
 */
function requireFreeName(ctx: ServiceContext, regionId: string, name: string, self?: string): void {
  const other = repo.findBranchByName(ctx.db, regionId, name);
  if (other !== undefined && other.id !== self) {
    throw new AppError('conflict', 'duplicate', { entity: NOUNS.branch, key: name }, 'name');
  }
}

export function requireBranch(ctx: ServiceContext, code: string, field = 'branchCode'): Branch {
  const branch = repo.getBranch(ctx.db, { code });
  if (!branch) throw new AppError('invalid', 'unknownBranch', { code }, field);
  return branch;
}

export function createRegion(ctx: ServiceContext, input: ParsedInput<'regions:create'>): Region {
  return inTransaction(ctx, () => addRegion(ctx, input));
}

/**
 * createRegion's and createBranch's work without a savepoint of their own, for an import:
 * its rows create the regions and branches they name inside its one transaction, which a
 * failure ends whole. There a savepoint per new branch copied every page the branch touched
 * that the import had already changed (a million rows name 3,206 new branches: 0.49 s with one
 * each). They throw only before they write, so a caller that reports the error and goes on
 * (import/kinds/service-rows.ts) keeps nothing half-written.
 */
export function addRegion(ctx: ServiceContext, input: ParsedInput<'regions:create'>): Region {
  if (repo.getRegion(ctx.db, { code: input.code })) {
    throw new AppError('conflict', 'duplicate', { entity: NOUNS.region, key: input.code }, 'code');
  }
  const id = newId();
  const at = nowIso(ctx);
  repo.insertRegion(ctx.db, { id, ...input, createdAt: at, updatedAt: at, batchId: ctx.batchId ?? null });
  afterCreate(ctx, 'regions', id, input.code);
  return repo.getRegion(ctx.db, { id })!;
}

export function updateRegion(ctx: ServiceContext, input: ParsedInput<'regions:update'>): Region {
  return inTransaction(ctx, () => {
    const region = repo.getRegion(ctx.db, { id: input.id });
    if (!region) throw new AppError('not_found', 'notFound', { entity: NOUNS.region, id: input.id }, 'id');
    const code = input.code ?? region.code;
    const clash = code !== region.code && repo.getRegion(ctx.db, { code });
    if (clash) throw new AppError('conflict', 'duplicate', { entity: NOUNS.region, key: code }, 'code');
    auditedUpdate(ctx, 'regions', region.id, code, () =>
      repo.updateRegion(ctx.db, {
        id: region.id,
        code,
        name: input.name ?? region.name,
        updatedAt: nowIso(ctx),
      }),
    );
    return repo.getRegion(ctx.db, { id: region.id })!;
  });
}

export function deleteRegion(ctx: ServiceContext, id: string): { deleted: true } {
  return inTransaction(ctx, () => {
    const region = repo.getRegion(ctx.db, { id });
    if (!region) throw new AppError('not_found', 'notFound', { entity: NOUNS.region, id }, 'id');
    if (region.branchCount > 0) {
      throw new AppError('conflict', 'inUse', {
        entity: NOUNS.region,
        key: region.code,
        count: region.branchCount,
        by: NOUNS.branches,
      });
    }
    auditedDelete(ctx, 'regions', id, region.code, () => repo.deleteRegion(ctx.db, id));
    return { deleted: true };
  });
}

export function createBranch(ctx: ServiceContext, input: ParsedInput<'branches:create'>): Branch {
  return inTransaction(ctx, () => addBranch(ctx, input));
}

/** See addRegion. */
export function addBranch(ctx: ServiceContext, input: ParsedInput<'branches:create'>): Branch {
  const region = requireRegion(ctx, input.regionCode);
  if (repo.getBranch(ctx.db, { code: input.code })) {
    throw new AppError('conflict', 'duplicate', { entity: NOUNS.branch, key: input.code }, 'code');
  }
  requireFreeName(ctx, region.id, input.name);
  const id = newId();
  const at = nowIso(ctx);
  repo.insertBranch(ctx.db, {
    id,
    code: input.code,
    name: input.name,
    regionId: region.id,
    createdAt: at,
    updatedAt: at,
    batchId: ctx.batchId ?? null,
  });
  afterCreate(ctx, 'branches', id, input.code);
  return repo.getBranch(ctx.db, { id })!;
}

export function updateBranch(ctx: ServiceContext, input: ParsedInput<'branches:update'>): Branch {
  return inTransaction(ctx, () => {
    const branch = repo.getBranch(ctx.db, { id: input.id });
    if (!branch) throw new AppError('not_found', 'notFound', { entity: NOUNS.branch, id: input.id }, 'id');
    const code = input.code ?? branch.code;
    if (code !== branch.code && repo.getBranch(ctx.db, { code })) {
      throw new AppError('conflict', 'duplicate', { entity: NOUNS.branch, key: code }, 'code');
    }
    const regionId = input.regionCode ? requireRegion(ctx, input.regionCode).id : branch.regionId;
    const name = input.name ?? branch.name;
    requireFreeName(ctx, regionId, name, branch.id);
    auditedUpdate(ctx, 'branches', branch.id, code, () =>
      repo.updateBranch(ctx.db, {
        id: branch.id,
        code,
        name,
        regionId,
        updatedAt: nowIso(ctx),
      }),
    );
    return repo.getBranch(ctx.db, { id: branch.id })!;
  });
}

export function deleteBranch(ctx: ServiceContext, id: string): { deleted: true } {
  return inTransaction(ctx, () => {
    const branch = repo.getBranch(ctx.db, { id });
    if (!branch) throw new AppError('not_found', 'notFound', { entity: NOUNS.branch, id }, 'id');
    const refs = repo.countBranchReferences(ctx.db, id);
    if (refs > 0) {
      throw new AppError('conflict', 'inUse', {
        entity: NOUNS.branch,
        key: branch.code,
        count: refs,
        by: NOUNS.records,
      });
    }
    auditedDelete(ctx, 'branches', id, branch.code, () => repo.deleteBranch(ctx.db, id));
    return { deleted: true };
  });
}
