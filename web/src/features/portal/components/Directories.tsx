import { Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/locale';
import { useDirectories } from '../api/get-directories';

function DirectoryCard(props: {
  title: string;
  to: string;
  testId: string;
  items: Array<{ key: string; link: string; name: string; note: ReactNode }>;
}) {
  const t = useT();
  return (
    <Card
      title={props.title}
      size="small"
      style={{ height: '100%' }}
      data-testid={props.testId}
      extra={
        <Link to={props.to}>
          {t('home.more')} <ArrowRightOutlined />
        </Link>
      }
    >
      {!props.items.length ? (
        <Empty description={t('home.nothingYet')} />
      ) : (
        <List
          size="small"
          dataSource={props.items}
          renderItem={(i) => (
            <List.Item extra={i.note}>
              <Link to={i.link}>
                <Typography.Text ellipsis={{ tooltip: i.name }}>{i.name}</Typography.Text>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** Directories: technology-transfer institutions, brokers (by registered amount) and experts, each linking to its public page. */
export function Directories() {
  const t = useT();
  const dirs = useDirectories(6);
  if (dirs.isPending) return <Skeleton active />;
  if (!dirs.data) return null;
  const { institutions, brokers, experts } = dirs.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={8}>
        <DirectoryCard
          title={t('portal.dir.institutions')}
          to="/institutions"
          testId="dir-institutions"
          items={institutions.map((i) => ({
            key: i.id,
            link: `/institutions/${i.id}`,
            name: i.name,
            note: i.certifiedBrokers ? <Tag>{t('portal.dir.brokersCount', { n: i.certifiedBrokers })}</Tag> : null,
          }))}
        />
      </Col>
      <Col xs={24} lg={8}>
        <DirectoryCard
          title={t('portal.dir.brokers')}
          to="/brokers"
          testId="dir-brokers"
          items={brokers.map((b) => ({
            key: b.id,
            link: `/brokers/${b.id}`,
            name: b.name,
            note: b.employer ? (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 140 }}>
                {b.employer.name}
              </Typography.Text>
            ) : null,
          }))}
        />
      </Col>
      <Col xs={24} lg={8}>
        <DirectoryCard
          title={t('portal.dir.experts')}
          to="/experts"
          testId="dir-experts"
          items={experts.map((e) => ({
            key: e.id,
            link: `/experts?q=${encodeURIComponent(e.name)}`,
            name: `${e.name} · ${e.title}`,
            note: (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 140 }}>
                {e.organizationName}
              </Typography.Text>
            ),
          }))}
        />
      </Col>
    </Row>
  );
}
