import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import {
  BROKER_TIER_LABELS,
  BROKER_TIERS,
  TRAINING_MODULE_LABELS,
  TRAINING_MODULES,
  type BrokerView,
} from '../../../../../common/api/brokers';
import { useLocale, useT } from '../../../i18n/locale';
import { useProblemHandler } from '../../../lib/problems';
import { useRecordOnBroker, type AccreditationInput, type TrainingInput } from '../api/record-keeping';

/** For registry keepers on a broker's profile: record a training (课程、学时、模块) or an accreditation (等级证书). */
export function KeeperForms({ broker }: { broker: BrokerView }) {
  const t = useT();
  const { locale } = useLocale();
  const lang = locale === 'en' ? 'en' : 'zh';
  const onProblem = useProblemHandler();
  const [open, setOpen] = useState<'train' | 'accredit' | null>(null);
  const [trainForm] = Form.useForm<TrainingInput>();
  const [accForm] = Form.useForm<AccreditationInput>();
  const train = useRecordOnBroker<TrainingInput>(broker.id, 'trainings');
  const accredit = useRecordOnBroker<AccreditationInput>(broker.id, 'accreditations');
  const required = { required: true, message: t('common.required') };
  const close = () => setOpen(null);
  if (!broker.actions.includes('train') && !broker.actions.includes('accredit')) return null;
  return (
    <Space>
      {broker.actions.includes('train') && <Button onClick={() => setOpen('train')}>{t('broker.keep.train')}</Button>}
      {broker.actions.includes('accredit') && <Button onClick={() => setOpen('accredit')}>{t('broker.keep.accredit')}</Button>}
      <Modal
        open={open === 'train'}
        title={t('broker.keep.train')}
        onCancel={close}
        okButtonProps={{ loading: train.isPending }}
        onOk={() =>
          void trainForm.validateFields().then((v) => train.mutate(v, { onSuccess: close, onError: (e) => onProblem(e, trainForm) }))
        }
        destroyOnHidden
      >
        <Form form={trainForm} layout="vertical">
          <Form.Item name="course" label={t('broker.keep.course')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="module" label={t('broker.keep.module')} rules={[required]}>
            <Select options={TRAINING_MODULES.map((m) => ({ value: m, label: TRAINING_MODULE_LABELS[m][lang] }))} />
          </Form.Item>
          <Form.Item name="hours" label={t('broker.keep.hours')} rules={[required]}>
            <InputNumber min={0.5} max={1000} step={0.5} />
          </Form.Item>
          <Form.Item name="completedOn" label={t('broker.keep.completedOn')} rules={[required]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="certificateNumber" label={t('broker.keep.certificateNumber')}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="provider" label={t('broker.keep.provider')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={open === 'accredit'}
        title={t('broker.keep.accredit')}
        onCancel={close}
        okButtonProps={{ loading: accredit.isPending }}
        onOk={() =>
          void accForm.validateFields().then((v) => accredit.mutate(v, { onSuccess: close, onError: (e) => onProblem(e, accForm) }))
        }
        destroyOnHidden
      >
        <Form form={accForm} layout="vertical">
          <Form.Item name="tier" label={t('broker.keep.tier')} rules={[required]}>
            <Select options={BROKER_TIERS.map((x) => ({ value: x, label: BROKER_TIER_LABELS[x][lang] }))} />
          </Form.Item>
          <Form.Item name="certificateNumber" label={t('broker.keep.certificateNumber')} rules={[required]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('broker.keep.issuedOn')} rules={[required]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="expiresOn" label={t('broker.keep.expiresOn')} rules={[required]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="issuer" label={t('broker.keep.issuer')} rules={[required]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
