import { z } from 'zod';
import {
  IntegrityFlag,
  IntegrityListQuery,
  IntegrityRecordBody,
  IntegrityRecordView,
  IntegrityTransitionBody,
} from '../../../common/api/integrity.js';
import type { PenaltyKind } from '../../../common/integrity.js';
import { clock } from '../../lib/clock.js';
import { typed, type Routes } from '../../lib/http/context.js';
import type { Actor } from '../../lib/actor.js';
import { findRegion } from '../organizations/repository.js';
import { presentIntegrityRecords } from './presenter.js';
import * as integrity from './service.js';

const tags = ['integrity'];
const Id = z.object({ id: z.uuid() });

export const integrityRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const view = async (actor: Actor, id: string) =>
    (await presentIntegrityRecords(db, [await integrity.loadVisibleRecord(db, actor, id)]))[0]!;

  app.get('/api/integrity/records', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Integrity records the caller may see (officers their region, admins all, members their organisation’s)',
      querystring: IntegrityListQuery,
      response: { 200: z.object({ items: z.array(IntegrityRecordView) }) },
    },
    handler: async (req) => {
      const rows = await integrity.listIntegrityRecords({ db, actor: req.actor, query: req.query });
      const paths = new Map<string, string>();
      for (const r of rows) if (!paths.has(r.regionCode)) paths.set(r.regionCode, (await findRegion(db, r.regionCode))?.path ?? '');
      return {
        items: await presentIntegrityRecords(
          db,
          rows.map((row) => ({ row, parties: integrity.integrityPartiesFor(req.actor, row, paths.get(row.regionCode)!) })),
        ),
      };
    },
  });

  app.post('/api/integrity/records', {
    config: { access: 'integrity:record' },
    schema: {
      tags,
      summary: 'Enter an integrity record (officers over the party’s region)',
      body: IntegrityRecordBody,
      response: { 201: IntegrityRecordView },
    },
    handler: async (req, reply) => {
      const id = await integrity.createIntegrityRecord({ db, actor: req.actor, input: req.body });
      return reply.status(201).send(await view(req.actor, id));
    },
  });

  app.get('/api/integrity/records/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'One integrity record', params: Id, response: { 200: IntegrityRecordView } },
    handler: async (req) => view(req.actor, req.params.id),
  });

  app.post('/api/integrity/records/:id/transitions', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Appeal (the organisation’s admin) or decide the appeal (officer): appeal, dismiss_appeal, uphold_appeal',
      params: Id,
      body: IntegrityTransitionBody,
      response: { 200: IntegrityRecordView },
    },
    handler: async (req) => {
      await integrity.transitionIntegrityRecord({
        db,
        actor: req.actor,
        id: req.params.id,
        action: req.body.action,
        reason: req.body.reason,
      });
      return view(req.actor, req.params.id);
    },
  });

  app.get('/api/integrity/organizations/:id/flags', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Penalties in force against an organisation (shown on its public page)',
      params: Id,
      response: { 200: z.object({ items: z.array(IntegrityFlag) }) },
    },
    handler: async (req) => ({
      items: (await integrity.activePenaltiesOf(db, req.params.id, clock.now())).map((r) => ({
        id: r.id,
        penaltyKind: r.penaltyKind as PenaltyKind,
        decidingBody: r.decidingBody,
        effectiveOn: r.effectiveOn,
        endsOn: r.endsOn,
      })),
    }),
  });
};
