import { ACTION_STATUSES, ROOT_CAUSE_CATEGORIES } from '../../../shared/domain/enums';
import { findActionByKey } from '../../repositories/imports';
import { insertAction, updateAction, type ActionRow } from '../../repositories/actions';
import { rawRow } from '../../repositories/rows';
import { afterCreate, auditedUpdate } from '../../services/audited';
import { newId, nowIso } from '../../services/context';
import type { SheetLayout } from '../detect';
import type { RowReader } from '../row-reader';
import type { ImportSession } from '../session';
import { vocabulary } from '../vocabulary';
import { orgRef, rowBranch } from './org-columns';

const STATUSES = vocabulary(ACTION_STATUSES, {
  未完成: 'in_progress',
  整改中: 'in_progress',
  已整改: 'done',
  完成: 'done',
});
const CATEGORIES = vocabulary(ROOT_CAUSE_CATEGORIES, {
  网络: 'network',
  系统: 'network',
  产品: 'product',
  资费: 'product',
});
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Corrective actions, upserted on their id when the sheet has one, else on branch +
 * standard + action text. The sheet's status is taken as it stands (a region reports where
 * each action is), audited like any other change.
 */
export function actionRows(s: ImportSession, layout: SheetLayout) {
  return (r: RowReader): void => {
    const ref = orgRef(r);
    const id = r.text('id');
    const standardCode = r.code('standard_code');
    const fields = {
      finding: r.text('finding'),
      rootCauseCategory: r.choice('root_cause_category', CATEGORIES.map, CATEGORIES.shown),
      rootCause: r.text('root_cause'),
      action: r.text('action', true),
      department: r.text('department', true),
      owner: r.text('owner', true),
      dueDate: r.date('due_date', true),
      status: r.choice('status', STATUSES.map, STATUSES.shown) ?? 'open',
      verifiedOn: r.date('verified_on'),
      verificationNote: r.text('verification_note'),
    };
    if (id && !UUID.test(id)) r.problem(layout.keyColumn.get('id')!, 'badCode');
    if (standardCode && !s.standards.unitOf(standardCode)) {
      r.problem(layout.keyColumn.get('standard_code')!, 'unknownStandard', { text: standardCode });
    }
    if (r.problems.length > 0) return s.failed(r.row, r.problems);
    const branch = rowBranch(s, r, ref);
    if (branch === null) return;
    const at = nowIso(s.ctx);
    const values = {
      ...fields,
      branchId: branch,
      standardCode,
      action: fields.action!,
      department: fields.department!,
      owner: fields.owner!,
      dueDate: fields.dueDate!,
    };
    const key = `${ref.branchCode ?? ref.branchName}/${standardCode ?? ''}/${values.action}`;
    const existing = id
      ? rawRow(s.ctx.db, 'actions', id)
      : findActionByKey(s.ctx.db, branch, standardCode, values.action);
    if (!existing) {
      const row: ActionRow = {
        id: id ?? newId(),
        ...values,
        findingId: null,
        measurementId: null,
        verificationMet: null,
        planId: null,
        createdAt: at,
        updatedAt: at,
        batchId: s.ctx.batchId ?? null,
      };
      insertAction(s.ctx.db, row);
      afterCreate(s.ctx, 'actions', row.id, key);
      return s.counted('created');
    }
    const same =
      existing.branch_id === values.branchId &&
      existing.standard_code === values.standardCode &&
      existing.finding === values.finding &&
      existing.root_cause_category === values.rootCauseCategory &&
      existing.root_cause === values.rootCause &&
      existing.action === values.action &&
      existing.department === values.department &&
      existing.owner === values.owner &&
      existing.due_date === values.dueDate &&
      existing.status === values.status &&
      existing.verified_on === values.verifiedOn &&
      existing.verification_note === values.verificationNote;
    if (same) return s.counted('unchanged');
    auditedUpdate(s.ctx, 'actions', existing.id, key, () =>
      updateAction(s.ctx.db, {
        id: existing.id,
        ...values,
        findingId: existing.finding_id as string | null,
        measurementId: existing.measurement_id as string | null,
        verificationMet: existing.verification_met as 0 | 1 | null,
        planId: existing.plan_id as string | null,
        updatedAt: at,
      } as Omit<ActionRow, 'createdAt' | 'batchId'>),
    );
    s.counted('updated');
  };
}
