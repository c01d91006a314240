import { Alert, Button, Card, Checkbox, Descriptions, Form, InputNumber, message } from 'antd';
import { assessSme, SME_RULE_SOURCE, type SmeInput } from '../../../../../common/sme';
import { useT } from '../../../i18n/locale';
import { useSaveSmeAssessment } from '../api/save-sme-assessment';

interface Values {
  year: number;
  staff: number;
  techStaff: number;
  revenueWan: number;
  assetsWan: number;
  rdWan: number;
  costWan: number | null;
  classIRights: number;
  classIIRights: number;
  declarationsConfirmed: boolean;
}
const fen = (wan: number | null | undefined) => Math.round((wan ?? 0) * 1_000_000);

/** /workspace/sme — 科技型中小企业 self-assessment; the score is computed as one types, with the rule's own bands. */
export function SmeAssessmentPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const save = useSaveSmeAssessment();
  const input = (v: Values): SmeInput => ({
    staff: v.staff ?? 0,
    techStaff: v.techStaff ?? 0,
    revenueFen: fen(v.revenueWan),
    assetsFen: fen(v.assetsWan),
    rdExpenseFen: fen(v.rdWan),
    costExpenseFen: v.costWan ? fen(v.costWan) : null,
    classIRights: v.classIRights ?? 0,
    classIIRights: v.classIIRights ?? 0,
    directQualifications: [],
    declarationsConfirmed: !!v.declarationsConfirmed,
  });
  const result = values?.staff ? assessSme(input(values)) : null;
  return (
    <Card title={t('sme.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1, classIRights: 0, classIIRights: 0 }}
        onFinish={async (v) => {
          await save.mutateAsync({ year: v.year, body: input(v) });
          void message.success(t('sme.saved'));
        }}
        style={{ maxWidth: 560 }}
      >
        <Form.Item name="year" label={t('sme.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="staff" label={t('sme.staff')} rules={[{ required: true }]}>
          <InputNumber min={1} />
        </Form.Item>
        <Form.Item name="techStaff" label={t('sme.techStaff')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="revenueWan" label={t('sme.revenue')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="assetsWan" label={t('sme.assets')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="rdWan" label={t('sme.rd')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="costWan" label={t('sme.cost')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="classIRights" label={t('sme.classI')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="classIIRights" label={t('sme.classII')}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="declarationsConfirmed" valuePropName="checked">
          <Checkbox>{t('sme.declare')}</Checkbox>
        </Form.Item>
        {result && (
          <>
            <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="科技人员（20）">{result.staffScore}</Descriptions.Item>
              <Descriptions.Item label="研发投入（50）">{result.rdScore}</Descriptions.Item>
              <Descriptions.Item label="科技成果（30）">{result.ipScore}</Descriptions.Item>
              <Descriptions.Item label="合计">{result.total}</Descriptions.Item>
            </Descriptions>
            <Alert
              type={result.qualified ? 'success' : 'warning'}
              message={result.qualified ? '符合科技型中小企业条件' : '暂不符合'}
              description={result.reasons.join('；') || SME_RULE_SOURCE}
              style={{ marginBottom: 16 }}
            />
          </>
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('sme.submit')}
        </Button>
      </Form>
    </Card>
  );
}
