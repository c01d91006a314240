import { useState } from 'react';
import { Alert, Button, Flex, Modal, Progress, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../../i18n/locale';
import { isApiProblem } from '../../../lib/api';
import { useImportJob } from '../api/get-import-job';
import { useImportContracts, type ImportMode } from '../api/import-contracts';

/** A v4 UUID also where crypto.randomUUID is missing (plain http on a LAN address). */
function newJobId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface RowError {
  row: number;
  field: string;
  message: string;
}

/**
 * Bulk import from xlsx: download the template (Chinese headers, 填写说明), upload, watch the
 * progress, and on failure read every row's errors (nothing is imported unless every row is good).
 */
export function ImportButton({
  mode,
  organizationId,
  disabled,
}: {
  mode: ImportMode;
  organizationId: string | undefined;
  disabled?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const run = useImportContracts();
  const job = useImportJob(jobId, run.isPending);
  const running = run.isPending;
  const j = job.data;
  const problemErrors: RowError[] =
    isApiProblem(run.error) && run.error.problem.errors
      ? run.error.problem.errors.map((e) => {
          const m = /row[s.]?\s*(\d+)/i.exec(e.field);
          return { row: m ? Number(m[1]) : 0, field: e.field, message: e.message };
        })
      : [];
  const errors: RowError[] = j?.errors.length ? j.errors : problemErrors;
  const percent = j && j.total > 0 ? Math.round((100 * j.processed) / j.total) : running ? 0 : undefined;

  const start = (file: File) => {
    const id = newJobId();
    setJobId(id);
    run.reset();
    run.mutate({ mode, organizationId, jobId: id, file }, { onSettled: () => void job.refetch() });
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} disabled={disabled} data-testid={`import-${mode}`}>
        {t('contract.import.button')}
      </Button>
      <Modal
        open={open}
        title={t(`contract.import.title.${mode}`)}
        onCancel={() => setOpen(false)}
        footer={null}
        width={760}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t(`contract.import.help.${mode}`)}
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <a href="/api/contracts/import-template.xlsx" download>
              <Button icon={<DownloadOutlined />}>{t('contract.import.template')}</Button>
            </a>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              disabled={running}
              beforeUpload={(file) => {
                start(file);
                return false;
              }}
            >
              <Button type="primary" icon={<UploadOutlined />} loading={running} data-testid="import-file">
                {t('contract.import.upload')}
              </Button>
            </Upload>
          </Flex>
          {percent !== undefined && (
            <Progress
              percent={percent}
              status={run.isError || j?.status === 'failed' ? 'exception' : run.isSuccess ? 'success' : 'active'}
              format={() => (j ? `${j.processed} / ${j.total}` : '')}
            />
          )}
          {run.isSuccess && (
            <Alert type="success" showIcon title={t('contract.import.done', { n: run.data.imported })} data-testid="import-done" />
          )}
          {run.isError && (
            <Alert
              type="error"
              showIcon
              title={t('contract.import.failed')}
              description={
                errors.length ? t('contract.import.failedRows', { n: new Set(errors.map((e) => e.row)).size }) : run.error.message
              }
            />
          )}
          {errors.length > 0 && (
            <Table<RowError>
              size="small"
              rowKey={(e) => `${e.row}|${e.field}|${e.message}`}
              dataSource={errors}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="import-errors"
              columns={[
                {
                  title: t('contract.import.row'),
                  dataIndex: 'row',
                  width: 80,
                  render: (r: number) => (r === 0 ? t('contract.import.wholeFile') : r),
                },
                { title: t('contract.import.column'), dataIndex: 'field', width: 180 },
                { title: t('contract.import.message'), dataIndex: 'message' },
              ]}
            />
          )}
        </Flex>
      </Modal>
    </>
  );
}
