import { z } from 'zod';
import {
  AchievementInput,
  AchievementView,
  DemandInput,
  DemandView,
  ListMineQuery,
  ReviewQueueQuery,
  TechnicalFieldView,
  TransitionBody,
} from '../../../common/api/catalog.js';
import { typed, type Routes } from '../../lib/http/context.js';
import type { RecordKind } from './lifecycle.js';
import { presentRecord } from './presenter.js';
import * as catalog from './service.js';

const IdParams = z.object({ id: z.uuid('must be a record id') });
const KINDS = [
  { kind: 'achievement', path: 'achievements', input: AchievementInput, view: AchievementView, tags: ['achievements'] },
  { kind: 'demand', path: 'demands', input: DemandInput, view: DemandView, tags: ['demands'] },
] as const;

export const catalogRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/fields', {
    config: { access: 'public' },
    schema: {
      tags: ['achievements'],
      summary: 'Technical-field taxonomy (disciplines and strategic emerging industries)',
      response: { 200: z.object({ items: z.array(TechnicalFieldView) }) },
    },
    handler: async () => ({ items: await catalog.listTechnicalFields({ db }) }),
  });

  for (const k of KINDS) {
    const kind = k.kind as RecordKind;
    const present = (rec: Parameters<typeof presentRecord>[0], actor: Parameters<typeof presentRecord>[1]) =>
      presentRecord(rec, actor) as z.infer<typeof k.view>;
    const Page = z.object({ items: z.array(k.view), total: z.number() });

    app.post(`/api/${k.path}`, {
      config: { access: 'catalog:file' },
      schema: {
        tags: [...k.tags],
        summary: `File a ${kind} (a draft of the caller's organisation)`,
        // Members of several organisations name the one they file for.
        querystring: z.object({ organizationId: z.uuid().optional() }),
        body: k.input as z.ZodType,
        response: { 201: k.view },
      },
      handler: async (req, reply) => {
        const rec = await catalog.createRecord({
          db,
          actor: req.actor,
          kind,
          input: req.body as never,
          organizationId: req.query.organizationId,
        });
        return reply.status(201).send(present(rec, req.actor));
      },
    });

    app.get(`/api/${k.path}/:id`, {
      config: { access: 'public' },
      schema: {
        tags: [...k.tags],
        summary: `One ${kind} (404 when the caller may not see it)`,
        params: IdParams,
        response: { 200: k.view },
      },
      handler: async (req) => {
        const rec = await catalog.getRecord({ db, actor: req.actor, kind, id: req.params.id });
        return {
          ...presentRecord(rec, req.actor, { confidential: await catalog.showsConfidentialPart({ db, actor: req.actor, rec }) }),
          reviewSteps: await catalog.reviewTrailOf({ db, actor: req.actor, rec }),
        } as z.infer<typeof k.view>;
      },
    });

    app.put(`/api/${k.path}/:id`, {
      config: { access: 'catalog:file' },
      schema: {
        tags: [...k.tags],
        summary: `Edit a ${kind} (draft, returned or withdrawn)`,
        params: IdParams,
        body: k.input as z.ZodType,
        response: { 200: k.view },
      },
      handler: async (req) =>
        present(await catalog.updateRecord({ db, actor: req.actor, kind, id: req.params.id, input: req.body as never }), req.actor),
    });

    app.post(`/api/${k.path}/:id/transitions`, {
      config: { access: 'authenticated' },
      schema: {
        tags: [...k.tags],
        summary: `Move a ${kind} through its lifecycle (submit, approve, return, publish, withdraw, close)`,
        params: IdParams,
        body: TransitionBody,
        response: { 200: k.view },
      },
      handler: async (req) =>
        present(
          await catalog.transitionRecord({
            db,
            actor: req.actor,
            kind,
            id: req.params.id,
            transition: req.body.action,
            reason: req.body.reason,
          }),
          req.actor,
        ),
    });

    app.get(`/api/me/${k.path}`, {
      config: { access: 'catalog:file' },
      schema: {
        tags: [...k.tags],
        summary: `My organisations' ${k.path}, any status`,
        querystring: ListMineQuery,
        response: { 200: Page },
      },
      handler: async (req) => {
        const r = await catalog.listOwnRecords({ db, actor: req.actor, kind, ...req.query });
        return { items: r.items.map((x) => present(x, req.actor)), total: r.total };
      },
    });

    app.get(`/api/review/${k.path}`, {
      config: { access: 'catalog:review' },
      schema: {
        tags: [...k.tags],
        summary: `Submitted ${k.path} waiting for the caller's review`,
        querystring: ReviewQueueQuery,
        response: { 200: Page },
      },
      handler: async (req) => {
        const r = await catalog.listReviewQueue({ db, actor: req.actor, kind, ...req.query });
        return { items: r.items.map((x) => present(x, req.actor)), total: r.total };
      },
    });
  }
};
