import { App, Button, Card, Descriptions, Skeleton, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { POLICY_LEVEL_LABELS } from '../../../../../common/api/policies';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { usePolicy } from '../api/get-policy';
import { usePublishPolicy } from '../api/publish-policy';

/** /policies/:id — one policy with its text; its managers publish a draft here. */
export function PolicyDetailPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { message } = App.useApp();
  const policy = usePolicy(id);
  const publish = usePublishPolicy();
  const onProblem = useProblemHandler();
  if (policy.isPending) return <Skeleton active />;
  if (!policy.data) return null;
  const p = policy.data;
  return (
    <Card
      title={p.title}
      extra={
        p.actions.includes('publish') && (
          <Button
            type="primary"
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(p.id, {
                onSuccess: (r) => message.success(t('policy.published', { n: r.notifiedOrganizations })),
                onError: (e) => onProblem(e),
              })
            }
          >
            {t('policy.publish')}
          </Button>
        )
      }
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('policy.level')}>
          {POLICY_LEVEL_LABELS[p.level]}
          {p.regionName ? ` · ${p.regionName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.issuer')}>{p.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('policy.number')}>{p.documentNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('policy.issuedOn')}>{p.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t('policy.effective')}>{p.effectiveFrom ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('policy.until')}>{p.effectiveUntil ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ margin: '12px 0' }}>
        {p.smeOnly && <Tag color="purple">{t('policy.smeOnly')}</Tag>}
        {p.tags.map((tag) => (
          <Tag key={tag}>{tag}</Tag>
        ))}
      </Space>
      <Typography.Paragraph strong>{p.summary}</Typography.Paragraph>
      <Typography.Title level={5}>{t('policy.fullText')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.fullText}</Typography.Paragraph>
      {p.sourceUrl && (
        <a href={p.sourceUrl} target="_blank" rel="noreferrer">
          {t('policy.source')}
        </a>
      )}
    </Card>
  );
}
