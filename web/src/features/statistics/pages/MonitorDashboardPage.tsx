import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Result, Row, Segmented, Skeleton } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useBreakdown } from '../api/get-breakdown';
import { useFlows } from '../api/get-flows';
import { useOverview } from '../api/get-overview';
import { useRegions } from '../api/get-regions';
import { useTop } from '../api/get-top';
import { useTrend } from '../api/get-trend';
import { useTargets } from '../api/list-targets';
import { BreakdownChart } from '../components/BreakdownChart';
import { DashboardToolbar } from '../components/DashboardToolbar';
import { useDashboardState } from '../components/dashboard-state';
import { DistrictMap } from '../components/DistrictMap';
import { FlowSankey } from '../components/FlowSankey';
import { KpiCards } from '../components/KpiCards';
import { Panel } from '../components/Panel';
import { RegionTable } from '../components/RegionTable';
import { TargetGauge } from '../components/TargetGauge';
import { TopTable } from '../components/TopTable';
import { TrendChart } from '../components/TrendChart';

/** /workspace/monitor: the government dashboard of certified technology contracts, scoped to the officer's region. */
export function MonitorDashboardPage() {
  const t = useT();
  const [state, update] = useDashboardState();
  const [granularity, setGranularity] = useState<'year' | 'month'>('year');
  const overview = useOverview({ region: state.region, year: state.year });
  const year = state.year ?? overview.data?.year;
  const ready = year !== undefined && !overview.isError;
  const { region, side, measure } = state;
  const regions = useRegions({ region, year, side }, ready);
  const root = overview.data?.scope.root;
  const cityMap = root?.level === 'city';
  const cityRegions = useRegions({ year, side }, ready && cityMap && !!region && region !== root?.code);
  const trend = useTrend({ region, side, granularity, to: year }, ready);
  const types = useBreakdown({ region, year, side, dimension: 'type' }, ready);
  const fields = useBreakdown({ region, year, side, dimension: 'field' }, ready);
  const orgTypes = useBreakdown({ region, year, side, dimension: 'organization_type' }, ready);
  const flows = useFlows({ region, year }, ready);
  const topOrgs = useTop({ region, year, side, kind: 'organization', by: measure, limit: 10 }, ready);
  const topBrokers = useTop({ region, year, side, kind: 'broker', by: measure, limit: 10 }, ready);
  const targets = useTargets({ region, year }, ready);

  if (overview.isError) {
    const notFound = isApiProblem(overview.error) && overview.error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'warning'}
        title={notFound ? t('stat.outOfScope') : overview.error.message}
        extra={notFound && <Button onClick={() => update({ region: undefined })}>{t('stat.backToScope')}</Button>}
      />
    );
  }
  if (!overview.data) return <Skeleton active />;
  const o = overview.data;
  const drill = (code: string) => update({ region: code });
  // A city officer's map shows every district; a district officer's shows their district among the others, drawn empty.
  const districtScope = root?.level === 'district';
  const mapRows = districtScope
    ? [{ ...o[side], code: root.code, name: root.name, level: root.level, drillable: false, amountShare: 1 }]
    : region && region !== root?.code
      ? (cityRegions.data?.rows ?? [])
      : (regions.data?.rows ?? []);
  const showMap = cityMap || districtScope;
  const shownTargets = (targets.data?.items ?? []).filter((x) => x.side === side).slice(0, 2);

  return (
    <Flex vertical gap={16}>
      <Card>
        <DashboardToolbar state={state} onChange={update} overview={o} regions={regions.data} canExport={o.actions.includes('export')} />
      </Card>
      <KpiCards overview={o} side={side} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Panel
            title={t('stat.trend')}
            definition={trend.data?.definition}
            extra={
              <Segmented
                size="small"
                value={granularity}
                onChange={(v) => setGranularity(v as 'year' | 'month')}
                options={[
                  { value: 'year', label: t('stat.byYear') },
                  { value: 'month', label: t('stat.byMonth') },
                ]}
              />
            }
          >
            <TrendChart trend={trend.data} measure={measure} loading={trend.isFetching} />
          </Panel>
        </Col>
        <Col xs={24} xl={8}>
          <Panel
            title={t('stat.targets')}
            extra={o.actions.includes('set_target') && <Link to="/workspace/targets">{t('stat.target.manage')}</Link>}
            testId="targets-panel"
          >
            {shownTargets.length === 0 ? (
              <Empty description={t('stat.target.none')} />
            ) : (
              <Row>
                {shownTargets.map((x) => (
                  <Col key={x.id} span={24 / shownTargets.length}>
                    <TargetGauge target={x} height={shownTargets.length > 1 ? 180 : 240} />
                  </Col>
                ))}
              </Row>
            )}
          </Panel>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        {showMap && (
          <Col xs={24} xl={14}>
            <Panel title={t('stat.map')} definition={regions.data?.definition}>
              <DistrictMap
                rows={mapRows}
                measure={measure}
                selected={districtScope ? root.code : region}
                onSelect={cityMap ? drill : undefined}
                loading={regions.isFetching || cityRegions.isFetching}
              />
            </Panel>
          </Col>
        )}
        <Col xs={24} xl={showMap ? 10 : 24}>
          <Panel
            title={regions.data ? t('stat.regionsOf', { name: regions.data.parent.name }) : t('stat.regions')}
            definition={regions.data?.definition}
            testId="regions-panel"
          >
            {regions.data && regions.data.rows.length === 0 ? (
              <Alert type="info" showIcon title={t('stat.noChildren')} />
            ) : (
              <RegionTable rows={regions.data?.rows ?? []} measure={measure} onSelect={drill} loading={regions.isFetching} />
            )}
          </Panel>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Panel title={t('stat.byType')} definition={types.data?.definition}>
            <BreakdownChart view={types.data} measure={measure} kind="pie" loading={types.isFetching} testId="type-chart" />
          </Panel>
        </Col>
        <Col xs={24} lg={8}>
          <Panel title={t('stat.byField')} definition={fields.data?.definition}>
            <BreakdownChart view={fields.data} measure={measure} kind="bar" limit={10} loading={fields.isFetching} testId="field-chart" />
          </Panel>
        </Col>
        <Col xs={24} lg={8}>
          <Panel title={t('stat.byOrganizationType')} definition={orgTypes.data?.definition}>
            <BreakdownChart view={orgTypes.data} measure={measure} kind="bar" loading={orgTypes.isFetching} testId="org-type-chart" />
          </Panel>
        </Col>
      </Row>
      <Panel title={t('stat.flows')} definition={flows.data?.definition} testId="flows-panel">
        <FlowSankey flows={flows.data} measure={measure} loading={flows.isFetching} />
      </Panel>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Panel title={side === 'output' ? t('stat.topSellers') : t('stat.topBuyers')} definition={topOrgs.data?.definition}>
            <TopTable view={topOrgs.data} loading={topOrgs.isFetching} testId="top-organizations" />
          </Panel>
        </Col>
        <Col xs={24} xl={12}>
          <Panel title={t('stat.topBrokers')} definition={topBrokers.data?.definition}>
            <TopTable view={topBrokers.data} loading={topBrokers.isFetching} testId="top-brokers" />
          </Panel>
        </Col>
      </Row>
    </Flex>
  );
}
