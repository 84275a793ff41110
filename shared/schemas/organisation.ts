import { z } from 'zod';
import { Code, Id, Name, Paging, type Stamped } from './common';

export interface Region extends Stamped {
  code: string;
  name: string;
  branchCount: number;
}

export interface Branch extends Stamped {
  code: string;
  name: string;
  regionId: string;
  regionCode: string;
  regionName: string;
}

export const RegionCreate = z.object({ code: Code, name: Name });
export const RegionUpdate = z.object({ id: Id, code: Code.optional(), name: Name.optional() });

export const BranchList = Paging.extend({
  regionCode: Code.optional(),
  q: z.string().trim().max(100).optional(),
});
export const BranchCreate = z.object({ code: Code, name: Name, regionCode: Code });
export const BranchUpdate = z.object({
  id: Id,
  code: Code.optional(),
  name: Name.optional(),
  regionCode: Code.optional(),
});
