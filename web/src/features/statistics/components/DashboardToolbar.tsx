import { Breadcrumb, Button, Flex, Segmented, Select, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { STAT_MEASURE_LABELS, STAT_SIDE_LABELS, type OverviewView, type RegionsView } from '../../../../../common/api/statistics';
import { useLabel, useT } from '../../../i18n/locale';
import { withQuery } from '../../../lib/api';
import type { DashboardState } from './dashboard-state';

interface Props {
  state: DashboardState;
  onChange: (patch: Partial<DashboardState>) => void;
  overview: OverviewView | undefined;
  regions: RegionsView | undefined;
  canExport: boolean;
}

/** Where the dashboard stands (the region breadcrumb) and its switches: year, output/absorption, which amount, export. */
export function DashboardToolbar({ state, onChange, overview, regions, canExport }: Props) {
  const t = useT();
  const label = useLabel();
  const thisYear = new Date().getFullYear();
  const years = [...new Set([thisYear, ...(overview?.availableYears ?? [])])].sort((a, b) => b - a);
  const year = state.year ?? overview?.year;
  const crumbs = regions?.breadcrumb ?? (overview ? [overview.scope.root] : []);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('nav.monitor')}
        </Typography.Title>
        {canExport && (
          <a href={withQuery('/api/statistics/export.xlsx', { region: state.region, year })} download>
            <Button icon={<DownloadOutlined />} data-testid="stats-export">
              {t('stat.export')}
            </Button>
          </a>
        )}
      </Flex>
      <Breadcrumb
        data-testid="region-breadcrumb"
        items={crumbs.map((r, i) => ({
          key: r.code,
          title:
            i < crumbs.length - 1 ? (
              <Typography.Link onClick={() => onChange({ region: i === 0 ? undefined : r.code })}>{r.name}</Typography.Link>
            ) : (
              <Typography.Text strong>{r.name}</Typography.Text>
            ),
        }))}
      />
      <Flex gap={12} wrap align="center">
        <Select
          value={year}
          onChange={(v: number) => onChange({ year: v })}
          options={years.map((y) => ({ value: y, label: t('stat.yearOption', { year: y }) }))}
          style={{ width: 120 }}
          data-testid="year-select"
        />
        <Segmented
          value={state.side}
          onChange={(v) => onChange({ side: v as DashboardState['side'] })}
          options={(['output', 'absorption'] as const).map((s) => ({ value: s, label: label(STAT_SIDE_LABELS[s]) }))}
          data-testid="side-switch"
        />
        <Segmented
          value={state.measure}
          onChange={(v) => onChange({ measure: v as DashboardState['measure'] })}
          options={(['contractAmountFen', 'technologyTransactionAmountFen'] as const).map((m) => ({
            value: m,
            label: label(STAT_MEASURE_LABELS[m]),
          }))}
          data-testid="measure-switch"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {label(STAT_SIDE_LABELS[state.side].basis)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
