import { Card, Descriptions, Flex, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useLocale, useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useScreening } from '../api/get-screening';
import { CandidateList } from '../components/CandidateList';
import { DecisionForm } from '../components/DecisionForm';
import { HoldBanner } from '../components/HoldBanner';

/** /workspace/export-control/:id — one screening: the hold banner, the parties, the candidate items, the decision and approvals. */
export function ScreeningPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { locale } = useLocale();
  const s = useScreening(id);
  if (s.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (s.isError || !s.data) {
    const notFound = isApiProblem(s.error) && s.error.status === 404;
    return <Result status={notFound ? '404' : 'error'} title={notFound ? t('exportControl.notFound') : s.error?.message} />;
  }
  const v = s.data;
  const recordLink =
    v.subject === 'deal'
      ? `/trading/deals/${v.subjectId}`
      : v.subject === 'contract'
        ? `/workspace/contracts/${v.subjectId}`
        : `/achievements/${v.subjectId}`;
  return (
    <Flex vertical gap={16}>
      <HoldBanner screening={v} />
      <Card title={<Link to={recordLink}>{v.title}</Link>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('exportControl.subject')}>{t(`exportControl.subjectLabel.${v.subject}`)}</Descriptions.Item>
          <Descriptions.Item
            label={t('exportControl.catalogue')}
          >{`${v.catalogue.label}（${v.catalogue.sourceDocument}）`}</Descriptions.Item>
          <Descriptions.Item label={t('exportControl.domestic')}>{v.domesticOrganization?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('exportControl.foreign')}>
            {[v.foreignOrganization?.name, v.foreignCountry].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          {v.reason && <Descriptions.Item label={t('exportControl.reason')}>{v.reason}</Descriptions.Item>}
          {v.decidedAt && <Descriptions.Item label={t('exportControl.decidedAt')}>{formatDateTime(v.decidedAt, locale)}</Descriptions.Item>}
          {v.letterOfIntentNo && (
            <Descriptions.Item
              label={t('exportControl.action.record_intent')}
            >{`${v.letterOfIntentNo}（${v.letterOfIntentOn}）`}</Descriptions.Item>
          )}
          {v.licenceNo && (
            <Descriptions.Item label={t('exportControl.action.record_licence')}>{`${v.licenceNo}（${v.licenceOn}）`}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('exportControl.candidates')}>
        <CandidateList candidates={v.candidates} />
      </Card>
      {v.actions.length > 0 && (
        <Card title={t('exportControl.nextStep')}>
          <DecisionForm key={v.status} screening={v} />
        </Card>
      )}
    </Flex>
  );
}
