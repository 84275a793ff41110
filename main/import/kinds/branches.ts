import { getBranch } from '../../repositories/organisation';
import { createBranch, updateBranch } from '../../services/organisation';
import type { SheetLayout } from '../detect';
import type { RowReader } from '../row-reader';
import type { ImportSession } from '../session';
import { throughService } from './service-rows';

/** The organisation list: branches upserted on their code, regions created when new. */
export function branchRows(s: ImportSession, layout: SheetLayout) {
  return (r: RowReader): void => {
    const code = r.code('branch_code', true);
    const name = r.text('branch_name', true);
    const regionCode = r.code('region_code');
    const regionName = r.text('region_name');
    if (!regionCode && !regionName) r.text(r.has('region_code') ? 'region_code' : 'region_name', true);
    if (r.problems.length > 0 || !code || !name) return s.failed(r.row, r.problems);
    const ok = throughService(r, layout.keyColumn.get('branch_code')!, () => {
      const region = s.org.regionCode(regionCode, regionName)!;
      const existing = getBranch(s.ctx.db, { code });
      if (!existing) {
        const created = createBranch(s.ctx, { code, name, regionCode: region });
        s.org.remember(code, created.id);
        s.createdBranches.push(code);
        return s.counted('created');
      }
      if (existing.name === name && existing.regionCode === region) return s.counted('unchanged');
      updateBranch(s.ctx, { id: existing.id, name, regionCode: region });
      s.counted('updated');
    });
    if (!ok) s.failed(r.row, r.problems);
  };
}
