/**
 * PDCA plans: generate one for a scope and period, pick one from the list, walk it through
 * its stages. The open plan is in the hash route (`#/plans?id=…`).
 */
import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { toLang } from '../../i18n';
import type { Plan, PlanListItem } from '../../../shared/contracts/plans';
import type { Input } from '../../../shared/contract';
import { client } from '../../client';
import { useEnumLabel } from '../dashboard/labels';
import { useNotice } from '../../components/useNotice';
import { draftsSaved } from '../../components/useDraftSaver';
import { BuildAndPick, openById, useHashId } from './BuildAndPick';
import { PlanDetail } from './PlanDetail';

export default function PlansPage() {
  const { t, i18n } = useTranslation('plans');
  const label = useEnumLabel();
  const notice = useNotice();
  const id = useHashId();
  const [plans, setPlans] = useState<PlanListItem[] | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () => client.call('plans:list', {}).then(setPlans, notice.refused);
  useEffect(() => void reload(), []);
  useEffect(() => {
    if (!id) return setPlan(null);
    // After the drafts a page just left are saved: opening the same plan again shows them.
    draftsSaved()
      .then(() => client.call('plans:get', { id }))
      .then(setPlan, notice.refused);
  }, [id]);

  const generate = async (input: Input<'plans:generate'>) => {
    setBusy(true);
    try {
      const p = await client.call('plans:generate', { ...input, lang: toLang(i18n.language) });
      notice.done(t('generated', { n: p.content.gaps.length }));
      await reload();
      setPlan(p);
      openById('plans', p.id);
    } catch (e) {
      notice.refused(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={8} data-testid="plans-page">
      <Col xs={24} xl={6}>
        <BuildAndPick
          texts={{
            title: t('generate.title'),
            titlePlaceholder: t('generate.titlePlaceholder'),
            button: t('generate.button'),
            hint: t('generate.hint'),
            listTitle: t('list.title'),
            empty: t('list.empty'),
          }}
          testIds={{ button: 'generate-plan', list: 'plans-list' }}
          busy={busy}
          onBuild={(input) => void generate(input)}
          items={
            plans?.map((p) => ({
              id: p.id,
              title: p.title,
              description: t('list.meta', { period: p.period, n: p.gapCount }),
              extra: <Tag>{label(p.stage)}</Tag>,
            })) ?? null
          }
          selectedId={id}
          onPick={(pick) => openById('plans', pick)}
        />
      </Col>
      <Col xs={24} xl={18}>
        {plan ? (
          <PlanDetail
            key={plan.id}
            plan={plan}
            onChange={(p, nextPlanId) => {
              setPlan(p);
              void reload();
              if (nextPlanId) notice.info(t('nextPlanMade'));
            }}
          />
        ) : (
          <Card size="small">
            <Empty description={t('pick')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
