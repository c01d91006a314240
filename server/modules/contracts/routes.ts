import { typed, type Routes } from '../../lib/http/context.js';

export const contractsRoutes: Routes = (instance) => {
  typed(instance);
};
