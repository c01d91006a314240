import { Checkbox, Col, DatePicker, Form, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DemandView } from '../../../../../common/api/catalog';
import { TRANSFER_MODE_LABELS, TRL_LEVELS, type TransferMode } from '../../../../../common/catalog';
import { compact, type FilingStep } from '../../../components/catalog/FilingSteps';
import { ContactsList, ModeCheckboxes, WanInput } from '../../../components/catalog/formParts';
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
import { formatWanRange } from '../../../lib/money';
import { useCreateDemand, type DemandInputBody } from '../api/create-demand';
import { useTransitionDemand } from '../api/transition-demand';
import { useUpdateDemand } from '../api/update-demand';

interface Values extends FilingValues {
  cooperationModes: TransferMode[];
  trlMin?: number | null;
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  budgetNegotiable: boolean;
  deadline?: string | null;
}

function toValues(d: DemandView | undefined, me: Me | null | undefined): Partial<Values> {
  if (!d)
    return {
      keywords: [],
      cooperationModes: [],
      budgetNegotiable: false,
      contacts: [me ? { name: me.user.name, email: me.user.email } : { name: '' }],
    };
  return {
    title: d.title,
    summary: d.summary,
    fieldCode: d.fieldCode,
    keywords: d.keywords,
    cooperationModes: d.cooperationModes,
    trlMin: d.trlMin,
    budgetMinFen: d.budgetMinFen,
    budgetMaxFen: d.budgetMaxFen,
    budgetNegotiable: d.budgetNegotiable,
    deadline: d.deadline,
    contacts: d.contacts ?? [],
  };
}

function toBody(v: Values): DemandInputBody {
  return {
    title: v.title,
    summary: v.summary,
    fieldCode: v.fieldCode ?? '',
    keywords: v.keywords ?? [],
    cooperationModes: v.cooperationModes ?? [],
    trlMin: v.trlMin ?? null,
    budgetMinFen: v.budgetMinFen ?? null,
    budgetMaxFen: v.budgetMaxFen ?? null,
    budgetNegotiable: !!v.budgetNegotiable,
    deadline: v.deadline || null,
    contacts: (v.contacts ?? []).map((c) => compact(c)),
  };
}

const demandFiling: FilingKind<Values, DemandInputBody, DemandView> = {
  basePath: '/demands',
  toValues,
  toBody,
  useCreate: useCreateDemand,
  useUpdate: useUpdateDemand,
  useTransition: useTransitionDemand,
};

/** Filing a demand (simpler than an achievement): what is needed, how to cooperate, budget and deadline. */
export function DemandForm({ initial }: { initial?: DemandView }) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();

  const steps: FilingStep[] = [
    {
      key: 'basic',
      title: t('filing.step.demandBasic'),
      fields: ['organizationId', 'title', 'summary'],
      content: (
        <TitleSummaryItems
          titleLabel={t('demand.title')}
          summaryLabel={t('demand.summary')}
          summaryRows={6}
          summaryExtra={t('demand.summaryHelp')}
        />
      ),
    },
    fieldStep(t('filing.step.field'), 'demand'),
    {
      key: 'terms',
      title: t('filing.step.terms'),
      fields: ['cooperationModes', 'trlMin', 'budgetMinFen', 'budgetMaxFen', 'budgetNegotiable', 'deadline'],
      content: (
        <>
          <Form.Item
            name="cooperationModes"
            label={t('demand.cooperationModes')}
            rules={[{ required: true, type: 'array', min: 1, message: t('filing.modesRequired') }]}
          >
            <ModeCheckboxes />
          </Form.Item>
          <Form.Item name="trlMin" label={t('demand.trlMin')} extra={t('demand.trlMinHelp')}>
            <Select
              allowClear
              data-testid="trl-min-select"
              options={TRL_LEVELS.map((l) => ({ value: l.level, label: `TRL ${l.level} · ${label(l)}` }))}
              placeholder={t('demand.trlAny')}
            />
          </Form.Item>
          <Form.Item label={t('demand.budget')} style={{ marginBottom: 0 }}>
            <Row gutter={8} align="top">
              <Col xs={24} md={8}>
                <Form.Item name="budgetMinFen">
                  <WanInput testId="budget-min-input" placeholder={t('demand.budgetMin')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="budgetMaxFen" dependencies={['budgetMinFen']}>
                  <WanInput testId="budget-max-input" placeholder={t('demand.budgetMax')} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="budgetNegotiable" valuePropName="checked">
                  <Checkbox data-testid="budget-negotiable">{t('money.negotiable')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('demand.deadline')}
            getValueProps={(v: string | null | undefined) => ({ value: v ? dayjs(v) : null })}
            normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
          >
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} data-testid="deadline-input" />
          </Form.Item>
        </>
      ),
    },
    {
      key: 'people',
      title: t('record.contacts'),
      fields: ['contacts'],
      content: (
        <>
          <Typography.Paragraph type="secondary">{t('filing.contactsHelp')}</Typography.Paragraph>
          <ContactsList />
        </>
      ),
    },
  ];

  return <RecordFilingForm kind={demandFiling} form={form} steps={steps} renderReview={renderReview} initial={initial} />;

  function renderReview() {
    const v = form.getFieldsValue(true) as Values;
    const range = v.budgetMinFen != null || v.budgetMaxFen != null ? formatWanRange(v.budgetMinFen, v.budgetMaxFen) : null;
    return (
      <ReviewDescriptions
        values={v}
        titleLabel={t('demand.title')}
        summaryLabel={t('demand.summary')}
        items={[
          {
            key: 'modes',
            label: t('demand.cooperationModes'),
            children: (v.cooperationModes ?? []).map((m) => label(TRANSFER_MODE_LABELS[m])).join('、'),
          },
          { key: 'trl', label: t('demand.trlMin'), children: v.trlMin ? `TRL ${v.trlMin}` : '—' },
          {
            key: 'budget',
            label: t('demand.budget'),
            children: [range, v.budgetNegotiable ? t('money.negotiable') : null].filter(Boolean).join(' · ') || '—',
          },
          { key: 'deadline', label: t('demand.deadline'), children: v.deadline ?? '—' },
        ]}
      />
    );
  }
}
