import { z } from 'zod';
import { Engagement, FavouriteItem, FavouriteParams, FavouriteState, MyFavouritesQuery } from '../../../common/api/favourites.js';
import { typed, type Routes } from '../../lib/http/context.js';
import * as service from './service.js';

const tags = ['favourites'];

export const favouriteRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.put('/api/me/favourites/:kind/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Favourite a published achievement or demand (收藏), or follow an organisation (关注)',
      params: FavouriteParams,
      response: { 200: FavouriteState },
    },
    handler: async (req) => service.addFavourite({ db, actor: req.actor, ...req.params }),
  });

  app.delete('/api/me/favourites/:kind/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Remove a favourite or stop following', params: FavouriteParams, response: { 200: FavouriteState } },
    handler: async (req) => service.removeFavourite({ db, actor: req.actor, ...req.params }),
  });

  app.get('/api/me/favourites', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'My favourites and follows (我的收藏), newest first',
      querystring: MyFavouritesQuery,
      response: { 200: z.object({ items: z.array(FavouriteItem) }) },
    },
    handler: async (req) => ({ items: await service.listMyFavourites({ db, actor: req.actor, query: req.query }) }),
  });

  app.post('/api/engagement/:kind/:id/views', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Count a view of a record or organisation page (once per viewer and UTC day)',
      params: FavouriteParams,
      response: { 204: z.null() },
    },
    handler: async (req, reply) => {
      await service.recordView({ db, actor: req.actor, ...req.params, ip: req.ip });
      return reply.status(204).send(null);
    },
  });

  app.get('/api/engagement/:kind/:id', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Whether I favourited it; for the owning organisation, how many viewed and favourited it (never who)',
      params: FavouriteParams,
      response: { 200: Engagement },
    },
    handler: async (req) => service.getEngagement({ db, actor: req.actor, ...req.params }),
  });
};
