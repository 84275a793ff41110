/**
 * Management reviews: build a review pack for a scope and period (a snapshot of the figures
 * at that moment), record the meeting's decisions and objectives, export it. The open review
 * is in the hash route (`#/reviews?id=…`).
 */
import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Input, List, Row, Space, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/contracts/plans';
import { client } from '../../client';
import { ScopePeriodBar, isComplete, usePeriods, type ScopePeriod } from '../dashboard/ScopePeriodBar';
import { hashLink, hashQuery } from '../dashboard/route';
import { useErrorText } from '../dashboard/labels';
import { ReviewDetail } from './ReviewDetail';

const open = (id: string) => (window.location.hash = hashLink('/reviews', { id }));

export default function ReviewsPage() {
  const { t } = useTranslation('reviews');
  const errorText = useErrorText();
  const periods = usePeriods();
  const [id, setId] = useState(() => hashQuery().get('id'));
  const [choice, setChoice] = useState<ScopePeriod>({ scope: { type: 'all' }, period: null });
  const [title, setTitle] = useState('');
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = reviews?.find((r) => r.id === id) ?? null;

  const reload = () =>
    client.call('reviews:list', {}).then(setReviews, (e: unknown) => void message.error(errorText(e)));
  useEffect(() => {
    void reload();
    const onHash = () => setId(hashQuery().get('id'));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (!choice.period && periods?.[0]) setChoice((c) => ({ ...c, period: periods[0]! }));
  }, [periods, choice.period]);

  const create = async () => {
    if (!isComplete(choice)) return;
    setBusy(true);
    try {
      const r = await client.call('reviews:create', { ...choice, title: title.trim() || undefined });
      void message.success(t('created'));
      setReviews((rs) => [r, ...(rs ?? []).filter((x) => x.id !== r.id)]);
      open(r.id);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={8} data-testid="reviews-page">
      <Col xs={24} xl={6}>
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Card size="small" title={t('create.title')}>
            <Space orientation="vertical" size="small" style={{ width: '100%' }}>
              {periods && <ScopePeriodBar value={choice} periods={periods} onChange={setChoice} />}
              <Input
                size="small"
                placeholder={t('create.titlePlaceholder')}
                aria-label={t('create.titlePlaceholder')}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <Button
                type="primary"
                size="small"
                disabled={!isComplete(choice)}
                loading={busy}
                onClick={() => void create()}
                data-testid="create-review"
              >
                {t('create.button')}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('create.hint')}
              </Typography.Text>
            </Space>
          </Card>
          <Card size="small" title={t('list.title')} styles={{ body: { padding: 0 } }}>
            <List
              size="small"
              dataSource={reviews ?? []}
              loading={!reviews}
              locale={{ emptyText: t('list.empty') }}
              data-testid="reviews-list"
              renderItem={(r) => (
                <List.Item
                  onClick={() => open(r.id)}
                  style={{
                    cursor: 'pointer',
                    padding: '6px 12px',
                    background: r.id === id ? '#e6f4ff' : undefined,
                  }}
                >
                  <List.Item.Meta
                    title={<Typography.Link style={{ fontSize: 13 }}>{r.title}</Typography.Link>}
                    description={
                      <span style={{ fontSize: 12 }}>{`${r.snapshot.scopeName} · ${r.period}`}</span>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={18}>
        {selected ? (
          <ReviewDetail
            key={selected.id}
            review={selected}
            onSaved={(r) => setReviews((rs) => (rs ?? []).map((x) => (x.id === r.id ? r : x)))}
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
