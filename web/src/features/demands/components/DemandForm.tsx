import { useState } from 'react';
import { App, Checkbox, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import type { DemandView } from '../../../../../common/api/catalog';
import { TRANSFER_MODE_LABELS, TRL_LEVELS, type TransferMode } from '../../../../../common/catalog';
import { FieldSelect } from '../../../components/catalog/FieldSelect';
import { FieldSuggestions } from '../../../components/catalog/FieldSuggestions';
import { compact, FilingSteps, firstStepWithError, type FilingStep } from '../../../components/catalog/FilingSteps';
import { ContactsList, KeywordsSelect, ModeCheckboxes, WanInput } from '../../../components/catalog/formParts';
import { OrganizationPicker } from '../../../components/catalog/OrganizationPicker';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { useMe, type Me } from '../../../lib/auth';
import { useFields } from '../../../lib/fields';
import { formatWanRange } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateDemand, type DemandInputBody } from '../api/create-demand';
import { useTransitionDemand } from '../api/transition-demand';
import { useUpdateDemand } from '../api/update-demand';

interface Values {
  organizationId?: string;
  title: string;
  summary: string;
  fieldCode?: string;
  keywords: string[];
  cooperationModes: TransferMode[];
  trlMin?: number | null;
  budgetMinFen?: number | null;
  budgetMaxFen?: number | null;
  budgetNegotiable: boolean;
  deadline?: string | null;
  contacts: { name: string; phone?: string; email?: string }[];
}

function toValues(d: DemandView | undefined, me: Me | null | undefined): Partial<Values> {
  if (!d) return { keywords: [], cooperationModes: [], budgetNegotiable: false, contacts: [me ? { name: me.user.name, email: me.user.email } : { name: '' }] };
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

/** Filing a demand (simpler than an achievement): what is needed, how to cooperate, budget and deadline. */
export function DemandForm({ initial }: { initial?: DemandView }) {
  const t = useT();
  const label = useLabel();
  const { locale } = useLocale();
  const fields = useFields();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(0);
  const [savedId, setSavedId] = useState<string | undefined>(initial?.id);
  const create = useCreateDemand();
  const update = useUpdateDemand();
  const transition = useTransitionDemand();
  const title = Form.useWatch('title', form) ?? '';
  const summary = Form.useWatch('summary', form) ?? '';
  const fieldCode = Form.useWatch('fieldCode', form);
  const keywords = Form.useWatch('keywords', form) ?? [];
  const required = { required: true, message: t('common.required') };

  const steps: FilingStep[] = [
    {
      key: 'basic',
      title: t('filing.step.demandBasic'),
      fields: ['organizationId', 'title', 'summary'],
      content: (
        <>
          <OrganizationPicker />
          <Form.Item name="title" label={t('demand.title')} rules={[required, { min: 2, message: t('filing.min', { n: 2 }) }]}>
            <Input maxLength={200} showCount data-testid="title-input" />
          </Form.Item>
          <Form.Item name="summary" label={t('demand.summary')} rules={[required, { min: 10, message: t('filing.min', { n: 10 }) }]} extra={t('demand.summaryHelp')}>
            <Input.TextArea rows={6} maxLength={5000} showCount data-testid="summary-input" />
          </Form.Item>
        </>
      ),
    },
    {
      key: 'field',
      title: t('filing.step.field'),
      fields: ['fieldCode', 'keywords'],
      content: (
        <>
          <FieldSuggestions
            title={title}
            summary={summary}
            fieldCode={fieldCode}
            keywords={keywords}
            onPickField={(code) => form.setFields([{ name: 'fieldCode', value: code, errors: [] }])}
            onAddKeyword={(k) => form.setFieldValue('keywords', [...keywords, k].slice(0, 10))}
          />
          <Form.Item name="fieldCode" label={t('record.field')} rules={[required]}>
            <FieldSelect />
          </Form.Item>
          <Form.Item name="keywords" label={t('record.keywords')} extra={t('filing.keywordsHelp')}>
            <KeywordsSelect />
          </Form.Item>
        </>
      ),
    },
    {
      key: 'terms',
      title: t('filing.step.terms'),
      fields: ['cooperationModes', 'trlMin', 'budgetMinFen', 'budgetMaxFen', 'budgetNegotiable', 'deadline'],
      content: (
        <>
          <Form.Item name="cooperationModes" label={t('demand.cooperationModes')} rules={[{ required: true, type: 'array', min: 1, message: t('filing.modesRequired') }]}>
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
    { key: 'review', title: t('filing.step.review'), fields: [], content: current === 4 ? renderReview() : null },
  ];

  const onSave = async (submit: boolean) => {
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch {
      const step = firstStepWithError(form, steps);
      if (step >= 0) setCurrent(step);
      return;
    }
    const values = form.getFieldsValue(true) as Values;
    const body = toBody(values);
    try {
      let view: DemandView;
      if (savedId) view = await update.mutateAsync({ id: savedId, body });
      else {
        view = await create.mutateAsync({ body, organizationId: values.organizationId });
        setSavedId(view.id);
      }
      if (submit && view.actions.includes('submit')) view = await transition.mutateAsync({ id: view.id, body: { action: 'submit' } });
      message.success(submit ? t('filing.submitted') : t('filing.draftSaved'));
      navigate(`/demands/${view.id}`);
    } catch (error) {
      onProblem(error, form);
      const step = firstStepWithError(form, steps);
      if (step >= 0) setCurrent(step);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={toValues(initial, me)} scrollToFirstError>
      <FilingSteps
        form={form}
        steps={steps}
        current={current}
        onCurrentChange={setCurrent}
        saving={create.isPending || update.isPending || transition.isPending}
        canSubmit={!initial || initial.status === 'draft' || initial.status === 'returned' || initial.status === 'withdrawn'}
        onSave={(submit) => void onSave(submit)}
      />
    </Form>
  );

  function renderReview() {
    const v = form.getFieldsValue(true) as Values;
    const field = fields.data?.find((x) => x.code === v.fieldCode);
    const range = v.budgetMinFen != null || v.budgetMaxFen != null ? formatWanRange(v.budgetMinFen, v.budgetMaxFen) : null;
    return (
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'title', label: t('demand.title'), children: v.title },
          { key: 'summary', label: t('demand.summary'), children: <Typography.Paragraph ellipsis={{ rows: 4 }} style={{ margin: 0 }}>{v.summary}</Typography.Paragraph> },
          { key: 'field', label: t('record.field'), children: field ? (locale === 'en' ? field.nameEn : field.nameZh) : (v.fieldCode ?? '—') },
          { key: 'keywords', label: t('record.keywords'), children: <Space wrap>{(v.keywords ?? []).map((k) => <Tag key={k}>{k}</Tag>)}</Space> },
          { key: 'modes', label: t('demand.cooperationModes'), children: (v.cooperationModes ?? []).map((m) => label(TRANSFER_MODE_LABELS[m])).join('、') },
          { key: 'trl', label: t('demand.trlMin'), children: v.trlMin ? `TRL ${v.trlMin}` : '—' },
          { key: 'budget', label: t('demand.budget'), children: [range, v.budgetNegotiable ? t('money.negotiable') : null].filter(Boolean).join(' · ') || '—' },
          { key: 'deadline', label: t('demand.deadline'), children: v.deadline ?? '—' },
          { key: 'contacts', label: t('record.contacts'), children: (v.contacts ?? []).map((c) => [c.name, c.phone, c.email].filter(Boolean).join(' ')).join('；') || '—' },
        ]}
      />
    );
  }
}
