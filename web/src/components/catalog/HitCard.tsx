import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { Highlighted } from './Highlighted';

/** One search hit: highlighted title and snippet, a row of tags, a line of facts on the right. */
export function HitCard({
  to,
  titleHtml,
  summaryHtml,
  tags,
  side,
  footer,
}: {
  to: string;
  titleHtml: string;
  summaryHtml: string;
  tags: ReactNode;
  side?: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <Card size="small" data-testid="result-item" className="jq-hit">
      <Flex justify="space-between" gap={16} align="start">
        <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Link to={to} data-testid="result-title">
            <Typography.Title level={5} style={{ margin: 0, color: '#1765ad' }}>
              <Highlighted html={titleHtml} />
            </Typography.Title>
          </Link>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
            <Highlighted html={summaryHtml} />
          </Typography.Paragraph>
          <Flex wrap gap={4}>
            {tags}
          </Flex>
          {footer}
        </Flex>
        {side && <div style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{side}</div>}
      </Flex>
    </Card>
  );
}
