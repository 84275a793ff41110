/**
 * Management reviews: build a review pack for a scope and period (a snapshot of the figures
 * at that moment), record the meeting's decisions and objectives, export it. The open review
 * is in the hash route (`#/reviews?id=…`).
 */
import { useEffect, useState } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { toLang } from '../../i18n';
import type { Review } from '../../../shared/contracts/plans';
import type { Input } from '../../../shared/contract';
import { client } from '../../client';
import { useNotice } from '../../components/useNotice';
import { draftsSaved } from '../../components/useDraftSaver';
import { BuildAndPick, openById, useHashId } from '../plans/BuildAndPick';
import { ReviewDetail } from './ReviewDetail';

export default function ReviewsPage() {
  const { t, i18n } = useTranslation('reviews');
  const notice = useNotice();
  const id = useHashId();
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [busy, setBusy] = useState(false);
  const selected = reviews?.find((r) => r.id === id) ?? null;

  useEffect(() => {
    // After the decisions a page just left are saved: the review opened again shows them.
    draftsSaved()
      .then(() => client.call('reviews:list', {}))
      .then(setReviews, notice.refused);
  }, []);

  const create = async (input: Input<'reviews:create'>) => {
    setBusy(true);
    try {
      const r = await client.call('reviews:create', { ...input, lang: toLang(i18n.language) });
      notice.done(t('created'));
      setReviews((rs) => [r, ...(rs ?? []).filter((x) => x.id !== r.id)]);
      openById('reviews', r.id);
    } catch (e) {
      notice.refused(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Row gutter={8} data-testid="reviews-page">
      <Col xs={24} xl={6}>
        <BuildAndPick
          texts={{
            title: t('create.title'),
            titlePlaceholder: t('create.titlePlaceholder'),
            button: t('create.button'),
            hint: t('create.hint'),
            listTitle: t('list.title'),
            empty: t('list.empty'),
          }}
          testIds={{ button: 'create-review', list: 'reviews-list' }}
          busy={busy}
          onBuild={(input) => void create(input)}
          items={
            reviews?.map((r) => ({
              id: r.id,
              title: r.title,
              description: `${r.snapshot.scopeName} · ${r.period}`,
            })) ?? null
          }
          selectedId={id}
          onPick={(pick) => openById('reviews', pick)}
        />
      </Col>
      <Col xs={24} xl={18}>
        {selected ? (
          <ReviewDetail
            key={selected.id}
            review={selected}
            onChange={(changed, changes) =>
              setReviews((rs) => (rs ?? []).map((x) => (x.id === changed ? { ...x, ...changes } : x)))
            }
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
