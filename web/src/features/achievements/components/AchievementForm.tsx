import { useState } from 'react';
import { App, Button, Checkbox, Col, Descriptions, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { AchievementView } from '../../../../../common/api/catalog';
import { IP_KINDS, IP_KIND_LABELS, PATENT_KINDS, TRANSFER_MODE_LABELS, TRL_LEVELS, type IpKind, type TransferMode } from '../../../../../common/catalog';
import { FieldSelect } from '../../../components/catalog/FieldSelect';
import { FieldSuggestions } from '../../../components/catalog/FieldSuggestions';
import { compact, FilingSteps, firstStepWithError, type FilingStep } from '../../../components/catalog/FilingSteps';
import { ContactsList, KeywordsSelect, ModeCheckboxes, TrlRadioGroup, WanInput } from '../../../components/catalog/formParts';
import { OrganizationPicker } from '../../../components/catalog/OrganizationPicker';
import { useLabel, useLocale, useT } from '../../../i18n/locale';
import { useMe, type Me } from '../../../lib/auth';
import { useFields } from '../../../lib/fields';
import { formatWan } from '../../../lib/money';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateAchievement, type AchievementInputBody } from '../api/create-achievement';
import { useTransitionAchievement } from '../api/transition-achievement';
import { useUpdateAchievement } from '../api/update-achievement';

interface Values {
  organizationId?: string;
  title: string;
  summary: string;
  problemSolved?: string;
  advantage?: string;
  fieldCode?: string;
  keywords: string[];
  trl?: number;
  ipAssets: { kind: IpKind; number?: string; title: string }[];
  transferModes: TransferMode[];
  priceFen?: number | null;
  priceNegotiable: boolean;
  publicFunding: boolean;
  contacts: { name: string; phone?: string; email?: string }[];
  team: { name: string; title?: string; role?: string }[];
}

function toValues(a: AchievementView | undefined, me: Me | null | undefined): Partial<Values> {
  if (!a) return { keywords: [], ipAssets: [], transferModes: [], priceNegotiable: false, publicFunding: false, contacts: [me ? { name: me.user.name, email: me.user.email } : { name: '' }], team: [] };
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

/** The multi-step filing of an achievement, for a new one or to edit one (`initial`). */
export function AchievementForm({ initial }: { initial?: AchievementView }) {
  const t = useT();
  const label = useLabel();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const { locale } = useLocale();
  const fields = useFields();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const [current, setCurrent] = useState(0);
  // Once created, later saves update the same record (a failed submit must not file it twice).
  const [savedId, setSavedId] = useState<string | undefined>(initial?.id);
  const create = useCreateAchievement();
  const update = useUpdateAchievement();
  const transition = useTransitionAchievement();
  const title = Form.useWatch('title', form) ?? '';
  const summary = Form.useWatch('summary', form) ?? '';
  const fieldCode = Form.useWatch('fieldCode', form);
  const keywords = Form.useWatch('keywords', form) ?? [];
  const negotiable = Form.useWatch('priceNegotiable', form);
  const required = { required: true, message: t('common.required') };

  const steps: FilingStep[] = [
    {
      key: 'basic',
      title: t('filing.step.basic'),
      fields: ['organizationId', 'title', 'summary', 'problemSolved', 'advantage'],
      content: (
        <>
          <OrganizationPicker />
          <Form.Item name="title" label={t('achievement.title')} rules={[required, { min: 2, message: t('filing.min', { n: 2 }) }]}>
            <Input maxLength={200} showCount data-testid="title-input" />
          </Form.Item>
          <Form.Item name="summary" label={t('achievement.summary')} rules={[required, { min: 10, message: t('filing.min', { n: 10 }) }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount data-testid="summary-input" />
          </Form.Item>
          <Form.Item name="problemSolved" label={t('achievement.problemSolved')}>
            <Input.TextArea rows={3} maxLength={3000} data-testid="problem-input" />
          </Form.Item>
          <Form.Item name="advantage" label={t('achievement.advantage')}>
            <Input.TextArea rows={3} maxLength={3000} data-testid="advantage-input" />
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
        <Form.List name="ipAssets">
          {(fields, { add, remove }) => (
            <Flex vertical>
              {fields.length === 0 && <Typography.Paragraph type="secondary">{t('filing.ipNone')}</Typography.Paragraph>}
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top">
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'kind']} rules={[required]}>
                      <Select options={IP_KINDS.map((k) => ({ value: k, label: label(IP_KIND_LABELS[k]) }))} data-testid={`ip-kind-${field.name}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={7}>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const kind = form.getFieldValue(['ipAssets', field.name, 'kind']) as IpKind | undefined;
                        const patent = !!kind && PATENT_KINDS.includes(kind);
                        return (
                          <Form.Item name={[field.name, 'number']} rules={patent ? [required] : []} extra={patent ? t('filing.patentNumberHelp') : undefined}>
                            <Input placeholder={patent ? t('filing.patentNumber') : t('filing.ipNumberOptional')} maxLength={40} data-testid={`ip-number-${field.name}`} />
                          </Form.Item>
                        );
                      }}
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={9}>
                    <Form.Item name={[field.name, 'title']} rules={[required]}>
                      <Input placeholder={t('achievement.ipTitle')} maxLength={200} data-testid={`ip-title-${field.name}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                  </Col>
                </Row>
              ))}
              {fields.length < 50 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'invention_patent' })} data-testid="add-ip-asset">
                  {t('filing.addIp')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
      ),
    },
    {
      key: 'transfer',
      title: t('filing.step.transfer'),
      fields: ['transferModes', 'priceFen', 'priceNegotiable', 'publicFunding'],
      content: (
        <>
          <Form.Item name="transferModes" label={t('achievement.transferModes')} rules={[{ required: true, type: 'array', min: 1, message: t('filing.modesRequired') }]}>
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
          <Form.List name="team">
            {(fields, { add, remove }) => (
              <Flex vertical>
                {fields.map((field) => (
                  <Row key={field.key} gutter={8}>
                    <Col xs={24} md={7}>
                      <Form.Item name={[field.name, 'name']} rules={[required]}>
                        <Input placeholder={t('filing.memberName')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={7}>
                      <Form.Item name={[field.name, 'title']}>
                        <Input placeholder={t('filing.memberTitle')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={8}>
                      <Form.Item name={[field.name, 'role']}>
                        <Input placeholder={t('filing.memberRole')} maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="add-team-member">
                  {t('filing.addMember')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </>
      ),
    },
    {
      key: 'review',
      title: t('filing.step.review'),
      fields: [],
      content: current === 6 ? renderReview() : null,
    },
  ];

  const saving = create.isPending || update.isPending || transition.isPending;

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
      let view: AchievementView;
      if (savedId) view = await update.mutateAsync({ id: savedId, body });
      else {
        view = await create.mutateAsync({ body, organizationId: values.organizationId });
        setSavedId(view.id);
      }
      if (submit && view.actions.includes('submit')) view = await transition.mutateAsync({ id: view.id, body: { action: 'submit' } });
      message.success(submit ? t('filing.submitted') : t('filing.draftSaved'));
      navigate(`/achievements/${view.id}`);
    } catch (error) {
      onProblem(error, form);
      const step = firstStepWithError(form, steps);
      if (step >= 0) setCurrent(step);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={toValues(initial, me)} scrollToFirstError requiredMark>
      <FilingSteps
        form={form}
        steps={steps}
        current={current}
        onCurrentChange={setCurrent}
        saving={saving}
        canSubmit={!initial || initial.status === 'draft' || initial.status === 'returned' || initial.status === 'withdrawn'}
        onSave={(submit) => void onSave(submit)}
      />
    </Form>
  );

  function renderReview() {
    const v = form.getFieldsValue(true) as Values;
    const field = fields.data?.find((x) => x.code === v.fieldCode);
    return (
      <Descriptions
        column={1}
        bordered
        size="small"
        items={[
          { key: 'title', label: t('achievement.title'), children: v.title },
          { key: 'summary', label: t('achievement.summary'), children: <Typography.Paragraph ellipsis={{ rows: 4 }} style={{ margin: 0 }}>{v.summary}</Typography.Paragraph> },
          { key: 'field', label: t('record.field'), children: field ? (locale === 'en' ? field.nameEn : field.nameZh) : (v.fieldCode ?? '—') },
          { key: 'keywords', label: t('record.keywords'), children: <Space wrap>{(v.keywords ?? []).map((k) => <Tag key={k}>{k}</Tag>)}</Space> },
          { key: 'trl', label: t('record.trl'), children: v.trl ? `TRL ${v.trl} · ${label(TRL_LEVELS.find((l) => l.level === v.trl))}` : '—' },
          { key: 'ip', label: t('achievement.ipAssets'), children: (v.ipAssets ?? []).map((a) => `${label(IP_KIND_LABELS[a.kind])} ${a.number ?? ''} ${a.title ?? ''}`).join('；') || t('common.none') },
          { key: 'modes', label: t('achievement.transferModes'), children: (v.transferModes ?? []).map((m) => label(TRANSFER_MODE_LABELS[m])).join('、') },
          { key: 'price', label: t('achievement.price'), children: v.priceNegotiable ? t('money.negotiable') : formatWan(v.priceFen) },
          { key: 'funding', label: t('achievement.publicFunding'), children: v.publicFunding ? t('common.yes') : t('common.no') },
          { key: 'contacts', label: t('record.contacts'), children: (v.contacts ?? []).map((c) => [c.name, c.phone, c.email].filter(Boolean).join(' ')).join('；') || '—' },
          { key: 'team', label: t('achievement.team'), children: (v.team ?? []).map((m) => m.name).join('、') || '—' },
        ]}
      />
    );
  }
}
