/**
 * Creates a corrective action (actions:create) or edits one (actions:update) in a dialog. Each
 * field is checked with the contract's own schema as it is typed; what only the service can
 * tell (an unknown branch, a due date before the action was created) lands on the field it names.
 */
import { useEffect, useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { OVER_DRAWER_Z } from './layers';
import { useTranslation } from 'react-i18next';
import type { CorrectiveAction } from '../../../shared/schemas/action';
import { UNFINISHED_ACTION_STATUSES } from '../../../shared/domain/enums';
import { AppError } from '../../../shared/errors';
import { client } from '../../client';
import { errorText } from '../../format';
import { useStandardOptions } from '../../components/useStandardOptions';
import { useNotice } from '../../components/useNotice';
import { toLang } from '../../i18n';
import { BranchSelect } from '../../components/BranchSelect';
import { fieldError, FORM_FIELDS, isRequired, type FormField } from './validation';

interface Values {
  branchCode?: string;
  standardCode?: string | null;
  finding?: string;
  action?: string;
  department?: string;
  owner?: string;
  dueDate?: dayjs.Dayjs | null;
}

/**
 * The finding a new action is raised from (domain.md: an action is raised from a finding, or by
 * hand): its branch and standard are the action's, its words open the 问题 field, and the action
 * keeps the link (a failed or warned measurement by its id, an observation by its own).
 */
export interface RaisedFrom {
  branchCode: string;
  branchName: string;
  standardCode: string | null;
  finding: string;
  measurementId: string | null;
  findingId: string | null;
}

/** What the form is open for: a new action (perhaps with a branch already chosen) or an edit. */
export type ActionFormTarget =
  { mode: 'new'; branchCode?: string; from?: RaisedFrom } | { mode: 'edit'; action: CorrectiveAction };

const asDate = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const blankToNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function ActionForm({
  target,
  onClose,
  onSaved,
}: {
  target: ActionFormTarget | null;
  onClose: () => void;
  onSaved: (a: CorrectiveAction) => void;
}) {
  const { t, i18n } = useTranslation('actions');
  const notice = useNotice();
  const [form] = Form.useForm<Values>();
  const { options: standardOptions } = useStandardOptions(!!target);
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? target.action : null;
  const from = target?.mode === 'new' ? target.from : undefined;
  // An action stays with its branch, and one raised from a finding is that finding's.
  const fixedBranch = editing ?? from;
  /**
   * Unfinished actions on the finding's branch and standard: domain.md links them rather than
   * duplicating them, so the form names them before a second one is made beside them.
   */
  const [sameOpen, setSameOpen] = useState<CorrectiveAction[]>([]);
  useEffect(() => {
    setSameOpen([]);
    if (!from?.standardCode) return;
    let live = true;
    client
      .call('actions:list', { branchCode: from.branchCode, standardCode: from.standardCode, limit: 50 })
      .then(
        (page) =>
          live &&
          setSameOpen(
            page.rows.filter((a) => (UNFINISHED_ACTION_STATUSES as readonly string[]).includes(a.status)),
          ),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [from]);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const a = target.action;
      form.setFieldsValue({
        branchCode: a.branchCode,
        standardCode: a.standardCode,
        finding: a.finding ?? '',
        action: a.action,
        department: a.department,
        owner: a.owner,
        dueDate: dayjs(a.dueDate),
      });
    } else if (target.from) {
      const { branchCode, standardCode, finding } = target.from;
      form.setFieldsValue({ branchCode, standardCode, finding });
    } else {
      form.setFieldsValue({ branchCode: target.branchCode });
    }
  }, [target, form]);

  const rule = (field: FormField): Rule[] => [
    {
      validator: (_, value: unknown) => {
        const v = field === 'dueDate' ? asDate(value as dayjs.Dayjs | null) : value;
        const problem = fieldError(field, v, t, toLang(i18n.language));
        return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
      },
    },
  ];

  /** A field's name, its check against the contract, and its required mark. */
  const checked = (field: FormField) => ({ name: field, rules: rule(field), required: isRequired(field) });

  async function save() {
    const v = await form.validateFields();
    const fields = {
      standardCode: v.standardCode ?? null,
      finding: blankToNull(v.finding),
      action: v.action!.trim(),
      department: v.department!.trim(),
      owner: v.owner!.trim(),
      dueDate: asDate(v.dueDate)!,
    };
    setSaving(true);
    try {
      const saved = editing
        ? await client.call('actions:update', { id: editing.id, ...fields })
        : await client.call('actions:create', {
            branchCode: v.branchCode!,
            ...fields,
            measurementId: from?.measurementId ?? null,
            findingId: from?.findingId ?? null,
          });
      notice.done(t('form.saved'));
      onSaved(saved);
    } catch (e) {
      const field = e instanceof AppError ? e.field : undefined;
      if (field && (FORM_FIELDS as readonly string[]).includes(field))
        form.setFields([{ name: field as FormField, errors: [errorText(e, i18n.language)] }]);
      else notice.refused(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={!!target}
      title={editing ? t('form.editTitle') : t('form.newTitle')}
      okText={t('form.save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okButtonProps={{ 'data-testid': 'action-form-save' } as Record<`data-${string}`, string>}
      forceRender
      width={560}
      zIndex={OVER_DRAWER_Z}
    >
      {sameOpen.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="action-form-same-open"
          title={t('form.sameOpen', {
            n: sameOpen.length,
            list: sameOpen
              .slice(0, 3)
              .map((a) => a.action)
              .join('；'),
          })}
        />
      )}
      <Form form={form} layout="vertical" size="small" data-testid="action-form">
        <Form.Item {...checked('branchCode')} label={t('form.branch')}>
          {fixedBranch ? (
            <Select
              disabled
              options={[
                {
                  value: fixedBranch.branchCode,
                  label: `${fixedBranch.branchCode} ${fixedBranch.branchName}`,
                },
              ]}
            />
          ) : (
            <BranchSelect
              width="100%"
              placeholder={t('form.branchPlaceholder')}
              testId="action-form-branch"
            />
          )}
        </Form.Item>
        <Form.Item {...checked('standardCode')} label={t('form.standard')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            placeholder={t('form.standardPlaceholder')}
            options={standardOptions}
            data-testid="action-form-standard"
          />
        </Form.Item>
        <Form.Item {...checked('finding')} label={t('form.finding')}>
          <Input.TextArea rows={2} data-testid="action-form-finding" />
        </Form.Item>
        <Form.Item {...checked('action')} label={t('form.action')}>
          <Input.TextArea rows={2} data-testid="action-form-action" />
        </Form.Item>
        <Form.Item {...checked('department')} label={t('form.department')}>
          <Input data-testid="action-form-department" />
        </Form.Item>
        <Form.Item {...checked('owner')} label={t('form.owner')}>
          <Input data-testid="action-form-owner" />
        </Form.Item>
        <Form.Item {...checked('dueDate')} label={t('form.dueDate')}>
          <DatePicker data-testid="action-form-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
