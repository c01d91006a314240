import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AchievementSearchResult,
  ClearRecentQuery,
  DemandSearchResult,
  HotSearchesResult,
  RecentSearchesResult,
  SearchHistoryQuery,
  SynonymCandidateDecisionBody,
  SynonymCandidatesQuery,
  SynonymCandidateView,
  SearchQuery,
  SearchSuggestQuery,
  SearchSuggestResult,
  SynonymGroupBody,
  SynonymGroupView,
} from '../../../common/api/search.js';
import { typed, type Routes } from '../../lib/http/context.js';
import type { RecordKind } from '../catalog/lifecycle.js';
import { presentAchievement, presentDemand } from '../catalog/presenter.js';
import { refreshDictionary } from './dictionary.js';
import { clearRecentSearches, HISTORY_SETTINGS, listHotSearches, listRecentSearches, rememberSearch } from './history.js';
import { searchAchievements, searchDemands } from './service.js';
import { decideCandidate, learnCandidates, listCandidates } from './synonym-candidates.js';
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

  // A first page of a text search is remembered (recent for the user, hot when it found something);
  // remembering never fails the search.
  const remember = async (req: FastifyRequest & { query: { q?: string; cursor?: string } }, kind: RecordKind, found: number) => {
    if (req.query.cursor || !req.query.q) return;
    await rememberSearch({ db, actor: req.actor, kind, q: req.query.q, found, address: req.ip }).catch((err: unknown) =>
      req.log.warn({ err }, 'could not remember a search'),
    );
  };

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
      await remember(req, 'achievement', r.total);
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
      await remember(req, 'demand', r.total);
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
  app.get('/api/search/recent', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['search'],
      summary: 'My recent searches (newest first), offered by the search box',
      querystring: SearchHistoryQuery,
      response: { 200: RecentSearchesResult },
    },
    handler: async (req) => ({ items: await listRecentSearches({ db, actor: req.actor, kind: req.query.kind }) }),
  });

  app.delete('/api/search/recent', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['search'],
      summary: 'Clear my recent searches (of one kind, or all)',
      querystring: ClearRecentQuery,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await clearRecentSearches({ db, actor: req.actor, kind: req.query.kind });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/search/hot', {
    config: { access: 'public' },
    schema: {
      tags: ['search'],
      summary: 'Hot searches: queries that found records, by distinct searchers per day over the last days, above a minimum',
      querystring: SearchHistoryQuery,
      response: { 200: HotSearchesResult },
    },
    handler: async (req) => ({
      items: await listHotSearches({ db, kind: req.query.kind }),
      days: HISTORY_SETTINGS.hotDays,
      minSearchers: HISTORY_SETTINGS.hotMinSearchers,
    }),
  });

  app.get('/api/synonyms/candidates', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['search'],
      summary: 'Synonym and abbreviation candidates learned from the catalogue, best first',
      querystring: SynonymCandidatesQuery,
      response: { 200: z.object({ items: z.array(SynonymCandidateView) }) },
    },
    handler: async (req) => ({ items: await listCandidates({ db, actor: req.actor, status: req.query.status, limit: req.query.limit }) }),
  });

  app.post('/api/synonyms/candidates/learn', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['search'],
      summary: 'Learn synonym candidates from the keywords of public records (new pairs only)',
      response: { 200: z.object({ proposed: z.number(), added: z.number() }) },
    },
    handler: async (req) => learnCandidates({ db, actor: req.actor }),
  });

  app.post('/api/synonyms/candidates/:id/decision', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['search'],
      summary: 'Accept (joins a synonym group, used by search) or reject a pending candidate',
      params: z.object({ id: z.uuid('must be a synonym candidate id') }),
      body: SynonymCandidateDecisionBody,
      response: { 200: SynonymCandidateView },
    },
    handler: async (req) => decideCandidate({ db, actor: req.actor, id: req.params.id, decision: req.body.decision }),
  });
};
