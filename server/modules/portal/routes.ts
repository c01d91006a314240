import { PortalFiguresView, SiteInfoView } from '../../../common/api/portal.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { getPortalFigures } from './figures.js';

const tags = ['portal'];

/** The home page's figures and the footer (the route list is in common/api/portal.ts). */
export const portalRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db, config } = app.ctx;

  app.get('/api/portal/figures', {
    config: { access: 'public' },
    schema: { tags, summary: 'Live platform figures for the home page (cached a minute)', response: { 200: PortalFiguresView } },
    handler: async () => getPortalFigures({ db }),
  });

  app.get('/api/portal/site', {
    config: { access: 'public' },
    schema: { tags, summary: 'The footer: operator, contact and ICP record number (configuration)', response: { 200: SiteInfoView } },
    handler: async () => config.site,
  });
};
