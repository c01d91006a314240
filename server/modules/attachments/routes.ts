import { z } from 'zod';
import { AttachmentParams, AttachmentView, FileParams, UPLOAD_CONTENT_TYPES, UploadQuery } from '../../../common/api/attachments.js';
import { typed, type Routes } from '../../lib/http/context.js';
import * as service from './service.js';
import { MAX_DOCUMENT_BYTES } from './sniff.js';

const tags = ['attachments'];
// A little over the largest file, so an oversize file is answered as a named field error, not a bare 413.
const BODY_LIMIT = MAX_DOCUMENT_BYTES + 1024 * 1024;
const contentDisposition = (inline: boolean, name: string) =>
  `${inline ? 'inline' : 'attachment'}; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const attachmentRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  // Uploads are the raw body (no multipart); the parsers live in this plugin only.
  instance.addContentTypeParser([...UPLOAD_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) =>
    done(null, body),
  );

  app.post('/api/attachments/:kind/:id', {
    config: { access: 'authenticated' },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags,
      summary: 'Upload an image or document to an achievement or demand (its owner) or a negotiation (either party)',
      description:
        'The raw file is the body. Its type is read from its bytes: PDF, PNG, JPEG, .docx, .xlsx; images ≤ 5 MB, documents ≤ 10 MB.',
      consumes: [...UPLOAD_CONTENT_TYPES],
      params: AttachmentParams,
      querystring: UploadQuery,
      response: { 201: AttachmentView },
    },
    handler: async (req, reply) => {
      const view = await service.addAttachment({ db, actor: req.actor, ...req.params, name: req.query.name, body: req.body });
      return reply.status(201).send(view);
    },
  });

  app.get('/api/attachments/:kind/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Files of a record or negotiation (for whoever may see it)',
      params: AttachmentParams,
      response: { 200: z.object({ items: z.array(AttachmentView) }) },
    },
    handler: async (req) => ({ items: await service.listAttachments({ db, actor: req.actor, ...req.params }) }),
  });

  app.get('/api/files/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'A file’s bytes: images inline, documents as a download', params: FileParams },
    handler: async (req, reply) => {
      const file = await service.getFile({ db, actor: req.actor, id: req.params.id });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.inline, file.name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.content);
    },
  });

  app.delete('/api/files/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Remove a file (the organisation that uploaded it)', params: FileParams, response: { 204: z.null() } },
    handler: async (req, reply) => {
      await service.removeAttachment({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
};
