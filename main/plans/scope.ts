import type { Scope } from '../../shared/schemas/common';
import { AppError } from '../../shared/errors';
import { countBranches, scopeName } from '../repositories/plans';
import type { ServiceContext } from '../services/context';

export interface ResolvedScope {
  scope: Scope;
  name: string;
  branchCount: number;
}

/** A scope that exists, with its name and size; an unknown code names the field at fault. */
export function resolveScope(ctx: ServiceContext, scope: Scope): ResolvedScope {
  const name = scopeName(ctx.db, scope);
  if (name === undefined) {
    throw new AppError(
      'invalid',
      scope.type === 'region' ? 'unknownRegion' : 'unknownBranch',
      { code: scope.code ?? '' },
      'scope.code',
    );
  }
  return {
    scope: scope.type === 'all' ? { type: 'all' } : scope,
    name,
    branchCount: countBranches(ctx.db, scope),
  };
}

/** What `--scope CODE` means on the command line: a region code, else a branch code. */
export function scopeFromCode(ctx: ServiceContext, code: string | undefined): Scope {
  if (!code || code.toLowerCase() === 'all') return { type: 'all' };
  if (scopeName(ctx.db, { type: 'region', code }) !== undefined) return { type: 'region', code };
  if (scopeName(ctx.db, { type: 'branch', code }) !== undefined) return { type: 'branch', code };
  throw new AppError('invalid', 'unknownScope', { code }, 'scope');
}
