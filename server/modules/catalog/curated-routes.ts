import { z } from 'zod';
import { CuratedItemsBody, CuratedListBody, CuratedListView } from '../../../common/api/catalog.js';
import type { Actor } from '../../lib/actor.js';
import { typed, type Routes } from '../../lib/http/context.js';
import * as curated from './curated.js';
import { presentAchievement } from './presenter.js';

const tags = ['curated lists'];
const IdParams = z.object({ id: z.uuid('must be a list id') });

type Composed = Awaited<ReturnType<typeof curated.getCuratedList>>;
function present(c: Composed, actor: Actor): z.infer<typeof CuratedListView> {
  return {
    id: c.list.id,
    kind: c.list.kind as z.infer<typeof CuratedListView>['kind'],
    title: c.list.title,
    keyArea: c.list.keyArea,
    description: c.list.description,
    published: c.list.published,
    achievements: c.achievements.map((a) => presentAchievement(a, actor)),
    updatedAt: c.list.updatedAt.toISOString(),
  };
}

export const curatedRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/curated-lists', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Published curated lists (curators may ask for drafts too with all=true)',
      querystring: z.object({ all: z.enum(['true', 'false']).default('false') }),
      response: { 200: z.object({ items: z.array(CuratedListView) }) },
    },
    handler: async (req) => ({
      items: (await curated.listCuratedLists({ db, actor: req.actor, includeUnpublished: req.query.all === 'true' })).map((c) =>
        present(c, req.actor),
      ),
    }),
  });

  app.get('/api/curated-lists/:id', {
    config: { access: 'public' },
    schema: { tags, summary: 'One curated list', params: IdParams, response: { 200: CuratedListView } },
    handler: async (req) => present(await curated.getCuratedList({ db, actor: req.actor, id: req.params.id }), req.actor),
  });

  app.post('/api/curated-lists', {
    config: { access: 'catalog:curate' },
    schema: { tags, summary: 'Create a curated list', body: CuratedListBody, response: { 201: CuratedListView } },
    handler: async (req, reply) =>
      reply.status(201).send(present(await curated.saveCuratedList({ db, actor: req.actor, input: req.body }), req.actor)),
  });

  app.put('/api/curated-lists/:id', {
    config: { access: 'catalog:curate' },
    schema: {
      tags,
      summary: 'Edit or publish a curated list',
      params: IdParams,
      body: CuratedListBody,
      response: { 200: CuratedListView },
    },
    handler: async (req) => present(await curated.saveCuratedList({ db, actor: req.actor, id: req.params.id, input: req.body }), req.actor),
  });

  app.put('/api/curated-lists/:id/items', {
    config: { access: 'catalog:curate' },
    schema: {
      tags,
      summary: 'Set the achievements of a curated list, in order',
      params: IdParams,
      body: CuratedItemsBody,
      response: { 200: CuratedListView },
    },
    handler: async (req) =>
      present(
        await curated.setCuratedItems({ db, actor: req.actor, id: req.params.id, achievementIds: req.body.achievementIds }),
        req.actor,
      ),
  });
};
