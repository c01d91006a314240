import { Alert, Button, Card, Descriptions, List, Select, Space, Switch, Typography, message } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { APPLICANT_ROLE_LABELS } from '../../../../../common/api/subsidies';
import { CONTRACT_TYPE_LABELS, type ContractType } from '../../../../../common/contracts';
import { formatFen, formatRate } from '../../../../../common/subsidies';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { useApply, useEstimate, useProgramme } from '../api/programmes';

/** /subsidies/:id — a programme's rules with their sources, and for a member: the estimate line by line, the simulator and the application. */
export function ProgrammeDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const programme = useProgramme(id);
  const me = useMe().data;
  const orgs = me?.memberships ?? [];
  const [orgId, setOrgId] = useState<string | null>(null);
  const organizationId = orgId ?? orgs[0]?.organizationId ?? null;
  const [simulate, setSimulate] = useState(false);
  const estimate = useEstimate(id, organizationId, simulate);
  const apply = useApply();
  const p = programme.data;
  if (!p) return <Card loading />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={p.name}>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="发布单位">
            {p.issuer}（{p.documentNumber}）
          </Descriptions.Item>
          <Descriptions.Item label="申报主体">{p.applicantRoles.map((r) => APPLICANT_ROLE_LABELS[r]).join('、')}</Descriptions.Item>
          <Descriptions.Item label="合同类型">
            {p.contractTypes.map((c) => CONTRACT_TYPE_LABELS[c as ContractType].zh).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label={t('subsidy.year')}>{p.year}</Descriptions.Item>
          <Descriptions.Item label="计算口径">
            {p.basis === 'paid' ? '实际到账金额（须登记银行进账单与发票）' : '登记技术交易额'}
          </Descriptions.Item>
          <Descriptions.Item label="费率">
            {p.schedule.tiers.map((x, i) => (
              <div key={i}>
                {x.uptoFen === null ? '以上部分' : `${formatFen(x.uptoFen)} 以下部分`} {formatRate(x.basisPoints)}
              </div>
            ))}
            {p.schedule.capFenPerOrganizationYear !== null && <div>单位年度上限 {formatFen(p.schedule.capFenPerOrganizationYear)}</div>}
          </Descriptions.Item>
          {p.minLicenceYears !== null && <Descriptions.Item label="许可期限">不少于 {p.minLicenceYears} 年</Descriptions.Item>}
          <Descriptions.Item label={t('subsidy.window')}>
            {p.opensOn} 至 {p.closesOn}
          </Descriptions.Item>
          <Descriptions.Item label={t('subsidy.sources')}>
            {Object.entries(p.sources).map(([k, v]) => (
              <div key={k}>
                {k}：{v}
              </div>
            ))}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {organizationId && (
        <Card
          title={t('subsidy.estimate')}
          extra={
            <Space>
              {orgs.length > 1 && (
                <Select
                  value={organizationId}
                  onChange={setOrgId}
                  options={orgs.map((o) => ({ value: o.organizationId, label: o.organizationName }))}
                />
              )}
              <span>{t('subsidy.simulate')}</span>
              <Switch checked={simulate} onChange={setSimulate} />
            </Space>
          }
        >
          {estimate.isError && <Alert type="info" message="本单位无权查看或不适用该项目的测算" />}
          {estimate.data && (
            <>
              <Typography.Title level={4} data-testid="estimate-amount">
                {t('subsidy.amount')}：{formatFen(estimate.data.amountFen)}（{estimate.data.eligibleContracts} 份合同）
              </Typography.Title>
              <List size="small" bordered dataSource={estimate.data.lines} renderItem={(l) => <List.Item>{l.label}</List.Item>} />
              {p.open && !simulate && (
                <Button
                  type="primary"
                  style={{ marginTop: 16 }}
                  disabled={estimate.data.amountFen === 0}
                  loading={apply.isPending}
                  onClick={async () => {
                    try {
                      await apply.mutateAsync({ programmeId: p.id, organizationId });
                      void message.success(t('subsidy.applied'));
                    } catch (e) {
                      void message.error(isApiProblem(e) ? e.message : String(e));
                    }
                  }}
                >
                  {t('subsidy.apply')}
                </Button>
              )}
            </>
          )}
        </Card>
      )}
    </Space>
  );
}
