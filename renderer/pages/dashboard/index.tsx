/**
 * The dashboard: composite scores by region and branch, the attainment heatmap, trends,
 * the Pareto of gaps and corrective actions by status and due date, for one scope and period.
 * Every figure clicks through to its rows: measurements in a drawer, actions on their page.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardOverview } from '../../../shared/contracts/dashboard';
import type { BranchScore } from '../../../shared/schemas/system';
import type { ActionStatus } from '../../../shared/domain/enums';
import { client } from '../../client';
import { errorText } from '../../format';
import { EChart } from '../../charts/EChart';
import {
  heatmapOption,
  paretoOption,
  scoreBarsOption,
  stackedBarsOption,
  trendOption,
  VERDICT_COLOURS,
} from '../../charts/options';
import { ScopePeriodBar, isComplete, usePeriods, type ScopePeriod } from './ScopePeriodBar';
import { MeasurementsDrawer, type MeasurementFilter } from './MeasurementsDrawer';
import { actionMatrix, actionRowsQuery, byScoreThenCode, heatmapCells, regionScores } from './figures';
import { hashLink } from './route';
import { scopeFilters, useEnumLabel } from './labels';

/** The trend's and Pareto's series: failed bars, warned bars, then the line (all gaps). */
const SERIES_VERDICT = ['fail', 'warning'] as const;

const AGE_COLOURS = {
  overdue: VERDICT_COLOURS.fail,
  due_7d: VERDICT_COLOURS.warning,
  later: '#1677ff',
  finished: '#bfbfbf',
};

interface Data {
  overview: DashboardOverview;
  scores: BranchScore[];
}

export default function DashboardPage() {
  const { t, i18n } = useTranslation('dashboard');
  const label = useEnumLabel();
  const periods = usePeriods();
  const [choice, setChoice] = useState<ScopePeriod>({ scope: { type: 'all' }, period: null });
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<{ filter: MeasurementFilter; title: string } | null>(null);

  useEffect(() => {
    if (!choice.period && periods?.[0]) setChoice((c) => ({ ...c, period: periods[0]! }));
  }, [periods, choice.period]);

  const choiceKey = JSON.stringify(choice);
  useEffect(() => {
    if (!isComplete(choice)) return;
    let live = true;
    setError(null);
    Promise.all([client.call('dashboard:overview', choice), client.call('scores:branches', choice)])
      .then(([overview, scores]) => live && setData({ overview, scores }))
      .catch((e: unknown) => live && setError(errorText(e, i18n.language)));
    return () => {
      live = false;
    };
    // Refetch when the choice changes in value; a new language does not change the data.
  }, [choiceKey]);

  const zh = i18n.language.startsWith('zh');
  const filters = scopeFilters(choice.scope);
  const period = choice.period ?? undefined;
  const showRows = (filter: MeasurementFilter, title: string) =>
    setRows({ filter: { ...filters, period, ...filter }, title });

  const figures = useMemo(() => {
    if (!data) return null;
    const { overview: o, scores } = data;
    const branches = [...scores].sort(byScoreThenCode);
    const regions = regionScores(scores);
    const standardName = (s: { code: string; nameZh: string; nameEn: string | null }) =>
      zh ? s.nameZh : (s.nameEn ?? s.nameZh);
    const matrix = actionMatrix(o.actions);
    return {
      branches,
      regions,
      matrix,
      regionOption: scoreBarsOption(
        regions.map((r) => ({ label: r.regionCode, value: r.score })),
        t('score'),
      ),
      branchOption: scoreBarsOption(
        branches.map((b) => ({ label: b.branchName, value: b.score })),
        t('score'),
      ),
      heatmap: heatmapOption({
        rows: o.branches.map((b) => b.name),
        columns: o.standards.map(standardName),
        cells: heatmapCells(o),
        seriesName: t('attainment'),
        verdictNames: { fail: label('fail'), warning: label('warning'), pass: label('pass') },
      }),
      trend: trendOption({
        periods: o.trend.map((p) => p.period),
        attainment: o.trend.map((p) => (p.attainment === null ? null : Math.round(p.attainment * 1000) / 10)),
        fail: o.trend.map((p) => p.fail),
        warning: o.trend.map((p) => p.warning),
        names: { attainment: t('attainment'), fail: label('fail'), warning: label('warning') },
      }),
      pareto: paretoOption({
        labels: o.pareto.map((p) => standardName({ code: p.standardCode, ...p })),
        fail: o.pareto.map((p) => p.fail),
        warning: o.pareto.map((p) => p.warning),
        cumulative: o.pareto.map((p) => Math.round(p.cumulative * 1000) / 10),
        names: { fail: label('fail'), warning: label('warning'), cumulative: t('cumulative') },
      }),
      actions: stackedBarsOption({
        categories: matrix.statuses.map(label),
        series: matrix.ages.map((a) => ({
          name: t(`age.${a.age}`),
          data: a.counts,
          colour: AGE_COLOURS[a.age],
        })),
      }),
    };
  }, [data, zh, t, label]);

  const o = data?.overview;
  const empty = o && o.branches.length === 0 && o.actions.length === 0;
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="dashboard-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('title')}
        </Typography.Title>
        {periods && <ScopePeriodBar value={choice} periods={periods} onChange={setChoice} />}
      </Space>
      {error && <Alert type="error" showIcon message={error} />}
      {periods?.length === 0 && <Empty description={t('noData')} />}
      {!figures && !error && periods?.length !== 0 && <Spin />}
      {empty && <Empty description={t('noDataForPeriod')} />}
      {figures && o && !empty && (
        <Row gutter={[8, 8]}>
          {choice.scope.type === 'all' && (
            <Col xs={24} xl={8}>
              <Card size="small" title={t('fig.regions')}>
                <EChart
                  label={t('fig.regions')}
                  testId="chart-regions"
                  option={figures.regionOption}
                  height={260}
                  onClick={({ dataIndex }) => {
                    const r = figures.regions[dataIndex];
                    if (r) setChoice({ ...choice, scope: { type: 'region', code: r.regionCode } });
                  }}
                />
              </Card>
            </Col>
          )}
          <Col xs={24} xl={choice.scope.type === 'all' ? 16 : 24}>
            <Card
              size="small"
              title={t('fig.branches')}
              extra={<Typography.Text type="secondary">{t('hint.click')}</Typography.Text>}
            >
              <EChart
                label={t('fig.branches')}
                testId="chart-branches"
                option={figures.branchOption}
                height={260}
                onClick={({ dataIndex }) => {
                  const b = figures.branches[dataIndex];
                  if (b)
                    showRows(
                      { branchCode: b.branchCode, regionCode: undefined },
                      `${b.branchName} · ${period}`,
                    );
                }}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('fig.heatmap', { period })}>
              <EChart
                label={t('fig.heatmap', { period })}
                testId="chart-heatmap"
                option={figures.heatmap}
                height={Math.min(640, Math.max(220, o.branches.length * 26 + 90))}
                onClick={({ value }) => {
                  const [x, y] = value as [number, number];
                  const b = o.branches[y];
                  const s = o.standards[x];
                  if (b && s)
                    showRows(
                      { branchCode: b.code, regionCode: undefined, standardCode: s.code },
                      `${b.name} · ${s.code}`,
                    );
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('fig.trend')}>
              <EChart
                label={t('fig.trend')}
                testId="chart-trend"
                option={figures.trend}
                height={280}
                onClick={({ dataIndex, seriesIndex }) => {
                  const p = o.trend[dataIndex];
                  if (p) showRows({ period: p.period, verdict: SERIES_VERDICT[seriesIndex] }, p.period);
                }}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('fig.pareto', { period })}>
              <EChart
                label={t('fig.pareto', { period })}
                testId="chart-pareto"
                option={figures.pareto}
                height={280}
                onClick={({ dataIndex, seriesIndex }) => {
                  const p = o.pareto[dataIndex];
                  const verdict = SERIES_VERDICT[seriesIndex];
                  if (p)
                    showRows(
                      { standardCode: p.standardCode, verdict },
                      verdict ? `${p.standardCode} · ${label(verdict)}` : p.standardCode,
                    );
                }}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('fig.actions')}>
              <EChart
                label={t('fig.actions')}
                testId="chart-actions"
                option={figures.actions}
                height={Math.max(160, figures.matrix.statuses.length * 40 + 60)}
                onClick={({ dataIndex, seriesIndex }) => {
                  const status: ActionStatus | undefined = figures.matrix.statuses[dataIndex];
                  const age = figures.matrix.ages[seriesIndex]?.age;
                  if (status && age)
                    window.location.hash = hashLink('/actions', {
                      ...filters,
                      ...actionRowsQuery(status, age),
                    });
                }}
              />
            </Card>
          </Col>
        </Row>
      )}
      <MeasurementsDrawer
        filter={rows?.filter ?? null}
        title={rows ? t('rowsBehind', { what: rows.title }) : ''}
        onClose={() => setRows(null)}
      />
    </Space>
  );
}
