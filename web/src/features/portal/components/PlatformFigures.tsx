import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { useT } from '../../../i18n/locale';
import { usePortalFigures } from '../api/get-figures';

/** 亿元 from 1 亿 up, else 万元: the way the figure is read aloud. */
function amountParts(fen: number): { value: number; precision: number; unit: 'yi' | 'wan' } {
  const yuan = fen / 100;
  return yuan >= 1e8 ? { value: yuan / 1e8, precision: 2, unit: 'yi' } : { value: yuan / 1e4, precision: 1, unit: 'wan' };
}

/** The live platform figures on the home page (GET /api/portal/figures). */
export function PlatformFigures() {
  const t = useT();
  const figures = usePortalFigures();
  if (figures.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (!figures.data) return null;
  const f = figures.data;
  const amount = amountParts(f.contractAmountFen);
  const cards = [
    { key: 'achievements', title: t('portal.figures.achievements'), value: f.achievements, suffix: t('portal.unit.items') },
    { key: 'demands', title: t('portal.figures.demands'), value: f.demands, suffix: t('portal.unit.items') },
    { key: 'deals', title: t('portal.figures.deals'), value: f.dealsThisYear, suffix: t('portal.unit.deals') },
    {
      key: 'amount',
      title: t('portal.figures.contractAmount', { year: f.contractYear }),
      value: amount.value,
      precision: amount.precision,
      suffix: t(amount.unit === 'yi' ? 'portal.unit.yi' : 'portal.unit.wan'),
      note: t('portal.figures.contracts', { n: f.contracts }),
    },
  ];
  return (
    <div data-testid="home-figures">
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} lg={6}>
            <Card size="small" style={{ height: '100%' }}>
              <Statistic
                title={c.title}
                value={c.value}
                precision={c.precision}
                suffix={c.suffix}
                data-testid={`figure-${c.key}`}
                styles={{ content: { color: '#1765ad' } }}
              />
              {c.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.note}
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {!f.contractYearIsCurrent && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="figures-year-note">
          {t('portal.figures.latestYearNote', { year: f.contractYear })}
        </Typography.Text>
      )}
    </div>
  );
}
