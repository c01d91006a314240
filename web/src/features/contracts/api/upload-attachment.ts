import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AttachmentQuery, AttachmentView } from '../../../../../common/api/contracts';
import { contractQueryKey } from './get-contract';
import { postFile } from './post-file';

export type AttachmentKind = z.infer<typeof AttachmentQuery>['kind'];
export type Attachment = z.infer<typeof AttachmentView>;

export function uploadAttachment({ id, kind, file }: { id: string; kind: AttachmentKind; file: File }): Promise<Attachment> {
  return postFile(
    `/api/contracts/${encodeURIComponent(id)}/attachments`,
    { kind, name: file.name },
    file,
    file.type || 'application/octet-stream',
  );
}

export function useUploadAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAttachment,
    onSuccess: (_, { id }) => queryClient.invalidateQueries({ queryKey: contractQueryKey(id) }),
  });
}
