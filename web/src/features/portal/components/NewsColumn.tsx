import { Card, Empty, Flex, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { NEWS_CATEGORY_LABELS, type NewsItemView } from '../../../../../common/api/news';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useLatestNews } from '../api/get-latest-news';

/** 新闻动态: the operator's newest items; one opens in a dialog. */
export function NewsColumn() {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const news = useLatestNews(6);
  const [open, setOpen] = useState<NewsItemView | null>(null);
  return (
    <Card title={t('portal.news')} style={{ height: '100%' }} data-testid="home-news">
      {news.isPending ? (
        <Skeleton active />
      ) : !news.data?.items.length ? (
        <Empty description={t('home.nothingYet')} />
      ) : (
        <List
          size="small"
          dataSource={news.data.items}
          renderItem={(n) => (
            <List.Item extra={<Typography.Text type="secondary">{formatDateTime(n.publishedAt, locale).slice(0, 10)}</Typography.Text>}>
              <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                <Tag color="cyan">{label(NEWS_CATEGORY_LABELS[n.category], n.category)}</Tag>
                <Typography.Link onClick={() => setOpen(n)} ellipsis data-testid="news-item">
                  {n.title}
                </Typography.Link>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Modal open={!!open} title={open?.title} footer={null} onCancel={() => setOpen(null)} width={720}>
        {open && (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">
              {formatDateTime(open.publishedAt, locale)}
              {open.source ? ` · ${open.source}` : ''}
            </Typography.Text>
            {open.body.split('\n').map((p, i) => (
              <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
            ))}
          </Flex>
        )}
      </Modal>
    </Card>
  );
}
