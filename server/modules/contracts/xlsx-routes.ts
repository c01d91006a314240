import type { Routes } from '../../lib/http/context.js';

export const contractXlsxRoutes: Routes = () => {};
