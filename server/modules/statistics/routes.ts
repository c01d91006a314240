import { typed, type Routes } from '../../lib/http/context.js';

export const statisticsRoutes: Routes = (instance) => {
  typed(instance);
};
