import { Flex, Tooltip, Typography } from 'antd';
import type { z } from 'zod';
import type { MatchExplanation } from '../../../../common/api/search';

type Explanation = z.infer<typeof MatchExplanation>;

const COLORS: Record<string, string> = {
  text: '#1765ad',
  field: '#13a8a8',
  trl: '#7cb305',
  region: '#d48806',
  price: '#c41d7f',
  mode: '#531dab',
};

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A match score as one stacked bar: each component is a segment as long as the points it gave, the
 * whole track is the sum of the weights, and hovering a segment tells why it scored what it did.
 */
export function MatchBar({ explanation }: { explanation: Explanation }) {
  const maxTotal = explanation.components.reduce((sum, c) => sum + c.weight, 0) || 100;
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Flex align="center" gap={8}>
        <div
          data-testid="match-bar"
          style={{ flex: 1, display: 'flex', height: 14, background: '#f0f0f0', borderRadius: 7, overflow: 'hidden' }}
        >
          {explanation.components
            .filter((c) => c.points > 0)
            .map((c) => (
              <Tooltip
                key={c.key}
                title={
                  <span>
                    <b>
                      {c.label} {round(c.points)}/{round(c.weight)}
                    </b>
                    <br />
                    {c.reason}
                  </span>
                }
              >
                <div
                  data-testid={`match-segment-${c.key}`}
                  style={{
                    width: `${(c.points / maxTotal) * 100}%`,
                    background: COLORS[c.key] ?? '#8c8c8c',
                    height: '100%',
                    cursor: 'help',
                  }}
                />
              </Tooltip>
            ))}
        </div>
        <Typography.Text strong style={{ minWidth: 40, textAlign: 'right' }}>
          {round(explanation.total)}
        </Typography.Text>
      </Flex>
      <Flex wrap gap={8}>
        {explanation.components.map((c) => (
          <Tooltip key={c.key} title={c.reason}>
            <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 8,
                  height: 8,
                  borderRadius: 2,
                  marginRight: 4,
                  background: COLORS[c.key] ?? '#8c8c8c',
                }}
              />
              {c.label} {round(c.points)}
            </Typography.Text>
          </Tooltip>
        ))}
      </Flex>
    </Flex>
  );
}
