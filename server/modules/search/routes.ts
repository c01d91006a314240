import { z } from 'zod';
import {
  AchievementSearchResult,
  DemandSearchResult,
  SearchQuery,
  SearchSuggestQuery,
  SearchSuggestResult,
  SynonymGroupBody,
  SynonymGroupView,
} from '../../../common/api/search.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentAchievement, presentDemand } from '../catalog/presenter.js';
import { refreshDictionary } from './dictionary.js';
import { searchAchievements, searchDemands } from './service.js';
import { suggestTerms } from './suggestions.js';
import { createSynonymGroup, deleteSynonymGroup, listSynonymGroups } from './synonyms.js';

export const searchRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, search } = app.ctx;

  // Load the user dictionary in the background once the server listens (jieba's dictionary takes a
  // moment of CPU that start-up need not wait for); a search before then waits for it.
  app.addHook('onListen', async () => {
    if (db) refreshDictionary(db).catch((err: unknown) => app.log.warn({ err }, 'could not load the search dictionary'));
  });

  app.get('/api/achievements', {
    config: { access: 'public' },
    schema: {
      tags: ['achievements', 'search'],
      summary: 'Search achievements: Chinese full text (jieba), filters, facet counts, keyset pages',
      querystring: SearchQuery,
      response: { 200: AchievementSearchResult },
    },
    handler: async (req) => {
      const r = await searchAchievements({ db, search, actor: req.actor, query: req.query });
      return { ...r, items: r.items.map((h) => ({ ...h, record: presentAchievement(h.record, req.actor) })) };
    },
  });

  app.get('/api/demands', {
    config: { access: 'public' },
    schema: {
      tags: ['demands', 'search'],
      summary: 'Search demands: Chinese full text (jieba), filters, facet counts, keyset pages',
      querystring: SearchQuery,
      response: { 200: DemandSearchResult },
    },
    handler: async (req) => {
      const r = await searchDemands({ db, search, actor: req.actor, query: req.query });
      return { ...r, items: r.items.map((h) => ({ ...h, record: presentDemand(h.record, req.actor) })) };
    },
  });

  app.get('/api/search/suggest', {
    config: { access: 'public' },
    schema: {
      tags: ['search'],
      summary: 'Search-as-you-type: keywords and titles of public records that contain what was typed (or its characters in order)',
      querystring: SearchSuggestQuery,
      response: { 200: SearchSuggestResult },
    },
    handler: async (req) => ({ items: await suggestTerms(db, req.query.kind, req.query.q, req.query.limit) }),
  });

  app.get('/api/synonyms', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['search'],
      summary: 'Synonym groups used to expand search terms',
      response: { 200: z.object({ items: z.array(SynonymGroupView) }) },
    },
    handler: async (req) => ({ items: await listSynonymGroups({ db, actor: req.actor }) }),
  });

  app.post('/api/synonyms', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['search'],
      summary: 'Add a synonym group (a term belongs to one group at most)',
      body: SynonymGroupBody,
      response: { 201: SynonymGroupView },
    },
    handler: async (req, reply) => reply.status(201).send(await createSynonymGroup({ db, actor: req.actor, terms: req.body.terms })),
  });

  app.delete('/api/synonyms/:id', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['search'],
      summary: 'Delete a synonym group',
      params: z.object({ id: z.uuid('must be a synonym group id') }),
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await deleteSynonymGroup({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });
};
