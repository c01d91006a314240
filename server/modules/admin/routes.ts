import { z } from 'zod';
import { AssignRoleBody, ListUsersQuery, UpdateUserBody, UserAdminView } from '../../../common/api/admin.js';
import { typed, type Routes } from '../../lib/http/context.js';
import { presentUserForAdmin } from './presenter.js';
import * as admin from './service.js';

const tags = ['admin'];
const UserParams = z.object({ id: z.uuid('must be a user id') });

export const adminRoutes: Routes = (instance) => {
  const app = typed(instance);
  const { db } = app.ctx;

  app.get('/api/admin/users', {
    config: { access: 'user:read_all' },
    schema: {
      tags,
      summary: 'Users with their roles',
      querystring: ListUsersQuery,
      response: { 200: z.object({ items: z.array(UserAdminView), total: z.number() }) },
    },
    handler: async (req) => {
      const r = await admin.listUsers({ db, actor: req.actor, query: req.query });
      return { items: r.items.map((i) => presentUserForAdmin(i.user, i.grants)), total: r.total };
    },
  });

  app.post('/api/admin/users/:id/roles', {
    config: { access: 'user:manage' },
    schema: {
      tags,
      summary: 'Assign a role (with its organisation or region)',
      params: UserParams,
      body: AssignRoleBody,
      response: { 200: UserAdminView },
    },
    handler: async (req) => {
      const r = await admin.assignUserRole({ db, actor: req.actor, userId: req.params.id, input: req.body });
      return presentUserForAdmin(r.user, r.grants);
    },
  });

  app.delete('/api/admin/users/:id/roles/:grantId', {
    config: { access: 'user:manage' },
    schema: {
      tags,
      summary: 'Remove a role assignment',
      params: UserParams.extend({ grantId: z.uuid() }),
      response: { 200: UserAdminView },
    },
    handler: async (req) => {
      const r = await admin.removeUserRole({ db, actor: req.actor, userId: req.params.id, grantId: req.params.grantId });
      return presentUserForAdmin(r.user, r.grants);
    },
  });

  app.patch('/api/admin/users/:id', {
    config: { access: 'user:manage' },
    schema: {
      tags,
      summary: 'Disable, enable or unlock a user',
      params: UserParams,
      body: UpdateUserBody,
      response: { 200: UserAdminView },
    },
    handler: async (req) => {
      const r = await admin.updateUser({ db, actor: req.actor, userId: req.params.id, input: req.body });
      return presentUserForAdmin(r.user, r.grants);
    },
  });
};
