import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useCreateDisclosure } from '../api/create-disclosure';

type DateField = Dayjs | null | undefined;
interface FormValues {
  title: string;
  summary: string;
  keywords?: string[];
  fieldCode: string;
  trl: number;
  confidentialDescription: string;
  conceptionOn?: DateField;
  firstWrittenOn?: DateField;
  firstPublicDisclosureOn?: DateField;
  prototypeOn?: DateField;
  firstOfferForSaleOn?: DateField;
  publications?: { title: string; venue: string; date: Dayjs; planned?: boolean }[];
  fundingSources?: { funder: string; grantNumber: string; publicFunding?: boolean }[];
  thirdPartyMaterials?: { description: string; provider: string; agreement?: string }[];
  inventors: { name: string; organizationName: string; contributionPct: number }[];
}

const day = (d: DateField) => (d ? d.format('YYYY-MM-DD') : null);

/** /workspace/disclosures/new — a researcher discloses an invention; the inventors then confirm it. */
export function DisclosureFormPage() {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const create = useCreateDisclosure();
  const onProblem = useProblemHandler();
  const submit = (v: FormValues) =>
    create.mutate(
      {
        title: v.title,
        summary: v.summary,
        keywords: v.keywords ?? [],
        fieldCode: v.fieldCode,
        trl: v.trl,
        confidentialDescription: v.confidentialDescription,
        conceptionOn: day(v.conceptionOn),
        firstWrittenOn: day(v.firstWrittenOn),
        firstPublicDisclosureOn: day(v.firstPublicDisclosureOn),
        prototypeOn: day(v.prototypeOn),
        firstOfferForSaleOn: day(v.firstOfferForSaleOn),
        publications: (v.publications ?? []).map((p) => ({ ...p, date: p.date.format('YYYY-MM-DD'), planned: !!p.planned })),
        fundingSources: (v.fundingSources ?? []).map((f) => ({ ...f, publicFunding: !!f.publicFunding })),
        thirdPartyMaterials: v.thirdPartyMaterials ?? [],
        inventors: v.inventors,
      },
      { onSuccess: (d) => navigate(`/workspace/disclosures/${d.id}`), onError: (e) => onProblem(e, form) },
    );
  return (
    <Card title={t('tto.newDisclosure')}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ trl: 3, inventors: [{ contributionPct: 100 }] }}
        data-testid="disclosure-form"
      >
        <Typography.Title level={5}>{t('tto.publicPart')}</Typography.Title>
        <Form.Item name="title" label={t('tto.title')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('tto.summary')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="keywords" label={t('tto.keywords')}>
            <Select mode="tags" style={{ minWidth: 280 }} maxCount={10} />
          </Form.Item>
          <Form.Item name="fieldCode" label={t('tto.fieldCode')} rules={[{ required: true }]}>
            <Input style={{ width: 120 }} placeholder="D15" />
          </Form.Item>
          <Form.Item name="trl" label={t('tto.trl')} rules={[{ required: true }]}>
            <InputNumber min={1} max={9} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{t('tto.confidentialPart')}</Typography.Title>
        <Form.Item
          name="confidentialDescription"
          label={t('tto.confidentialDescription')}
          rules={[{ required: true, min: 10 }]}
          extra={t('tto.confidentialHint')}
        >
          <Input.TextArea rows={5} maxLength={20000} />
        </Form.Item>
        <Space wrap>
          {(['conceptionOn', 'firstWrittenOn', 'firstPublicDisclosureOn', 'prototypeOn', 'firstOfferForSaleOn'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`tto.date.${k}`)}>
              <DatePicker />
            </Form.Item>
          ))}
        </Space>
        <Typography.Title level={5}>{t('tto.publications')}</Typography.Title>
        <Form.List name="publications">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.pubTitle')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'venue']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.pubVenue')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'date']} rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name={[f.name, 'planned']} valuePropName="checked">
                    <Checkbox>{t('tto.planned')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('tto.addPublication')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('tto.funding')}</Typography.Title>
        <Form.List name="fundingSources">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'funder']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.funder')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'grantNumber']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.grantNumber')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'publicFunding']} valuePropName="checked">
                    <Checkbox>{t('tto.publiclyFunded')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('tto.addFunding')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('tto.thirdParty')}</Typography.Title>
        <Form.List name="thirdPartyMaterials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'description']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.material')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'provider']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.provider')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'agreement']}>
                    <Input placeholder={t('tto.agreement')} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                {t('tto.addMaterial')}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5}>{t('tto.inventors')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('tto.inventorsHint')}</Typography.Paragraph>
        <Form.List name="inventors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.inventorName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'organizationName']} rules={[{ required: true }]}>
                    <Input placeholder={t('tto.inventorOrg')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'contributionPct']} rules={[{ required: true }]}>
                    <InputNumber min={0.01} max={100} step={0.01} addonAfter="%" />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ contributionPct: 0 })} icon={<PlusOutlined />}>
                {t('tto.addInventor')}
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item style={{ marginTop: 24 }}>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="save-disclosure">
            {t('tto.saveDraft')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
