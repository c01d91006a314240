import type { ReactNode } from 'react';
import { Card, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { StatDefinition } from '../../../../../common/api/statistics';
import { useLabel } from '../../../i18n/locale';

/** A dashboard card whose title carries the figure's definition (which amount, which side, which period) on hover. */
export function Panel({
  title,
  definition,
  extra,
  children,
  testId,
}: {
  title: ReactNode;
  definition?: StatDefinition;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  const label = useLabel();
  return (
    <Card
      size="small"
      data-testid={testId}
      style={{ height: '100%' }}
      title={
        definition ? (
          <Tooltip title={`${label(definition.text)}（${definition.region.name} · ${definition.period}）`}>
            <span>
              {title} <InfoCircleOutlined style={{ color: '#8c8c8c' }} />
            </span>
          </Tooltip>
        ) : (
          title
        )
      }
      extra={extra}
    >
      {children}
    </Card>
  );
}
