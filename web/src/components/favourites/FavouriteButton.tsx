import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { EyeOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import type { Engagement, FavouriteKind, FavouriteState } from '../../../../common/api/favourites';
import { useT } from '../../i18n/locale';
import { api } from '../../lib/api';
import { useMe } from '../../lib/auth';

const key = (kind: FavouriteKind, id: string) => ['engagement', kind, id];

/**
 * 收藏 / 关注 on a record or organisation page. Counts the page view (once per viewer and day on the
 * server); the owning organisation sees "viewed N / favourited M", never who.
 */
export function FavouriteButton({ kind, id }: { kind: FavouriteKind; id: string }) {
  const t = useT();
  const me = useMe().data;
  const queryClient = useQueryClient();
  const engagement = useQuery({ queryKey: key(kind, id), queryFn: () => api.get<Engagement>(`/api/engagement/${kind}/${id}`) });
  useEffect(() => {
    void api.post(`/api/engagement/${kind}/${id}/views`).catch(() => undefined);
  }, [kind, id]);
  const toggle = useMutation({
    mutationFn: (on: boolean) =>
      on ? api.put<FavouriteState>(`/api/me/favourites/${kind}/${id}`) : api.delete<FavouriteState>(`/api/me/favourites/${kind}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(kind, id) }),
  });
  const data = engagement.data;
  const on = data?.favourited ?? false;
  const follow = kind === 'organization';
  return (
    <Space wrap>
      {me && !data?.counts && (
        <Button
          data-testid="favourite-button"
          icon={on ? <StarFilled /> : <StarOutlined />}
          loading={toggle.isPending}
          onClick={() => toggle.mutate(!on)}
        >
          {on ? t(follow ? 'favourite.following' : 'favourite.done') : t(follow ? 'favourite.follow' : 'favourite.add')}
        </Button>
      )}
      {data?.counts && (
        <Typography.Text type="secondary" data-testid="engagement-counts">
          <EyeOutlined /> {t('favourite.counts', { views: data.counts.views, favourites: data.counts.favourites })}
        </Typography.Text>
      )}
    </Space>
  );
}
