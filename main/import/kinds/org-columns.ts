import type { OrgRef } from '../organisation';
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
