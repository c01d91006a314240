import { FieldCorrectionBody, FieldCorrectionView, FieldModelReport, SuggestBody, SuggestResult } from '../../../common/api/search.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { correctSuggestedField, fieldModelReport, suggestForText } from './service.js';

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

  app.post('/api/suggest/corrections', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['achievements'],
      summary:
        'Correct the suggested field of a record (its owner or a reviewer): used at once for near-identical texts, and at the next retrain',
      body: FieldCorrectionBody,
      response: { 201: FieldCorrectionView },
    },
    handler: async (req, reply) =>
      reply.status(201).send(
        await correctSuggestedField({
          db,
          actor: req.actor,
          kind: req.body.kind,
          recordId: req.body.recordId,
          suggestedField: req.body.suggestedField ?? null,
          fieldCode: req.body.fieldCode,
        }),
      ),
  });

  app.get('/api/suggest/field-model', {
    config: { access: 'catalog:curate' },
    schema: {
      tags: ['achievements'],
      summary: 'The field model in use: accuracy on achievements published since it was trained, corrections waiting',
      response: { 200: FieldModelReport },
    },
    handler: async (req) => fieldModelReport({ db, actor: req.actor }),
  });
};
