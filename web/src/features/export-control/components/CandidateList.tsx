import { List, Space, Tag, Typography } from 'antd';
import type { ScreeningView } from '../../../../../common/api/export-control';
import { useT } from '../../../i18n/locale';

/** Candidate catalogue items with their control points; the matched points stand out. */
export function CandidateList({ candidates }: { candidates: ScreeningView['candidates'] }) {
  const t = useT();
  return (
    <List
      size="small"
      locale={{ emptyText: t('exportControl.noCandidates') }}
      dataSource={candidates}
      renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={c.class === 'prohibited' ? 'red' : 'orange'}>{t(`exportControl.class.${c.class}`)}</Tag>
              <Typography.Text strong>{c.code ?? '—'}</Typography.Text>
              <Typography.Text>{c.name}</Typography.Text>
              <Typography.Text type="secondary">{c.industry}</Typography.Text>
            </Space>
            <Typography.Text type="secondary">
              {t('exportControl.matchedTerms')}：{c.matchedTerms.join('、')}
            </Typography.Text>
            {c.controlPoints.map((p) => (
              <Typography.Text key={p.text} type={p.matched ? undefined : 'secondary'} mark={p.matched}>
                · {p.text}
              </Typography.Text>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}
