/**
 * PDCA plans: generate one for a scope and period, pick one from the list, walk it through
 * its stages. The open plan is in the hash route (`#/plans?id=…`), so a link or the back
 * button returns to it.
 */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Input, List, Row, Space, Tag, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Plan, PlanListItem } from '../../../shared/contracts/plans';
import { client } from '../../client';
import { ScopePeriodBar, isComplete, usePeriods, type ScopePeriod } from '../dashboard/ScopePeriodBar';
import { hashLink, hashQuery } from '../dashboard/route';
import { useEnumLabel, useErrorText } from '../dashboard/labels';
import { PlanDetail } from './PlanDetail';

function useHashId(): string | null {
  const [id, setId] = useState(() => hashQuery().get('id'));
  useEffect(() => {
    const onHash = () => setId(hashQuery().get('id'));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return id;
}

const open = (id: string) => (window.location.hash = hashLink('/plans', { id }));

export default function PlansPage() {
  const { t } = useTranslation('plans');
  const label = useEnumLabel();
  const errorText = useErrorText();
  const periods = usePeriods();
  const id = useHashId();
  const [choice, setChoice] = useState<ScopePeriod>({ scope: { type: 'all' }, period: null });
  const [title, setTitle] = useState('');
  const [plans, setPlans] = useState<PlanListItem[] | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = () =>
    client.call('plans:list', {}).then(setPlans, (e: unknown) => void message.error(errorText(e)));
  useEffect(() => void reload(), []);
  useEffect(() => {
    if (!choice.period && periods?.[0]) setChoice((c) => ({ ...c, period: periods[0]! }));
  }, [periods, choice.period]);
  useEffect(() => {
    if (!id) return setPlan(null);
    client.call('plans:get', { id }).then(setPlan, (e: unknown) => void message.error(errorText(e)));
  }, [id]);

  const generate = async () => {
    if (!isComplete(choice)) return;
    setBusy(true);
    try {
      const p = await client.call('plans:generate', { ...choice, title: title.trim() || undefined });
      void message.success(t('generated', { n: p.content.gaps.length }));
      await reload();
      setPlan(p);
      open(p.id);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={8} data-testid="plans-page">
      <Col xs={24} xl={6}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Card size="small" title={t('generate.title')}>
            <Space orientation="vertical" size="small" style={{ width: '100%' }}>
              {periods && <ScopePeriodBar value={choice} periods={periods} onChange={setChoice} />}
              <Input
                size="small"
                placeholder={t('generate.titlePlaceholder')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                aria-label={t('generate.titlePlaceholder')}
              />
              <Button
                type="primary"
                size="small"
                disabled={!isComplete(choice)}
                loading={busy}
                onClick={() => void generate()}
                data-testid="generate-plan"
              >
                {t('generate.button')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('generate.hint')}
              </Typography.Text>
            </Space>
          </Card>
          <Card size="small" title={t('list.title')} styles={{ body: { padding: 0 } }}>
            <List
              size="small"
              dataSource={plans ?? []}
              loading={!plans}
              locale={{ emptyText: t('list.empty') }}
              data-testid="plans-list"
              renderItem={(p) => (
                <List.Item
                  onClick={() => open(p.id)}
                  style={{
                    cursor: 'pointer',
                    padding: '6px 12px',
                    background: p.id === id ? '#e6f4ff' : undefined,
                  }}
                  extra={<Tag>{label(p.stage)}</Tag>}
                >
                  <List.Item.Meta
                    title={<Typography.Link style={{ fontSize: 13 }}>{p.title}</Typography.Link>}
                    description={
                      <span style={{ fontSize: 12 }}>
                        {t('list.meta', { period: p.period, n: p.gapCount })}
                      </span>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={18}>
        {plan ? (
          <PlanDetail
            key={plan.id}
            plan={plan}
            onChange={(p, nextPlanId) => {
              setPlan(p);
              void reload();
              if (nextPlanId) void message.info(t('nextPlanMade'));
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
