import { useState } from 'react';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import type { RecordStatus } from '../../../../common/catalog';
import { FileRecordButton } from './FileRecordButton';
import { MyRecordsTable, type MyRecordRow } from './MyRecordsTable';
import { RecordActions, useReportedTransition, type TransitionAction } from './RecordActions';

const PAGE_SIZE = 20;

interface Props<T extends MyRecordRow> {
  /** The public list, e.g. `/achievements`; editing and filing live under `/workspace${basePath}`. */
  basePath: string;
  title: string;
  fileLabel: string;
  fileTestId: string;
  /** The kind's API hooks: my records, one page of one status; and their lifecycle transitions. */
  useList: (params: { status?: RecordStatus; limit: number; offset: number }) => {
    data?: { items: T[]; total: number };
    isFetching: boolean;
  };
  useTransition: () => {
    isPending: boolean;
    variables?: { id: string };
    mutateAsync: (args: { id: string; body: { action: TransitionAction; reason?: string } }) => Promise<unknown>;
  };
  extraColumns: TableColumnsType<T>;
}

/** /workspace/achievements, /workspace/demands: the records of my organisations, any status, each with its lifecycle buttons. */
export function MyRecordsPage<T extends MyRecordRow>({
  basePath,
  title,
  fileLabel,
  fileTestId,
  useList,
  useTransition,
  extraColumns,
}: Props<T>) {
  const navigate = useNavigate();
  const [status, setStatus] = useState<RecordStatus | undefined>();
  const [page, setPage] = useState(1);
  const list = useList({ status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const transition = useTransition();
  const onTransition = useReportedTransition(transition);
  return (
    <MyRecordsTable
      title={title}
      basePath={basePath}
      rows={list.data?.items}
      total={list.data?.total}
      loading={list.isFetching}
      status={status}
      onStatusChange={(s) => {
        setStatus(s);
        setPage(1);
      }}
      page={page}
      pageSize={PAGE_SIZE}
      onPageChange={setPage}
      toolbar={<FileRecordButton to={`/workspace${basePath}/new`} label={fileLabel} testId={fileTestId} />}
      extraColumns={extraColumns}
      renderActions={(row) => (
        <RecordActions
          size="small"
          actions={row.actions}
          pending={transition.isPending && transition.variables?.id === row.id}
          onEdit={() => navigate(`/workspace${basePath}/${row.id}/edit`)}
          onTransition={onTransition(row.id)}
        />
      )}
    />
  );
}
