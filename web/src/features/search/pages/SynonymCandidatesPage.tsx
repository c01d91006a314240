import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useDecideCandidate } from '../api/decide-candidate';
import { useFieldModelReport } from '../api/get-field-model';
import { useLearnCandidates } from '../api/learn-candidates';
import { useSynonymCandidates, type CandidateStatus, type SynonymCandidate } from '../api/synonym-candidates';

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** Why a candidate was proposed, in words. */
function Evidence({ c }: { c: SynonymCandidate }) {
  const t = useT();
  const e = c.evidence as Record<string, number | string[]>;
  if (c.source === 'abbreviation') {
    return <>{t('synonyms.evidenceAbbreviation', { a: String(e.abbreviationRecords), b: String(e.fullFormRecords) })}</>;
  }
  return (
    <>
      {t('synonyms.evidenceCooccurrence', { a: String(e.recordsA), b: String(e.recordsB) })}{' '}
      {((e.sharedNeighbours as string[]) ?? []).map((n) => (
        <Tag key={n}>{n}</Tag>
      ))}
    </>
  );
}

export function SynonymCandidatesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [status, setStatus] = useState<CandidateStatus>('pending');
  const list = useSynonymCandidates(status);
  const learn = useLearnCandidates();
  const decide = useDecideCandidate();
  const model = useFieldModelReport();

  const columns: TableColumnsType<SynonymCandidate> = [
    {
      title: t('synonyms.terms'),
      key: 'terms',
      render: (_, c) => (
        <Space>
          <Typography.Text strong>{c.terms[0]}</Typography.Text>↔<Typography.Text strong>{c.terms[1]}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('synonyms.source'),
      dataIndex: 'source',
      width: 110,
      render: (s: SynonymCandidate['source']) => <Tag color={s === 'abbreviation' ? 'blue' : 'purple'}>{t(`synonyms.source.${s}`)}</Tag>,
    },
    { title: t('synonyms.evidence'), key: 'evidence', render: (_, c) => <Evidence c={c} /> },
    { title: t('synonyms.score'), dataIndex: 'score', width: 80 },
    status === 'pending'
      ? {
          title: t('common.actions'),
          key: 'actions',
          width: 170,
          render: (_, c) => (
            <Space>
              <Button
                size="small"
                type="primary"
                data-testid={`candidate-accept-${c.terms.join('-')}`}
                loading={decide.isPending && decide.variables?.id === c.id}
                onClick={() =>
                  decide.mutate(
                    { id: c.id, decision: 'accept' },
                    { onSuccess: () => message.success(t('synonyms.accepted')), onError: (e) => onProblem(e) },
                  )
                }
              >
                {t('synonyms.accept')}
              </Button>
              <Button size="small" danger onClick={() => decide.mutate({ id: c.id, decision: 'reject' }, { onError: (e) => onProblem(e) })}>
                {t('synonyms.reject')}
              </Button>
            </Space>
          ),
        }
      : {
          title: t('synonyms.decidedAt'),
          dataIndex: 'decidedAt',
          width: 170,
          render: (v: string | null) => (v ? formatDateTime(v, locale) : '—'),
        },
  ];

  const report = model.data;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3}>{t('synonyms.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('synonyms.intro')}</Typography.Paragraph>
      <Card
        title={t('synonyms.candidates')}
        extra={
          <Space>
            <Segmented<CandidateStatus>
              value={status}
              onChange={setStatus}
              options={(['pending', 'accepted', 'rejected'] as const).map((s) => ({ value: s, label: t(`synonyms.status.${s}`) }))}
            />
            <Button
              icon={<BulbOutlined />}
              loading={learn.isPending}
              data-testid="synonyms-learn"
              onClick={() =>
                learn.mutate(undefined, {
                  onSuccess: (r) => message.success(t('synonyms.learned', { proposed: String(r.proposed), added: String(r.added) })),
                  onError: (e) => onProblem(e),
                })
              }
            >
              {t('synonyms.learn')}
            </Button>
          </Space>
        }
      >
        <Table<SynonymCandidate>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20 }}
        />
      </Card>
      <Card title={t('fieldModel.title')} loading={model.isLoading}>
        {report && (
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('fieldModel.trainedAt')}>{formatDateTime(report.model.trainedAt, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('fieldModel.trainedOn')}>
              {t('fieldModel.trainedOnValue', { records: String(report.model.trainedOn), corrections: String(report.model.corrections) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('fieldModel.recent')}>
              {report.recent.records === 0
                ? t('fieldModel.noRecent')
                : t('fieldModel.recentValue', {
                    records: String(report.recent.records),
                    top1: percent(report.recent.top1),
                    top3: percent(report.recent.top3),
                  })}
            </Descriptions.Item>
            <Descriptions.Item label={t('fieldModel.corrections')}>
              {t('fieldModel.correctionsValue', {
                total: String(report.correctionsTotal),
                waiting: String(report.correctionsSinceTraining),
              })}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </Flex>
  );
}
