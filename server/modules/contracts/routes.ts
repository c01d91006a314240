import { z } from 'zod';
import {
  AmendmentBody,
  ATTACHMENT_TYPES,
  AttachmentQuery,
  AttachmentView,
  ContractInput,
  ContractPage,
  ContractPrefill,
  ContractVersionView,
  ContractView,
  ExpertPanelBody,
  ExpertPanelView,
  ExpertReviewBody,
  MAX_ATTACHMENT_BYTES,
  MyContractsQuery,
  ParametersBody,
  ParametersView,
  QueueQuery,
  RegistrationPointView,
  TransitionBody,
} from '../../../common/api/contracts.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { prefillFromDeal } from './prefill.js';
import { presentContent, presentContract, presentSummary } from './presenter.js';
import * as contracts from './service.js';
import { contractXlsxRoutes } from './xlsx-routes.js';

const IdParams = z.object({ id: z.uuid('must be a contract id') });
const AttachmentParams = IdParams.extend({ attachmentId: z.uuid('must be an attachment id') });
const tags = ['contracts'];

const contentDisposition = (file: string, ascii: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file)}`;

export const contractsRoutes: Routes = async (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  // Uploads are the raw body (no multipart); the parsers live in this plugin only.
  instance.addContentTypeParser([...ATTACHMENT_TYPES], { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get('/api/contracts/parameters', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Registration parameters (deadlines, expert-review threshold) with their source',
      response: { 200: ParametersView },
    },
    handler: async () => contracts.getParameters({ db }),
  });

  app.put('/api/contracts/parameters', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary: 'Change the registration parameters (platform admins)',
      body: ParametersBody,
      response: { 200: ParametersView },
    },
    handler: async (req) => contracts.updateParameters({ db, actor: req.actor, patch: req.body }),
  });

  app.get('/api/contracts/registration-points', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'Registration points (organisations with registrars); the one in the applicant’s district is the default',
      querystring: z.object({ organizationId: z.uuid().optional() }),
      response: { 200: z.object({ items: z.array(RegistrationPointView) }) },
    },
    handler: async (req) => ({
      items: await contracts.listRegistrationPoints({ db, actor: req.actor, organizationId: req.query.organizationId }),
    }),
  });

  app.get('/api/contracts/prefill', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'Pre-fill an application from a trading deal (the seller applies)',
      querystring: z.object({ dealId: z.uuid('must be a deal id') }),
      response: { 200: ContractPrefill },
    },
    handler: async (req) => prefillFromDeal({ db, actor: req.actor, dealId: req.query.dealId }),
  });

  app.post('/api/contracts', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'File a contract registration application (a draft of the caller’s organisation)',
      querystring: z.object({ organizationId: z.uuid().optional() }),
      body: ContractInput,
      response: { 201: ContractView },
    },
    handler: async (req, reply) => {
      const c = await contracts.createContract({ db, actor: req.actor, input: req.body, organizationId: req.query.organizationId });
      return reply.status(201).send(presentContract(c, req.actor));
    },
  });

  app.get('/api/me/contracts', {
    config: { access: 'contract:apply' },
    schema: { tags, summary: 'My organisations’ contracts, any status', querystring: MyContractsQuery, response: { 200: ContractPage } },
    handler: async (req) => {
      const r = await contracts.listOwnContracts({ db, actor: req.actor, query: req.query });
      return { items: r.rows.map((x) => presentSummary(x, req.actor)), total: r.total };
    },
  });

  app.get('/api/registration/contracts', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary: 'The registrar’s queue: contracts at the caller’s registration points, soonest deadline first',
      querystring: QueueQuery,
      response: { 200: ContractPage },
    },
    handler: async (req) => {
      const r = await contracts.listQueue({ db, actor: req.actor, query: req.query });
      return { items: r.rows.map((x) => presentSummary(x, req.actor)), total: r.total };
    },
  });

  app.get('/api/contracts/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One contract (404 outside the caller’s scope)', params: IdParams, response: { 200: ContractView } },
    handler: async (req) => {
      const c = await contracts.getContract({ db, actor: req.actor, id: req.params.id });
      return { ...presentContract(c, req.actor), reviewSteps: await contracts.reviewTrailOf({ db, contract: c }) };
    },
  });

  app.put('/api/contracts/:id', {
    config: { access: 'contract:apply' },
    schema: {
      tags,
      summary: 'Edit a draft or returned application',
      params: IdParams,
      body: ContractInput,
      response: { 200: ContractView },
    },
    handler: async (req) =>
      presentContract(await contracts.updateContract({ db, actor: req.actor, id: req.params.id, input: req.body }), req.actor),
  });

  app.post('/api/contracts/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Move an application through its lifecycle: submit, withdraw (applicant); return, refuse, certify, cancel (registrar)',
      params: IdParams,
      body: TransitionBody,
      response: { 200: ContractView },
    },
    handler: async (req) =>
      presentContract(await contracts.transitionContract({ db, actor: req.actor, id: req.params.id, body: req.body }), req.actor),
  });

  app.post('/api/contracts/:id/expert-panel', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary: 'Draw the expert review panel from the expert pool (conflicts with the parties excluded)',
      params: IdParams,
      body: ExpertPanelBody,
      response: { 201: ExpertPanelView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await contracts.openExpertPanel({ db, actor: req.actor, id: req.params.id, input: req.body })),
  });

  app.get('/api/contracts/:id/expert-panel', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary: 'The contract’s review panel: experts, their scores and the aggregate',
      params: IdParams,
      response: { 200: ExpertPanelView },
    },
    handler: async (req) => contracts.getExpertPanel({ db, actor: req.actor, id: req.params.id }),
  });

  app.put('/api/contracts/:id/expert-review', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary:
        'Close the expert review from the complete panel with the registrar’s opinion (required at or above the threshold before certifying)',
      params: IdParams,
      body: ExpertReviewBody,
      response: { 200: ContractView },
    },
    handler: async (req) =>
      presentContract(await contracts.recordExpertReview({ db, actor: req.actor, id: req.params.id, input: req.body }), req.actor),
  });

  app.post('/api/contracts/:id/amendments', {
    config: { access: 'contract:register' },
    schema: {
      tags,
      summary: 'Amend a certified contract: a new version, the old one kept',
      params: IdParams,
      body: AmendmentBody,
      response: { 200: ContractView },
    },
    handler: async (req) =>
      presentContract(await contracts.amendContract({ db, actor: req.actor, id: req.params.id, input: req.body }), req.actor),
  });

  app.get('/api/contracts/:id/versions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Versions of a registered contract (certification, amendments, cancellation)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(ContractVersionView) }) },
    },
    handler: async (req) => {
      const rows = await contracts.listVersions({ db, actor: req.actor, id: req.params.id });
      return {
        items: rows.map((v) => ({
          version: v.version,
          event: v.event as 'certified' | 'amended' | 'cancelled',
          reason: v.reason,
          registrationNumber: v.registrationNumber,
          contractAmountFen: v.contractAmountFen,
          technologyTransactionAmountFen: v.technologyTransactionAmountFen,
          snapshot: v.snapshot,
          createdAt: v.createdAt.toISOString(),
        })),
      };
    },
  });

  app.get('/api/contracts/:id/certificate.pdf', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Certificate PDF (技术合同认定登记证明); a marked preview for the registrar before certification',
      params: IdParams,
    },
    handler: async (req, reply) => {
      const { pdf, fileName, content } = await contracts.buildCertificate({
        db,
        actor: req.actor,
        id: req.params.id,
        publicUrl: app.ctx.config.publicUrl,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition(`${fileName}.pdf`, `${content.registrationNumber ?? 'preview'}.pdf`))
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  });

  app.post('/api/contracts/:id/attachments', {
    config: { access: 'contract:apply' },
    bodyLimit: MAX_ATTACHMENT_BYTES,
    schema: {
      tags,
      summary: 'Upload a document (the signed contract scan): the raw file as the body',
      description: `Content-type ${ATTACHMENT_TYPES.join(', ')}; at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`,
      consumes: [...ATTACHMENT_TYPES],
      params: IdParams,
      querystring: AttachmentQuery,
      response: { 201: AttachmentView },
    },
    handler: async (req, reply) => {
      const { contract, attachment } = await contracts.addAttachment({
        db,
        actor: req.actor,
        id: req.params.id,
        query: req.query,
        contentType: req.headers['content-type'],
        body: req.body,
      });
      return reply.status(201).send(presentContent(contract).attachments.find((a) => a.id === attachment.id)!);
    },
  });

  app.get('/api/contracts/:id/attachments/:attachmentId', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Download an uploaded document', params: AttachmentParams },
    handler: async (req, reply) => {
      const file = await contracts.getAttachmentFile({ db, actor: req.actor, id: req.params.id, attachmentId: req.params.attachmentId });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.name, 'attachment'))
        .header('cache-control', 'no-store')
        .send(file.content);
    },
  });

  app.delete('/api/contracts/:id/attachments/:attachmentId', {
    config: { access: 'contract:apply' },
    schema: { tags, summary: 'Remove a document (draft or returned application)', params: AttachmentParams },
    handler: async (req, reply) => {
      await contracts.removeAttachment({ db, actor: req.actor, id: req.params.id, attachmentId: req.params.attachmentId });
      return reply.status(204).send();
    },
  });

  await instance.register(contractXlsxRoutes);
};
