import { Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import type { AchievementView } from '../../../../../common/api/catalog';
import {
  IP_KINDS,
  IP_KIND_LABELS,
  PATENT_KINDS,
  TRANSFER_MODE_LABELS,
  TRL_LEVELS,
  type IpKind,
  type TransferMode,
} from '../../../../../common/catalog';
import { compact, type FilingStep } from '../../../components/catalog/FilingSteps';
import { ContactsList, FormRowsList, ModeCheckboxes, TrlRadioGroup, WanInput } from '../../../components/catalog/formParts';
import {
  fieldStep,
  RecordFilingForm,
  ReviewDescriptions,
  TitleSummaryItems,
  type FilingKind,
  type FilingValues,
} from '../../../components/catalog/RecordFiling';
import { useLabel, useT } from '../../../i18n/locale';
import type { Me } from '../../../lib/auth';
import { formatWan } from '../../../lib/money';
import { useCreateAchievement, type AchievementInputBody } from '../api/create-achievement';
import { useTransitionAchievement } from '../api/transition-achievement';
import { useUpdateAchievement } from '../api/update-achievement';

interface Values extends FilingValues {
  problemSolved?: string;
  advantage?: string;
  trl?: number;
  ipAssets: { kind: IpKind; number?: string; title: string }[];
  transferModes: TransferMode[];
  priceFen?: number | null;
  priceNegotiable: boolean;
  publicFunding: boolean;
  team: { name: string; title?: string; role?: string }[];
}

function toValues(a: AchievementView | undefined, me: Me | null | undefined): Partial<Values> {
  if (!a)
    return {
      keywords: [],
      ipAssets: [],
      transferModes: [],
      priceNegotiable: false,
      publicFunding: false,
      contacts: [me ? { name: me.user.name, email: me.user.email } : { name: '' }],
      team: [],
    };
  return {
    title: a.title,
    summary: a.summary,
    problemSolved: a.problemSolved ?? undefined,
    advantage: a.advantage ?? undefined,
    fieldCode: a.fieldCode,
    keywords: a.keywords,
    trl: a.trl,
    ipAssets: a.ipAssets.map((x) => ({ kind: x.kind, number: x.number ?? undefined, title: x.title })),
    transferModes: a.transferModes,
    priceFen: a.priceFen,
    priceNegotiable: a.priceNegotiable,
    publicFunding: a.publicFunding,
    contacts: a.contacts ?? [],
    team: a.team,
  };
}

function toBody(v: Values): AchievementInputBody {
  return {
    title: v.title,
    summary: v.summary,
    problemSolved: v.problemSolved || undefined,
    advantage: v.advantage || undefined,
    fieldCode: v.fieldCode ?? '',
    keywords: v.keywords ?? [],
    trl: v.trl ?? 0,
    ipAssets: (v.ipAssets ?? []).map((a) => ({ kind: a.kind, title: a.title, number: a.number?.trim() || null })),
    transferModes: v.transferModes ?? [],
    priceFen: v.priceNegotiable ? null : (v.priceFen ?? null),
    priceNegotiable: !!v.priceNegotiable,
    publicFunding: !!v.publicFunding,
    contacts: (v.contacts ?? []).map((c) => compact(c)),
    team: (v.team ?? []).map((m) => compact(m)),
  };
}

const achievementFiling: FilingKind<Values, AchievementInputBody, AchievementView> = {
  basePath: '/achievements',
  toValues,
  toBody,
  useCreate: useCreateAchievement,
  useUpdate: useUpdateAchievement,
  useTransition: useTransitionAchievement,
};

/** The multi-step filing of an achievement, for a new one or to edit one (`initial`). */
export function AchievementForm({ initial }: { initial?: AchievementView }) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const negotiable = Form.useWatch('priceNegotiable', form);
  const required = { required: true, message: t('common.required') };

  const steps: FilingStep[] = [
    {
      key: 'basic',
      title: t('filing.step.basic'),
      fields: ['organizationId', 'title', 'summary', 'problemSolved', 'advantage'],
      content: (
        <TitleSummaryItems titleLabel={t('achievement.title')} summaryLabel={t('achievement.summary')} summaryRows={5}>
          <Form.Item name="problemSolved" label={t('achievement.problemSolved')}>
            <Input.TextArea rows={3} maxLength={3000} data-testid="problem-input" />
          </Form.Item>
          <Form.Item name="advantage" label={t('achievement.advantage')}>
            <Input.TextArea rows={3} maxLength={3000} data-testid="advantage-input" />
          </Form.Item>
        </TitleSummaryItems>
      ),
    },
    fieldStep(t('filing.step.field')),
    {
      key: 'trl',
      title: t('filing.step.trl'),
      fields: ['trl'],
      content: (
        <Form.Item name="trl" label={t('record.trl')} rules={[required]} extra={t('filing.trlHelp')}>
          <TrlRadioGroup />
        </Form.Item>
      ),
    },
    {
      key: 'ip',
      title: t('filing.step.ip'),
      fields: ['ipAssets'],
      content: (
        <FormRowsList
          name="ipAssets"
          align="top"
          max={50}
          newItem={{ kind: 'invention_patent' }}
          addLabel={t('filing.addIp')}
          addTestId="add-ip-asset"
          empty={<Typography.Paragraph type="secondary">{t('filing.ipNone')}</Typography.Paragraph>}
          columns={[
            {
              name: 'kind',
              md: 6,
              render: (field) => (
                <Form.Item name={[field.name, 'kind']} rules={[required]}>
                  <Select
                    options={IP_KINDS.map((k) => ({ value: k, label: label(IP_KIND_LABELS[k]) }))}
                    data-testid={`ip-kind-${field.name}`}
                  />
                </Form.Item>
              ),
            },
            {
              name: 'number',
              md: 7,
              render: (field) => (
                <Form.Item noStyle shouldUpdate>
                  {() => {
                    const kind = form.getFieldValue(['ipAssets', field.name, 'kind']) as IpKind | undefined;
                    const patent = !!kind && PATENT_KINDS.includes(kind);
                    return (
                      <Form.Item
                        name={[field.name, 'number']}
                        rules={patent ? [required] : []}
                        extra={patent ? t('filing.patentNumberHelp') : undefined}
                      >
                        <Input
                          placeholder={patent ? t('filing.patentNumber') : t('filing.ipNumberOptional')}
                          maxLength={40}
                          data-testid={`ip-number-${field.name}`}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              ),
            },
            { name: 'title', md: 9, rules: [required], placeholder: t('achievement.ipTitle'), maxLength: 200, testId: 'ip-title' },
          ]}
        />
      ),
    },
    {
      key: 'transfer',
      title: t('filing.step.transfer'),
      fields: ['transferModes', 'priceFen', 'priceNegotiable', 'publicFunding'],
      content: (
        <>
          <Form.Item
            name="transferModes"
            label={t('achievement.transferModes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('filing.modesRequired') }]}
          >
            <ModeCheckboxes />
          </Form.Item>
          <Form.Item label={t('achievement.price')} required={!negotiable}>
            <Flex gap={16} align="start" wrap>
              <Form.Item
                name="priceFen"
                noStyle={false}
                style={{ marginBottom: 0, minWidth: 220, flex: 1 }}
                rules={negotiable ? [] : [{ required: true, message: t('filing.priceRequired') }]}
                dependencies={['priceNegotiable']}
              >
                <WanInput disabled={!!negotiable} testId="price-input" placeholder={t('filing.priceWan')} />
              </Form.Item>
              <Form.Item name="priceNegotiable" valuePropName="checked" noStyle>
                <Checkbox
                  data-testid="price-negotiable"
                  onChange={(e) => {
                    if (e.target.checked) form.setFields([{ name: 'priceFen', value: null, errors: [] }]);
                  }}
                >
                  {t('money.negotiable')}
                </Checkbox>
              </Form.Item>
            </Flex>
          </Form.Item>
          <Form.Item name="publicFunding" valuePropName="checked" extra={t('filing.publicFundingHelp')}>
            <Checkbox data-testid="public-funding">{t('achievement.publicFunding')}</Checkbox>
          </Form.Item>
        </>
      ),
    },
    {
      key: 'people',
      title: t('filing.step.people'),
      fields: ['contacts', 'team'],
      content: (
        <>
          <Typography.Title level={5}>{t('record.contacts')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('filing.contactsHelp')}</Typography.Paragraph>
          <ContactsList />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('achievement.team')}
          </Typography.Title>
          <FormRowsList
            name="team"
            addLabel={t('filing.addMember')}
            addTestId="add-team-member"
            columns={[
              { name: 'name', md: 7, rules: [required], placeholder: t('filing.memberName'), maxLength: 50 },
              { name: 'title', md: 7, placeholder: t('filing.memberTitle'), maxLength: 50 },
              { name: 'role', md: 8, placeholder: t('filing.memberRole'), maxLength: 50 },
            ]}
          />
        </>
      ),
    },
  ];

  return <RecordFilingForm kind={achievementFiling} form={form} steps={steps} renderReview={renderReview} initial={initial} requiredMark />;

  function renderReview() {
    const v = form.getFieldsValue(true) as Values;
    return (
      <ReviewDescriptions
        values={v}
        titleLabel={t('achievement.title')}
        summaryLabel={t('achievement.summary')}
        items={[
          {
            key: 'trl',
            label: t('record.trl'),
            children: v.trl ? `TRL ${v.trl} · ${label(TRL_LEVELS.find((l) => l.level === v.trl))}` : '—',
          },
          {
            key: 'ip',
            label: t('achievement.ipAssets'),
            children:
              (v.ipAssets ?? []).map((a) => `${label(IP_KIND_LABELS[a.kind])} ${a.number ?? ''} ${a.title ?? ''}`).join('；') ||
              t('common.none'),
          },
          {
            key: 'modes',
            label: t('achievement.transferModes'),
            children: (v.transferModes ?? []).map((m) => label(TRANSFER_MODE_LABELS[m])).join('、'),
          },
          { key: 'price', label: t('achievement.price'), children: v.priceNegotiable ? t('money.negotiable') : formatWan(v.priceFen) },
          { key: 'funding', label: t('achievement.publicFunding'), children: v.publicFunding ? t('common.yes') : t('common.no') },
        ]}
        after={[{ key: 'team', label: t('achievement.team'), children: (v.team ?? []).map((m) => m.name).join('、') || '—' }]}
      />
    );
  }
}
