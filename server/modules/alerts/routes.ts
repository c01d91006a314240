import { z } from 'zod';
import {
  NotificationPreferences,
  NotificationView,
  SavedSearchBody,
  SavedSearchView,
  type SavedSearchTarget,
} from '../../../common/api/search.js';
import { typed, type Routes } from '../../lib/http/context.js';
import * as alerts from './service.js';

const tags = ['notifications'];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const alertRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;
  const presentSaved = (s: {
    id: string;
    target: string;
    name: string;
    query: Record<string, unknown>;
    notify: string;
    createdAt?: Date;
  }) => ({
    id: s.id,
    target: s.target as SavedSearchTarget,
    name: s.name,
    query: s.query,
    notify: s.notify as 'none' | 'instant' | 'daily',
    createdAt: (s.createdAt ?? new Date()).toISOString(),
  });

  app.get('/api/me/saved-searches', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My saved searches', response: { 200: z.object({ items: z.array(SavedSearchView) }) } },
    handler: async (req) => ({ items: (await alerts.listSavedSearches({ db, actor: req.actor })).map(presentSaved) }),
  });

  app.post('/api/me/saved-searches', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Save a search; new results are notified (instant or daily digest)',
      body: SavedSearchBody,
      response: { 201: SavedSearchView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(presentSaved(await alerts.createSavedSearch({ db, actor: req.actor, input: req.body }))),
  });

  app.delete('/api/me/saved-searches/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Delete a saved search', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await alerts.deleteSavedSearch({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/me/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'My notifications, newest first, with the unread count',
      querystring: z.object({
        unread: z.enum(['true', 'false']).default('false'),
        /** Only unread items that need my action (the to-do list). */
        needsAction: z.enum(['true', 'false']).default('false'),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: { 200: z.object({ items: z.array(NotificationView), unread: z.number() }) },
    },
    handler: async (req) => {
      const r = await alerts.listNotifications({
        db,
        actor: req.actor,
        unreadOnly: req.query.unread === 'true',
        needsActionOnly: req.query.needsAction === 'true',
        limit: req.query.limit,
      });
      return {
        items: r.items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          needsAction: n.needsAction,
          readAt: iso(n.readAt),
          createdAt: n.createdAt.toISOString(),
        })),
        unread: r.unread,
      };
    },
  });

  app.get('/api/me/notification-preferences', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'How I want to be notified beyond the bell', response: { 200: NotificationPreferences } },
    handler: async (req) => alerts.getMyNotificationPreferences({ db, actor: req.actor }),
  });

  app.put('/api/me/notification-preferences', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Set how I want to be notified (e-mail instant, daily digest or off)',
      body: NotificationPreferences,
      response: { 200: NotificationPreferences },
    },
    handler: async (req) => alerts.setMyNotificationPreferences({ db, actor: req.actor, email: req.body.email }),
  });

  app.post('/api/me/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Mark a notification read', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await alerts.markNotificationsRead({ db, actor: req.actor, id: req.params.id });
      return reply.status(204).send(null);
    },
  });

  app.post('/api/me/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Mark every notification read', response: { 204: z.null() } },
    handler: async (req, reply) => {
      await alerts.markNotificationsRead({ db, actor: req.actor });
      return reply.status(204).send(null);
    },
  });
};
