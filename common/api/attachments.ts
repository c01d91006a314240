/**
 * Files (images and documents) on achievements, demands and negotiations, stored in the database.
 *
 *   POST   /api/attachments/:kind/:id?name=   authenticated  raw file body → 201 AttachmentView (owner / party)
 *   GET    /api/attachments/:kind/:id         public         { items: AttachmentView[] } (who may see the target)
 *   GET    /api/files/:id                     public         the bytes (inline for images, else a download)
 *   DELETE /api/files/:id                     authenticated  204 (the uploading organisation)
 */
import { z } from 'zod';

export const ATTACHMENT_KINDS = ['achievement', 'demand', 'inquiry'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const FILE_TYPES = ['pdf', 'png', 'jpeg', 'docx', 'xlsx'] as const;
/** Content types an upload may be sent with; the server decides the type from the bytes. */
export const UPLOAD_CONTENT_TYPES = [
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

export const AttachmentParams = z.object({ kind: z.enum(ATTACHMENT_KINDS), id: z.uuid('must be an id') });
export const UploadQuery = z.object({ name: z.string().trim().min(1).max(200) });
export const FileParams = z.object({ id: z.uuid('must be a file id') });

export const AttachmentView = z.object({
  id: z.uuid(),
  targetKind: z.enum(ATTACHMENT_KINDS),
  targetId: z.uuid(),
  name: z.string(),
  fileType: z.enum(FILE_TYPES),
  contentType: z.string(),
  image: z.boolean(),
  sizeBytes: z.number().int(),
  url: z.string(),
  createdAt: z.iso.datetime(),
  mayRemove: z.boolean(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;
