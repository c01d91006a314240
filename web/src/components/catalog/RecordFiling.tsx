import { useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Descriptions, Form, Input, Space, Tag, Typography, type DescriptionsProps, type FormInstance } from 'antd';
import { useNavigate } from 'react-router';
import type { RecordAction } from '../../../../common/api/catalog';
import type { RecordStatus } from '../../../../common/catalog';
import { useLocale, useT } from '../../i18n/locale';
import { useMe, type Me } from '../../lib/auth';
import { useFields } from '../../lib/fields';
import { useProblemHandler } from '../../lib/problems';
import { reportFieldCorrection, shownTopField } from '../../lib/suggest';
import { FieldSelect } from './FieldSelect';
import { FieldSuggestions } from './FieldSuggestions';
import { FilingSteps, firstStepWithError, type FilingStep } from './FilingSteps';
import { KeywordsSelect } from './formParts';
import { OrganizationPicker } from './OrganizationPicker';

/** What every filing form holds, whatever the kind of record. */
export interface FilingValues {
  organizationId?: string;
  title: string;
  summary: string;
  fieldCode?: string;
  keywords: string[];
  contacts: { name: string; phone?: string; email?: string }[];
}

interface SavedView {
  id: string;
  status: RecordStatus;
  actions: readonly RecordAction[];
}

interface Mutation<Args, View> {
  isPending: boolean;
  mutateAsync: (args: Args) => Promise<View>;
}

/** How one kind of record is filed: where it opens, how form values and the API body map, and its API hooks. */
export interface FilingKind<V extends FilingValues, Body, View extends SavedView> {
  /** The public list the saved record opens under, e.g. `/achievements`. */
  basePath: string;
  toValues: (initial: View | undefined, me: Me | null | undefined) => Partial<V>;
  toBody: (values: V) => Body;
  useCreate: () => Mutation<{ body: Body; organizationId?: string }, View>;
  useUpdate: () => Mutation<{ id: string; body: Body }, View>;
  useTransition: () => Mutation<{ id: string; body: { action: 'submit' } }, View>;
}

interface Props<V extends FilingValues, Body, View extends SavedView> {
  kind: FilingKind<V, Body, View>;
  form: FormInstance<V>;
  /** Every step but the last, the review, which `renderReview` fills when it is shown. */
  steps: FilingStep[];
  renderReview: () => ReactNode;
  initial?: View;
  requiredMark?: boolean;
}

/**
 * The multi-step filing of an achievement or a demand, new or edited (`initial`): saves a draft or submits,
 * then opens the record; errors, the client's or the server's, send the user back to the step that holds them.
 */
export function RecordFilingForm<V extends FilingValues, Body, View extends SavedView>(props: Props<V, Body, View>) {
  const { kind, form, initial } = props;
  const t = useT();
  const me = useMe().data;
  const create = kind.useCreate();
  const update = kind.useUpdate();
  const transition = kind.useTransition();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const [current, setCurrent] = useState(0);
  // Once created, later saves update the same record (a failed submit must not file it twice).
  const [savedId, setSavedId] = useState<string | undefined>(initial?.id);
  const queryClient = useQueryClient();
  // Corrections of the suggested field already reported from this form (record, suggested → chosen).
  const reported = useRef(new Set<string>());

  const steps: FilingStep[] = [
    ...props.steps,
    { key: 'review', title: t('filing.step.review'), fields: [], content: current === props.steps.length ? props.renderReview() : null },
  ];

  const toStepWithError = () => {
    const step = firstStepWithError(form, steps);
    if (step >= 0) setCurrent(step);
  };

  const onSave = async (submit: boolean) => {
    try {
      await form.validateFields(undefined, { recursive: true });
    } catch {
      toStepWithError();
      return;
    }
    const values = form.getFieldsValue(true) as V;
    const body = kind.toBody(values);
    try {
      let view: View;
      if (savedId) view = await update.mutateAsync({ id: savedId, body });
      else {
        view = await create.mutateAsync({ body, organizationId: values.organizationId });
        setSavedId(view.id);
      }
      if (submit && view.actions.includes('submit')) view = await transition.mutateAsync({ id: view.id, body: { action: 'submit' } });
      // The field chosen is not the one suggested: the suggestion model learns from it (best effort).
      const suggested = shownTopField(queryClient, values.title ?? '', values.summary ?? '');
      const correction = `${view.id}:${suggested}:${values.fieldCode}`;
      if (suggested && values.fieldCode && suggested !== values.fieldCode && !reported.current.has(correction)) {
        reported.current.add(correction);
        const recordKind = kind.basePath === '/demands' ? 'demand' : 'achievement';
        void reportFieldCorrection({ kind: recordKind, recordId: view.id, suggestedField: suggested, fieldCode: values.fieldCode }).catch(
          () => undefined,
        );
      }
      message.success(submit ? t('filing.submitted') : t('filing.draftSaved'));
      navigate(`${kind.basePath}/${view.id}`);
    } catch (error) {
      onProblem(error, form);
      toStepWithError();
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={kind.toValues(initial, me)} scrollToFirstError requiredMark={props.requiredMark}>
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
}

/** The first step's organisation, title and summary, then whatever else the kind asks for (`children`). */
export function TitleSummaryItems({
  titleLabel,
  summaryLabel,
  summaryRows,
  summaryExtra,
  children,
}: {
  titleLabel: string;
  summaryLabel: string;
  summaryRows: number;
  summaryExtra?: string;
  children?: ReactNode;
}) {
  const t = useT();
  const required = { required: true, message: t('common.required') };
  return (
    <>
      <OrganizationPicker />
      <Form.Item name="title" label={titleLabel} rules={[required, { min: 2, message: t('filing.min', { n: 2 }) }]}>
        <Input maxLength={200} showCount data-testid="title-input" />
      </Form.Item>
      <Form.Item
        name="summary"
        label={summaryLabel}
        rules={[required, { min: 10, message: t('filing.min', { n: 10 }) }]}
        extra={summaryExtra}
      >
        <Input.TextArea rows={summaryRows} maxLength={5000} showCount data-testid="summary-input" />
      </Form.Item>
      {children}
    </>
  );
}

/** The field and keywords step, with suggestions drawn from the title and summary typed so far. */
function FieldAndKeywords({ record }: { record: 'achievement' | 'demand' }) {
  const t = useT();
  const form = Form.useFormInstance<FilingValues>();
  const title = Form.useWatch('title', form) ?? '';
  const summary = Form.useWatch('summary', form) ?? '';
  const fieldCode = Form.useWatch('fieldCode', form);
  const keywords = Form.useWatch('keywords', form) ?? [];
  return (
    <>
      <FieldSuggestions
        title={title}
        summary={summary}
        fieldCode={fieldCode}
        keywords={keywords}
        onPickField={(code) => form.setFields([{ name: 'fieldCode', value: code, errors: [] }])}
        onAddKeyword={(k) => form.setFieldValue('keywords', [...keywords, k].slice(0, 10))}
      />
      <Form.Item name="fieldCode" label={t('record.field')} rules={[{ required: true, message: t('common.required') }]}>
        <FieldSelect />
      </Form.Item>
      <Form.Item
        name="keywords"
        label={t('record.keywords')}
        extra={t(record === 'demand' ? 'filing.keywordsHelpDemand' : 'filing.keywordsHelp')}
      >
        <KeywordsSelect />
      </Form.Item>
    </>
  );
}

/** The field and keywords step of a filing. */
export function fieldStep(title: string, record: 'achievement' | 'demand' = 'achievement'): FilingStep {
  return { key: 'field', title, fields: ['fieldCode', 'keywords'], content: <FieldAndKeywords record={record} /> };
}

type Items = NonNullable<DescriptionsProps['items']>;

/** The review step: title, summary, field and keywords, the kind's own `items`, the contacts, then `after`. */
export function ReviewDescriptions({
  values: v,
  titleLabel,
  summaryLabel,
  items,
  after = [],
}: {
  values: FilingValues;
  titleLabel: string;
  summaryLabel: string;
  items: Items;
  after?: Items;
}) {
  const t = useT();
  const { locale } = useLocale();
  const fields = useFields();
  const field = fields.data?.find((x) => x.code === v.fieldCode);
  return (
    <Descriptions
      column={1}
      bordered
      size="small"
      items={[
        { key: 'title', label: titleLabel, children: v.title },
        {
          key: 'summary',
          label: summaryLabel,
          children: (
            <Typography.Paragraph ellipsis={{ rows: 4 }} style={{ margin: 0 }}>
              {v.summary}
            </Typography.Paragraph>
          ),
        },
        {
          key: 'field',
          label: t('record.field'),
          children: field ? (locale === 'en' ? field.nameEn : field.nameZh) : (v.fieldCode ?? '—'),
        },
        {
          key: 'keywords',
          label: t('record.keywords'),
          children: (
            <Space wrap>
              {(v.keywords ?? []).map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </Space>
          ),
        },
        ...items,
        {
          key: 'contacts',
          label: t('record.contacts'),
          children: (v.contacts ?? []).map((c) => [c.name, c.phone, c.email].filter(Boolean).join(' ')).join('；') || '—',
        },
        ...after,
      ]}
    />
  );
}
