import { Button, Card, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import type { ApplicationView } from '../../../../../common/api/subsidies';
import { formatFen } from '../../../../../common/subsidies';
import { useT } from '../../../i18n/locale';
import { useCheckQueue, useTransitionApplication } from '../api/queue';

/** /workspace/subsidies/queue — the district officer's formal check: pass it to review, or return it for correction. */
export function CheckQueuePage() {
  const t = useT();
  const queue = useCheckQueue();
  const transition = useTransitionApplication();
  const [returning, setReturning] = useState<ApplicationView | null>(null);
  const [note, setNote] = useState('');
  return (
    <Card title={t('subsidy.queue')}>
      <Table<ApplicationView>
        rowKey="id"
        loading={queue.isPending}
        dataSource={queue.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="subsidy-queue"
        expandable={{ expandedRowRender: (r) => r.lines.map((l, i) => <div key={i}>{l.label}</div>) }}
        columns={[
          { title: '单位', render: (_, r) => r.organization.name },
          { title: '区', dataIndex: 'regionName' },
          { title: '项目', render: (_, r) => r.programme.name },
          { title: '合同数', render: (_, r) => r.contractIds.length },
          { title: '测算金额', dataIndex: 'requestedFen', render: (f: number) => formatFen(f) },
          {
            title: '操作',
            render: (_, r) => (
              <Space>
                <Button size="small" type="primary" onClick={() => transition.mutate({ id: r.id, body: { action: 'pass_check' } })}>
                  {t('subsidy.passCheck')}
                </Button>
                <Button size="small" onClick={() => setReturning(r)}>
                  {t('subsidy.return')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!returning}
        title={t('subsidy.return')}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          await transition.mutateAsync({ id: returning!.id, body: { action: 'return', note } });
          setReturning(null);
          setNote('');
        }}
      >
        <Input.TextArea rows={3} placeholder={t('subsidy.returnNote')} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Card>
  );
}
