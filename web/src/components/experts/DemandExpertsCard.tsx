import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import type { z } from 'zod';
import type { ExpertMatch } from '../../../../common/api/experts';
import { useT } from '../../i18n/locale';
import { api } from '../../lib/api';

type Match = z.infer<typeof ExpertMatch>;

function getDemandExperts(id: string, signal?: AbortSignal): Promise<{ items: Match[] }> {
  return api.get(`/api/demands/${encodeURIComponent(id)}/experts`, undefined, signal);
}

/** Experts matched to a demand by field and research directions (the demand's organisation and staff see it). */
export function DemandExpertsCard({ demandId, enabled }: { demandId: string; enabled: boolean }) {
  const t = useT();
  const query = useQuery({
    queryKey: ['demands', 'experts', demandId],
    queryFn: ({ signal }) => getDemandExperts(demandId, signal),
    enabled,
  });
  if (!enabled) return null;
  return (
    <Card title={t('experts.matchedTitle')} size="small" data-testid="demand-experts">
      <List<Match>
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        locale={{ emptyText: t('experts.none') }}
        renderItem={(m) => (
          <List.Item extra={<Tag color="blue">{m.score}</Tag>}>
            <List.Item.Meta
              title={`${m.expert.name} · ${m.expert.title} · ${m.expert.organizationName}`}
              description={<Typography.Text type="secondary">{m.reasons.join('；')}</Typography.Text>}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
