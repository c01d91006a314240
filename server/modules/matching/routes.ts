import { z } from 'zod';
import { AchievementView } from '../../../common/api/catalog.js';
import { AchievementMatch, DemandMatch } from '../../../common/api/search.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentAchievement, presentDemand } from '../catalog/presenter.js';
import * as matching from './service.js';

const IdParams = z.object({ id: z.uuid('must be a record id') });

export const matchingRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/demands/:id/matches', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['matching'],
      summary: 'Achievements matching a demand, each score explained by its components',
      params: IdParams,
      response: { 200: z.object({ items: z.array(AchievementMatch) }) },
    },
    handler: async (req) => ({
      items: (await matching.matchAchievementsForDemand({ db, actor: req.actor, demandId: req.params.id })).map((m) => ({
        record: presentAchievement(m.record, req.actor),
        explanation: m.explanation,
      })),
    }),
  });

  app.get('/api/achievements/:id/matches', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['matching'],
      summary: 'Demands matching an achievement, each score explained by its components',
      params: IdParams,
      response: { 200: z.object({ items: z.array(DemandMatch) }) },
    },
    handler: async (req) => ({
      items: (await matching.matchDemandsForAchievement({ db, actor: req.actor, achievementId: req.params.id })).map((m) => ({
        record: presentDemand(m.record, req.actor),
        explanation: m.explanation,
      })),
    }),
  });

  app.get('/api/achievements/:id/similar', {
    config: { access: 'public' },
    schema: {
      tags: ['matching'],
      summary: 'Similar published achievements',
      params: IdParams,
      response: { 200: z.object({ items: z.array(AchievementView) }) },
    },
    handler: async (req) => ({
      items: (await matching.similarAchievements({ db, actor: req.actor, achievementId: req.params.id })).map((r) =>
        presentAchievement(r, req.actor),
      ),
    }),
  });
};
