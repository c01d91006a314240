import { Button, Card, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FAVOURITE_KINDS, type FavouriteItem, type FavouriteKind } from '../../../../../common/api/favourites';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useMyFavourites, useRemoveFavourite } from '../api/my-favourites';

/** /workspace/favourites (我的收藏): the achievements and demands I favourited and the organisations I follow. */
export function MyFavouritesPage() {
  const t = useT();
  const { locale } = useLocale();
  const onProblem = useProblemHandler();
  const [kind, setKind] = useState<FavouriteKind | 'all'>('all');
  const list = useMyFavourites(kind === 'all' ? undefined : kind);
  const remove = useRemoveFavourite();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.favourites')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('favourites.intro')}</Typography.Paragraph>
      <Segmented
        value={kind}
        onChange={(v) => setKind(v as FavouriteKind | 'all')}
        options={[
          { value: 'all', label: t('favourites.all') },
          ...FAVOURITE_KINDS.map((k) => ({ value: k, label: t(`favourites.kind.${k}`) })),
        ]}
        style={{ marginBottom: 16 }}
        data-testid="favourites-kind"
      />
      <Table<FavouriteItem>
        rowKey={(f) => `${f.kind}:${f.id}`}
        loading={list.isFetching}
        dataSource={list.data?.items}
        data-testid="my-favourites"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('favourites.empty') }}
        columns={[
          {
            title: t('favourites.title'),
            dataIndex: 'title',
            render: (title: string, f) =>
              f.available ? (
                <Link to={f.link}>{title}</Link>
              ) : (
                <Typography.Text type="secondary">
                  {title} <Tag>{t('favourites.unavailable')}</Tag>
                </Typography.Text>
              ),
          },
          {
            title: t('favourites.kindColumn'),
            dataIndex: 'kind',
            width: 90,
            render: (k: FavouriteKind) => <Tag>{t(`favourites.kind.${k}`)}</Tag>,
          },
          {
            title: t('favourites.createdAt'),
            dataIndex: 'createdAt',
            width: 170,
            responsive: ['md'],
            render: (v: string) => formatDateTime(v, locale),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 110,
            render: (_, f) => (
              <Popconfirm title={t('common.areYouSure')} onConfirm={() => remove.mutateAsync({ kind: f.kind, id: f.id }).catch(onProblem)}>
                <Button size="small" data-testid="remove-favourite">
                  {t(f.kind === 'organization' ? 'favourites.unfollow' : 'favourites.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
