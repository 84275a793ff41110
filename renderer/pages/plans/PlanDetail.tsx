/**
 * One plan through its cycle: Plan (the ranked gaps, confirm actions), Do (the actions run),
 * Check (before/after from later data), Act (standardise, carry over), closed. The buttons
 * offered are the transitions PLAN_TRANSITIONS allows from the current stage.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  List,
  Space,
  Steps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../shared/contracts/plans';
import type { PlanDraft } from '../../../shared/plans/types';
import { PLAN_TRANSITIONS, type PlanStage } from '../../../shared/domain/enums';
import type { Input } from '../../../shared/contract';
import { client } from '../../client';
import { toLang } from '../../i18n';
import { EChart } from '../../charts/EChart';
import { paretoOption } from '../../charts/options';
import { useEnumLabel } from '../dashboard/labels';
import { useNotice } from '../../components/useNotice';
import { hashLink } from '../dashboard/route';
import { GapsGrid, type GapRow } from './GapsGrid';
import { CheckGrid } from './CheckGrid';
import { ActForm } from './ActForm';
import { ExportButtons } from './ExportButtons';
import { coveredKeys } from '../../../shared/plans/coverage';
import { confirmations } from './proposals';
import { useDraftSaver } from '../../components/useDraftSaver';
import { namesInPlan, SEPARATORS } from '../../../shared/plans/texts';
import { proposalAsTyped } from '../../../shared/plans/drafts';

const STEPS: PlanStage[] = ['plan', 'do', 'check', 'act', 'closed'];

const saveDrafts = (id: string, drafts: ReadonlyMap<string, PlanDraft>) =>
  client.call('plans:saveDrafts', { id, drafts: [...drafts].map(([key, d]) => ({ key, ...d })) });

export function PlanDetail({
  plan,
  onChange,
}: {
  plan: Plan;
  onChange: (p: Plan, nextPlanId?: string) => void;
}) {
  const { t, i18n } = useTranslation('plans');
  const label = useEnumLabel();
  const notice = useNotice();
  const lang = toLang(i18n.language);
  // Standards and gaps by name, as the gaps and check tabs show them, not by code or key.
  const named = useMemo(() => namesInPlan(plan.content.gaps, lang), [plan.content.gaps, lang]);
  const sep = SEPARATORS[lang];
  // What the user typed before, as saved with the plan; edits are saved as they are made.
  const [drafts, setDrafts] = useState(() => new Map(Object.entries(plan.content.drafts)));
  const { queue, flush } = useDraftSaver<PlanDraft>(plan.id, saveDrafts);
  const [busy, setBusy] = useState(false);
  const { modal } = App.useApp();

  const run = async <T,>(work: () => Promise<T>, done: (r: T) => void, success?: string) => {
    setBusy(true);
    try {
      done(await work());
      if (success) notice.done(success);
    } catch (e) {
      notice.refused(e);
    } finally {
      setBusy(false);
    }
  };

  const covered = useMemo(() => coveredKeys(plan), [plan]);
  const rows = useMemo<GapRow[]>(
    () =>
      plan.content.gaps.map((g) => ({
        ...g,
        covered: covered.has(g.key),
        draft: proposalAsTyped(g, drafts.get(g.key), lang),
      })),
    [plan, covered, drafts, lang],
  );
  const onDraft = useCallback(
    (key: string, d: PlanDraft) => {
      setDrafts((m) => new Map(m).set(key, d));
      queue(key, d);
    },
    [queue],
  );
  // Drafts not yet touched come from the proposals, so an owner typed into one row suffices.
  const allDrafts = useMemo(
    () => new Map(rows.flatMap((r) => (r.draft ? [[r.key, r.draft] as const] : []))),
    [rows],
  );
  const ready = confirmations(plan, allDrafts);
  const waiting = rows.filter((r) => r.draft && !r.covered).length;
  const editable = plan.stage === 'plan' || plan.stage === 'do';
  const c = plan.content;

  const advance = (to: PlanStage) =>
    run(
      () => client.call('plans:advance', { id: plan.id, to }),
      (p) => onChange(p),
      t('advanced', { stage: label(to) }),
    );
  const confirm = () =>
    run(
      // Edits still waiting are saved first, so the plan on record holds the drafts confirmed.
      () => flush().then(() => client.call('plans:confirmActions', { id: plan.id, actions: ready })),
      (p) => onChange(p),
      t('confirmed', { n: ready.length }),
    );
  const check = () =>
    run(
      () => client.call('plans:check', { id: plan.id }),
      (p) => onChange(p),
      t('checked'),
    );
  const act = (input: Omit<Input<'plans:act'>, 'id'>) =>
    run(
      () => client.call('plans:act', { id: plan.id, ...input, lang: toLang(i18n.language) }),
      (r) => onChange(r.plan, r.nextPlan?.id),
      t('acted'),
    );

  // Do carries the countermeasures as actions: entering it from Plan with gaps that have none is
  // asked first. Going back to it from Check is not: that question was answered on the way in.
  const uncovered = rows.filter((r) => !r.covered).length;
  const askBeforeDo = () =>
    void modal.confirm({
      title: t('doWithoutActions', { n: uncovered, total: rows.length }),
      okText: t('advanceTo', { stage: label('do') }),
      cancelText: t('cancel'),
      onOk: () => advance('do'),
    });

  const current = STEPS.indexOf(plan.stage);
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span data-testid="plan-title">{plan.title}</span>
          <Tag color="blue" data-testid="plan-stage">
            {label(plan.stage)}
          </Tag>
        </Space>
      }
      extra={<ExportButtons kind="plan" id={plan.id} baseName={plan.title} />}
      data-testid="plan-detail"
    >
      <Steps
        size="small"
        current={current}
        status={plan.stage === 'closed' ? 'finish' : 'process'}
        // Titles and hints under the step numbers: beside them the last step ran off the card.
        titlePlacement="vertical"
        items={STEPS.map((s) => ({ title: label(s), description: t(`stageHint.${s}`) }))}
        style={{ marginBottom: 12 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        {PLAN_TRANSITIONS[plan.stage].map((to) => (
          <Button
            key={to}
            size="small"
            type={STEPS.indexOf(to) > current ? 'primary' : 'default'}
            loading={busy}
            onClick={() =>
              to === 'do' && plan.stage === 'plan' && uncovered > 0 ? askBeforeDo() : void advance(to)
            }
            data-testid={`advance-${to}`}
          >
            {t('advanceTo', { stage: label(to) })}
          </Button>
        ))}
        {plan.stage === 'check' && (
          <Button size="small" loading={busy} onClick={() => void check()} data-testid="run-check">
            {t('runCheck')}
          </Button>
        )}
        {c.act?.nextPlanId && (
          <Typography.Link href={hashLink('/plans', { id: c.act.nextPlanId })} data-testid="next-plan-link">
            {t('nextPlan')}
          </Typography.Link>
        )}
      </Space>
      <Descriptions size="small" column={{ xs: 1, lg: 3 }} bordered style={{ marginBottom: 12 }}>
        <Descriptions.Item
          label={t('summary.scope')}
        >{`${c.summary.scopeName} · ${plan.period}`}</Descriptions.Item>
        <Descriptions.Item label={t('summary.gaps')}>
          {t('summary.gapCounts', {
            gaps: c.summary.gapCount,
            fail: c.summary.failCount,
            warning: c.summary.warningCount,
          })}
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.actions')}>
          {t('summary.actionCounts', { linked: c.summary.linkedCount, proposed: c.summary.proposedCount })}
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.problem')} span={3}>
          {c.problem[lang]}
        </Descriptions.Item>
        <Descriptions.Item label={t('summary.objective')} span={3}>
          {c.objective[lang]}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        size="small"
        items={[
          {
            key: 'gaps',
            label: t('tab.gaps', { n: c.gaps.length }),
            children: c.gaps.length ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {editable && waiting > 0 && (
                  <Alert
                    type="info"
                    showIcon
                    message={t('confirmHint', { n: waiting })}
                    action={
                      <Button
                        size="small"
                        type="primary"
                        disabled={!ready.length}
                        loading={busy}
                        onClick={() => void confirm()}
                        data-testid="confirm-actions"
                      >
                        {t('confirm', { n: ready.length })}
                      </Button>
                    }
                  />
                )}
                <GapsGrid rows={rows} editable={editable} onDraft={onDraft} />
              </Space>
            ) : (
              <Empty description={t('noGaps')} />
            ),
          },
          {
            key: 'pareto',
            label: t('tab.pareto'),
            children: (
              <EChart
                label={t('tab.pareto')}
                testId="plan-pareto"
                height={300}
                option={paretoOption({
                  labels: c.paretoByStandard.map((p) => p.label[lang]),
                  fail: c.paretoByStandard.map((p) => Math.round(p.score * 1000) / 1000),
                  cumulative: c.paretoByStandard.map((p) => Math.round(p.cumulative * 1000) / 10),
                  names: { fail: t('weightedGap'), cumulative: t('cumulative') },
                })}
              />
            ),
          },
          {
            key: 'actions',
            label: t('tab.actions', { n: plan.actions.length + plan.linkedActions.length }),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Link
                  href={hashLink('/actions', { planId: plan.id })}
                  data-testid="plan-actions-link"
                >
                  {t('openActions')}
                </Typography.Link>
                <List
                  size="small"
                  bordered
                  // Its own, then the open ones its gaps were linked to (not duplicated), marked so.
                  dataSource={[...plan.actions, ...plan.linkedActions]}
                  locale={{ emptyText: t('noActions') }}
                  renderItem={(a) => (
                    <List.Item
                      data-testid="plan-action"
                      extra={<Tag color={a.overdue ? 'red' : undefined}>{label(a.status)}</Tag>}
                    >
                      {a.planId !== plan.id && <Tag data-testid="linked-action">{t('linkedAction')}</Tag>}
                      <Typography.Text>{`${a.branchName} · ${named.standard(a.standardCode)} · ${a.action}`}</Typography.Text>
                      <Typography.Text
                        type="secondary"
                        style={{ marginLeft: 8 }}
                      >{`${a.owner} · ${a.dueDate}`}</Typography.Text>
                    </List.Item>
                  )}
                />
              </Space>
            ),
          },
          {
            key: 'check',
            label: t('tab.check'),
            children: c.check ? (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {t('checkedAt', { at: c.check.checkedAt.slice(0, 16).replace('T', ' ') })}
                </Typography.Text>
                <CheckGrid results={c.check.results} gaps={c.gaps} />
              </Space>
            ) : (
              <Empty description={t('noCheck')} />
            ),
          },
          {
            key: 'act',
            label: t('tab.act'),
            children: c.act ? (
              <Descriptions size="small" column={1} bordered data-testid="act-record">
                <Descriptions.Item label={t('act.standardised')}>
                  {c.act.standardised
                    .map((s) => `${named.standard(s.standardCode)}${sep.colon}${s.procedure}`)
                    .join(sep.list) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('act.carriedOver')}>
                  {c.act.carriedOver.map(named.gap).join(sep.list) || '—'}
                </Descriptions.Item>
              </Descriptions>
            ) : plan.stage === 'act' ? (
              <ActForm
                standardCodes={[...new Set(c.gaps.map((g) => g.standardCode))]}
                busy={busy}
                onSubmit={(i) => void act(i)}
              />
            ) : (
              <Empty description={t('actLater')} />
            ),
          },
        ]}
      />
    </Card>
  );
}
