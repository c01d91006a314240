import { Button, Card, Flex, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/locale';
import { usePolicyMatch, type MatchInput } from '../api/match-policies';

const VERDICT_COLOR = { applies: 'green', maybe: 'gold', no: 'default' } as const;

/** /workspace/policies/match — which policies apply to my organisation, with a reason per criterion. */
export function PolicyMatchPage() {
  const t = useT();
  const [input, setInput] = useState<MatchInput>({});
  const match = usePolicyMatch(input);
  return (
    <Card title={t('policy.matchTitle')}>
      <Typography.Paragraph type="secondary">{t('policy.matchHint')}</Typography.Paragraph>
      <Form layout="inline" initialValues={input} onFinish={(v: MatchInput) => setInput({ ...v })} style={{ marginBottom: 16 }}>
        <Form.Item name="fields" label={t('policy.fields')}>
          <Input style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('policy.check')}
          </Button>
        </Form.Item>
      </Form>
      {match.data && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {match.data.organization.name}
          </Typography.Title>
          <Tag color={match.data.organization.smeAssessment?.qualified ? 'green' : undefined} data-testid="sme-standing">
            {t('policy.sme')}：
            {match.data.organization.smeAssessment
              ? `${t(`policy.sme.${match.data.organization.smeAssessment.qualified ? 'yes' : 'no'}`)}（${match.data.organization.smeAssessment.year}）`
              : t('policy.sme.unknown')}
          </Tag>
        </Space>
      )}
      <List
        loading={match.isPending}
        dataSource={match.data?.items ?? []}
        renderItem={(i) => (
          <List.Item data-testid="policy-match">
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={VERDICT_COLOR[i.verdict]}>{t(`policy.verdict.${i.verdict}`)}</Tag>
                <Link to={`/policies/${i.policy.id}`}>{i.policy.title}</Link>
                <Typography.Text type="secondary">{i.policy.documentNumber}</Typography.Text>
              </Space>
              <Space wrap size={4}>
                {i.reasons.map((r) => (
                  <Tag key={r.criterion} color={r.met === false ? 'red' : r.met === null ? 'gold' : undefined}>
                    {r.note}
                  </Tag>
                ))}
              </Space>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
