import type { OrgRef } from '../organisation';
import type { ImportSession } from '../session';
import type { RowReader } from '../row-reader';

/** The row's region and branch columns; a row must name its branch by code or by name. */
export function orgRef(r: RowReader): OrgRef {
  const ref: OrgRef = {
    regionCode: r.code('region_code'),
    regionName: r.text('region_name'),
    branchCode: r.code('branch_code'),
    branchName: r.text('branch_name'),
  };
  if (!ref.branchCode && !ref.branchName) {
    r.text(r.has('branch_code') ? 'branch_code' : 'branch_name', true);
  }
  return ref;
}

/** The row's branch id (created when new and the row names a region); null: the row failed. */
export function rowBranch(s: ImportSession, r: RowReader, ref: OrgRef): string | null {
  const branch = s.org.branch(ref);
  if ('ok' in branch) return branch.ok;
  r.problem(r.columnOf('branch_code') ?? r.columnOf('branch_name') ?? null, branch.error, {
    text: branch.text,
  });
  s.failed(r.row, r.problems);
  return null;
}
