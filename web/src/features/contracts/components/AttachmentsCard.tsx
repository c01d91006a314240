import { App, Button, Card, Flex, Form, Select, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useState, type Dispatch, type SetStateAction } from 'react';
import type { ContractView } from '../../../../../common/api/contracts';
import { useLocale, useT } from '../../../i18n/locale';
import { formatDateTime } from '../../../lib/format';
import { useProblemHandler } from '../../../lib/problems';
import { useDeleteAttachment } from '../api/delete-attachment';
import type { AttachmentKind } from '../api/upload-attachment';

export interface PendingFile {
  uid: string;
  kind: AttachmentKind;
  file: File;
}

const KINDS: AttachmentKind[] = ['signed_contract', 'appendix', 'approval', 'other'];
const ACCEPT = ['application/pdf', 'image/jpeg', 'image/png'];
const MAX_BYTES = 20 * 1024 * 1024;

export function useAttachmentKindLabel() {
  const t = useT();
  return (kind: string) => (KINDS.includes(kind as AttachmentKind) ? t(`contract.attachment.${kind as AttachmentKind}`) : kind);
}

interface Props {
  contract: ContractView | undefined;
  pending: PendingFile[];
  onPendingChange: Dispatch<SetStateAction<PendingFile[]>>;
}

/**
 * The signed contract scan and other files. Files picked before the first save wait here and are
 * uploaded right after the draft is saved; saved ones can be removed while the application is editable.
 */
export function AttachmentsCard({ contract, pending, onPendingChange }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const onProblem = useProblemHandler();
  const kindLabel = useAttachmentKindLabel();
  const remove = useDeleteAttachment();
  const [kind, setKind] = useState<AttachmentKind>('signed_contract');
  const editable = !contract || contract.actions.includes('upload_attachment');
  const saved = contract?.attachments ?? [];
  const hasSigned = saved.some((a) => a.kind === 'signed_contract') || pending.some((p) => p.kind === 'signed_contract');
  return (
    <Card title={t('contract.section.attachments')} data-testid="attachments">
      <Flex vertical gap={12}>
        {!hasSigned && <Typography.Text type="warning">{t('contract.attachment.signedRequired')}</Typography.Text>}
        {saved.length + pending.length === 0 && <Typography.Text type="secondary">{t('contract.attachment.none')}</Typography.Text>}
        {[
          ...saved.map((a) => ({ key: a.id, saved: a, pending: undefined })),
          ...pending.map((p) => ({ key: p.uid, saved: undefined, pending: p })),
        ].map((item) => (
          <Flex
            key={item.key}
            gap={8}
            align="center"
            wrap
            justify="space-between"
            data-testid="attachment-item"
            style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
          >
            <Flex gap={8} align="center" wrap>
              <PaperClipOutlined />
              {item.saved ? (
                <a href={item.saved.url} target="_blank" rel="noreferrer">
                  {item.saved.name}
                </a>
              ) : (
                <span>{item.pending!.file.name}</span>
              )}
              <Tag>{kindLabel(item.saved?.kind ?? item.pending!.kind)}</Tag>
              {item.pending ? (
                <Tag color="orange">{t('contract.attachment.pending')}</Tag>
              ) : (
                <Typography.Text type="secondary">{formatDateTime(item.saved!.createdAt, locale)}</Typography.Text>
              )}
            </Flex>
            {editable && (
              <Button
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                loading={remove.isPending && remove.variables?.attachmentId === item.saved?.id}
                onClick={() => {
                  if (item.pending) onPendingChange((list) => list.filter((p) => p.uid !== item.pending!.uid));
                  else if (item.saved && contract)
                    remove.mutate({ id: contract.id, attachmentId: item.saved.id }, { onError: (e) => onProblem(e) });
                }}
              />
            )}
          </Flex>
        ))}
        {editable && (
          <Flex gap={8} wrap>
            <Select
              value={kind}
              onChange={setKind}
              options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
              style={{ width: 180 }}
              data-testid="attachment-kind"
            />
            <Upload
              accept=".pdf,.jpg,.jpeg,.png"
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                if (!ACCEPT.includes(file.type)) message.error(t('contract.attachment.badType', { name: file.name }));
                else if (file.size > MAX_BYTES) message.error(t('contract.attachment.tooLarge', { name: file.name }));
                else onPendingChange((list) => [...list, { uid: `${Date.now()}-${file.name}-${Math.random()}`, kind, file }]);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="attachment-pick">
                {t('contract.attachment.pick')}
              </Button>
            </Upload>
          </Flex>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('contract.attachment.help')}
        </Typography.Text>
        {/* Where the server's error on `attachments` (no signed contract at submission) is shown. */}
        <Form.Item name="attachments" style={{ margin: 0 }}>
          <NoInput />
        </Form.Item>
      </Flex>
    </Card>
  );
}

/** A form item with nothing to type, for errors about the files. */
function NoInput() {
  return null;
}
