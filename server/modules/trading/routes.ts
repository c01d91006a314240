import { typed, type Routes } from '../../lib/http/context.js';

export const tradingRoutes: Routes = (instance) => {
  typed(instance);
};
