import * as repo from '../repositories/organisation';
import { addBranch, addRegion } from '../services/organisation';
import type { ServiceContext } from '../services/context';
import type { ReasonKey } from '../../shared/import/reasons';
import { AppError } from '../../shared/errors';

export interface OrgRef {
  regionCode: string | null;
  regionName: string | null;
  branchCode: string | null;
  branchName: string | null;
}

export type Resolved<T> = { ok: T } | { error: ReasonKey; text: string };

/**
 * Regions and branches as rows name them: known ones by code (else by name), unknown ones
 * created from the row's region (created too when new) and listed in the report. Cached,
 * since a sheet names the same few hundred branches over and over. Created inside the
 * import's transaction without a savepoint each (see addRegion).
 */
export class Organisation {
  private readonly branches = new Map<string, string>();
  private readonly regions = new Map<string, { id: string; code: string }>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly created: { regions: string[]; branches: string[] },
  ) {}

  /** The region's id and code, created when new; null when the row names none. */
  region(code: string | null, name: string | null): { id: string; code: string } | null {
    const key = code ?? name;
    if (!key) return null;
    const cached = this.regions.get(key);
    if (cached) return cached;
    let region = this.findRegion(code, name);
    if (!region) {
      const { id, code: created } = addRegion(this.ctx, { code: key, name: name ?? key });
      region = { id, code: created };
      this.created.regions.push(key);
    }
    this.regions.set(key, region);
    return region;
  }

  /** The branch's id, created when its code is new and the row names a region. */
  branch(ref: OrgRef): Resolved<string> {
    if (ref.branchCode) {
      const cached = this.branches.get(ref.branchCode);
      if (cached) return { ok: cached };
      const found = repo.getBranch(this.ctx.db, { code: ref.branchCode });
      if (found) {
        this.branches.set(ref.branchCode, found.id);
        return { ok: found.id };
      }
      if (!ref.regionCode && !ref.regionName) return { error: 'unknownBranchNoRegion', text: ref.branchCode };
      const regionCode = this.regionCode(ref.regionCode, ref.regionName)!;
      const name = ref.branchName ?? ref.branchCode;
      let branch: { id: string };
      try {
        branch = addBranch(this.ctx, { code: ref.branchCode, name, regionCode });
      } catch (e) {
        // The code was looked up above: a conflict is the name, taken in its region. Nothing was written.
        if (e instanceof AppError && e.kind === 'conflict')
          return { error: 'branchNameTaken', text: `${ref.branchCode} ${name}` };
        throw e;
      }
      this.created.branches.push(ref.branchCode);
      this.branches.set(ref.branchCode, branch.id);
      return { ok: branch.id };
    }
    const name = ref.branchName!;
    const cacheKey = `name:${ref.regionCode ?? ref.regionName ?? ''}:${name}`;
    const cached = this.branches.get(cacheKey);
    if (cached) return { ok: cached };
    const regionId = ref.regionCode || ref.regionName ? this.existingRegion(ref) : null;
    const found = repo.findBranchByName(this.ctx.db, regionId, name);
    if (!found) return { error: 'unknownBranchName', text: name };
    this.branches.set(cacheKey, found.id);
    return { ok: found.id };
  }

  /** The code of the row's region, created when new; null when the row names none. */
  regionCode(code: string | null, name: string | null): string | null {
    return this.region(code, name)?.code ?? null;
  }

  /** A branch this import just created (branches sheet), so later rows find it cached. */
  remember(code: string, id: string): void {
    this.branches.set(code, id);
  }

  private existingRegion(ref: OrgRef): string | null {
    return this.findRegion(ref.regionCode, ref.regionName)?.id ?? null;
  }

  /** The region a row names: by its code, else by its name, else by a name that is a code. */
  private findRegion(code: string | null, name: string | null): { id: string; code: string } | undefined {
    const db = this.ctx.db;
    if (code) return repo.regionRef(db, { code });
    return repo.regionRef(db, { name: name! }) ?? repo.regionRef(db, { code: name! });
  }
}
