/**
 * One management review: the snapshot taken when it was built (scores against the previous
 * period, attainment by dimension, branches, open actions, plans) and the decisions and
 * objectives the meeting records, saved as they are typed (reviews:update), as a plan's
 * proposed actions are: a page left, reloaded or closed right after typing keeps them.
 * Exports like a plan.
 */
import type { ColDef } from 'ag-grid-community';
import { Card, Col, Form, Input, Row, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../shared/contracts/plans';
import type { ReviewActionRow, ReviewBranchRow, ReviewPlanRow } from '../../../shared/plans/review';
import { DIMENSIONS } from '../../../shared/domain/dimensions';
import { client } from '../../client';
import { toLang } from '../../i18n';
import { EChart } from '../../charts/EChart';
import { scoreBarsOption } from '../../charts/options';
import { useEnumLabel } from '../dashboard/labels';
import { useDraftSaver } from '../../components/useDraftSaver';
import { ExportButtons } from '../plans/ExportButtons';
import { LocalGrid } from '../plans/LocalGrid';

type Typed = Pick<Review, 'decisions' | 'objectives'>;

/**
 * `onChange` keeps the page's copy of the review as typed and as saved, so the review opened
 * again from the list shows the text even before its save has answered.
 */
export function ReviewDetail({
  review,
  onChange,
}: {
  review: Review;
  onChange: (id: string, changes: Partial<Review>) => void;
}) {
  const { t, i18n } = useTranslation('reviews');
  const label = useEnumLabel();
  const lang = toLang(i18n.language);
  const s = review.snapshot;
  const { queue } = useDraftSaver<string>(review.id, (id, changed) =>
    client
      .call('reviews:update', { id, ...Object.fromEntries(changed) })
      .then((saved) => onChange(id, { updatedAt: saved.updatedAt })),
  );
  const typed = (changed: Partial<Typed>) => {
    onChange(review.id, changed);
    for (const [field, text] of Object.entries(changed)) queue(field, text ?? '');
  };

  const dimensions = DIMENSIONS.map((d) => ({
    label: lang === 'zh' ? d.nameZh : d.nameEn,
    value:
      s.dimensionAttainment[d.code] == null ? null : Math.round(s.dimensionAttainment[d.code]! * 1000) / 10,
  }));
  const branchColumns: ColDef<ReviewBranchRow>[] = [
    { field: 'branchCode', headerName: t('col.branchCode'), width: 120 },
    { field: 'branchName', headerName: t('col.branch'), width: 160 },
    { field: 'score', headerName: t('col.score'), width: 90, type: 'numericColumn' },
    { field: 'previousScore', headerName: t('col.previous'), width: 90, type: 'numericColumn' },
    {
      field: 'change',
      headerName: t('col.change'),
      width: 90,
      type: 'numericColumn',
      cellStyle: (p) => (typeof p.value === 'number' ? { color: p.value < 0 ? '#cf1322' : '#389e0d' } : null),
    },
    { field: 'measured', headerName: t('col.measured'), width: 90, type: 'numericColumn' },
    { field: 'missing', headerName: t('col.missing'), width: 90, type: 'numericColumn' },
  ];
  const actionColumns: ColDef<ReviewActionRow>[] = [
    {
      field: 'dueDate',
      headerName: t('col.dueDate'),
      width: 110,
      cellStyle: (p) => (p.data?.overdue ? { color: '#cf1322' } : null),
    },
    {
      field: 'status',
      headerName: t('col.status'),
      width: 100,
      valueFormatter: (p) => label(p.value as string),
    },
    { field: 'branchCode', headerName: t('col.branchCode'), width: 110 },
    { field: 'standardCode', headerName: t('col.standardCode'), width: 110 },
    { field: 'action', headerName: t('col.action'), flex: 1, minWidth: 200 },
    { field: 'owner', headerName: t('col.owner'), width: 90 },
  ];
  const planColumns: ColDef<ReviewPlanRow>[] = [
    { field: 'title', headerName: t('col.plan'), flex: 1, minWidth: 200 },
    { field: 'period', headerName: t('col.period'), width: 100 },
    {
      field: 'stage',
      headerName: t('col.stage'),
      width: 90,
      valueFormatter: (p) => label(p.value as string),
    },
    { field: 'gapCount', headerName: t('col.gaps'), width: 80, type: 'numericColumn' },
    { field: 'closedCount', headerName: t('col.closed'), width: 80, type: 'numericColumn' },
    { field: 'actionsDone', headerName: t('col.actionsDone'), width: 100, type: 'numericColumn' },
  ];

  return (
    <Card
      size="small"
      title={<span data-testid="review-title">{review.title}</span>}
      extra={<ExportButtons kind="review" id={review.id} baseName={review.title} />}
      data-testid="review-detail"
    >
      <Row gutter={[8, 8]}>
        <Col xs={12} lg={4}>
          <Statistic
            title={t('stat.score', { period: review.period })}
            value={s.score.current ?? '—'}
            precision={s.score.current == null ? undefined : 2}
          />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic
            title={t('stat.previous', { period: s.previousPeriod })}
            value={s.score.previous ?? '—'}
            precision={s.score.previous == null ? undefined : 2}
          />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic
            title={t('stat.change')}
            value={s.score.change ?? '—'}
            precision={s.score.change == null ? undefined : 2}
            styles={{ content: { color: (s.score.change ?? 0) < 0 ? '#cf1322' : '#389e0d' } }}
          />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic
            title={t('stat.openActions')}
            value={s.actions.open + s.actions.inProgress + s.actions.reopened}
          />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic
            title={t('stat.overdue')}
            value={s.actions.overdue}
            styles={{ content: { color: s.actions.overdue ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={12} lg={4}>
          <Statistic title={t('stat.verified')} value={s.actions.verified} />
        </Col>
      </Row>
      <Tabs
        size="small"
        items={[
          {
            key: 'decisions',
            label: t('tab.decisions'),
            children: (
              <Form<Typed>
                layout="vertical"
                size="small"
                initialValues={{ decisions: review.decisions, objectives: review.objectives }}
                onValuesChange={typed}
                data-testid="review-form"
              >
                <Form.Item name="decisions" label={t('decisions')}>
                  <Input.TextArea rows={5} maxLength={4000} showCount placeholder={t('decisionsHint')} />
                </Form.Item>
                <Form.Item name="objectives" label={t('objectives')}>
                  <Input.TextArea rows={3} maxLength={4000} showCount placeholder={t('objectivesHint')} />
                </Form.Item>
                <Typography.Text type="secondary" data-testid="review-saved-at">
                  {t('savedAsTyped', { at: review.updatedAt.slice(0, 16).replace('T', ' ') })}
                </Typography.Text>
              </Form>
            ),
          },
          {
            key: 'dimensions',
            label: t('tab.dimensions'),
            children: (
              <EChart
                label={t('tab.dimensions')}
                testId="review-dimensions"
                height={260}
                option={scoreBarsOption(dimensions, t('attainment'))}
              />
            ),
          },
          {
            key: 'branches',
            label: t('tab.branches', { n: s.branches.length }),
            children: (
              <LocalGrid
                rows={s.branches}
                columns={branchColumns}
                rowId={(r) => r.branchCode}
                testId="review-branches"
              />
            ),
          },
          {
            key: 'actions',
            label: t('tab.actions', { n: s.actions.openList.length }),
            children: (
              <LocalGrid
                rows={s.actions.openList}
                columns={actionColumns}
                rowId={(r) => r.id}
                testId="review-actions"
              />
            ),
          },
          {
            key: 'plans',
            label: t('tab.plans', { n: s.plans.length }),
            children: (
              <LocalGrid rows={s.plans} columns={planColumns} rowId={(r) => r.id} testId="review-plans" />
            ),
          },
        ]}
      />
    </Card>
  );
}
