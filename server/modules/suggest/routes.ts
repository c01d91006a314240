import { SuggestBody, SuggestResult } from '../../../common/api/search.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { suggestForText } from './service.js';

export const suggestRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.post('/api/suggest', {
    config: { access: 'catalog:file' },
    schema: {
      tags: ['achievements'],
      summary: 'Suggest the technical field (top 3 with confidence) and keywords from a title and summary',
      body: SuggestBody,
      response: { 200: SuggestResult },
    },
    handler: async (req) => suggestForText({ db, title: req.body.title, summary: req.body.summary }),
  });
};
