import { describe, expect, it } from 'vitest';
import {
  ASSIGNABLE_ROLES,
  ORG_SCOPED_ROLES,
  PERMISSIONS,
  REGION_SCOPED_ROLES,
  ROLE_PERMISSIONS,
  ROLES,
  permissionsOf,
  roleMayAccess,
  type Permission,
  type Role,
} from './roles.js';

const has = (role: Role, p: Permission) => ROLE_PERMISSIONS[role].includes(p);

describe('the permission table', () => {
  it('gives the anonymous public nothing', () => {
    expect(ROLE_PERMISSIONS.public).toEqual([]);
  });

  it('names only known permissions, each once per role', () => {
    for (const role of ROLES) {
      const list = ROLE_PERMISSIONS[role];
      expect(new Set(list).size, role).toBe(list.length);
      for (const p of list) expect(PERMISSIONS, `${role}: ${p}`).toContain(p);
    }
  });

  it('gives a platform admin everything a government officer has', () => {
    for (const p of ROLE_PERMISSIONS.gov_officer) expect(has('platform_admin', p), p).toBe(true);
  });

  it('lets a platform admin edit and staff any organisation, as its own admin can', () => {
    for (const p of ['org:update_own', 'org:manage_members'] as Permission[]) expect(has('platform_admin', p), p).toBe(true);
  });

  it('lets every logged-in role manage its own API tokens and read its own organisation', () => {
    for (const role of ASSIGNABLE_ROLES) {
      expect(has(role, 'token:own'), role).toBe(true);
      expect(has(role, 'org:read_own'), role).toBe(true);
    }
  });

  // role, permission, expected
  it.each<[Role, Permission, boolean]>([
    ['org_member', 'org:review', false],
    ['org_member', 'org:update_own', false],
    ['org_member', 'org:manage_members', false],
    ['org_member', 'org:read_region', false],
    ['org_admin', 'org:update_own', true],
    ['org_admin', 'org:manage_members', true],
    ['org_admin', 'org:review', false],
    ['org_admin', 'org:read_all', false],
    ['broker', 'org:update_own', false],
    ['expert', 'org:manage_members', false],
    ['registrar', 'audit:read', false],
    ['gov_officer', 'org:read_region', true],
    ['gov_officer', 'org:read_all', false],
    ['gov_officer', 'org:review', false],
    ['gov_officer', 'user:manage', false],
    ['gov_officer', 'audit:read', false],
    ['platform_admin', 'org:review', true],
    ['platform_admin', 'user:manage', true],
    ['platform_admin', 'audit:read', true],
    ['platform_admin', 'org:read_all', true],
  ])('%s holds %s: %s', (role, permission, expected) => {
    expect(has(role, permission)).toBe(expected);
  });

  it('reserves user management, review and the audit log to platform admins', () => {
    for (const p of ['user:manage', 'user:read_all', 'org:review', 'audit:read', 'org:read_all'] as Permission[]) {
      const holders = ROLES.filter((r) => has(r, p));
      expect(holders, p).toEqual(['platform_admin']);
    }
  });

  it('scopes each assignable role to an organisation, a region or neither, never both', () => {
    for (const role of ASSIGNABLE_ROLES) {
      expect(ORG_SCOPED_ROLES.includes(role) && REGION_SCOPED_ROLES.includes(role), role).toBe(false);
    }
    expect(ASSIGNABLE_ROLES).not.toContain('public');
  });
});

describe('permissionsOf', () => {
  it('unions the permissions of several roles', () => {
    const p = permissionsOf(['org_member', 'gov_officer']);
    expect(p).toContain('org:read_own');
    expect(p).toContain('org:read_region');
    expect(p).not.toContain('org:review');
    expect([...p].sort()).toEqual([...new Set([...ROLE_PERMISSIONS.org_member, ...ROLE_PERMISSIONS.gov_officer])].sort());
  });
  it('is empty for no roles and for public', () => {
    expect(permissionsOf([]).size).toBe(0);
    expect(permissionsOf(['public']).size).toBe(0);
  });
});

describe('roleMayAccess', () => {
  it.each<[Role, Parameters<typeof roleMayAccess>[1], boolean]>([
    ['public', 'public', true],
    ['public', 'authenticated', false],
    ['public', 'token:own', false],
    ['org_member', 'public', true],
    ['org_member', 'authenticated', true],
    ['org_member', 'org:read_own', true],
    ['org_member', 'org:review', false],
    ['org_admin', 'org:update_own', true],
    ['gov_officer', 'org:read_region', true],
    ['gov_officer', 'user:read_all', false],
    ['platform_admin', 'audit:read', true],
  ])('%s → %s: %s', (role, access, expected) => {
    expect(roleMayAccess(role, access)).toBe(expected);
  });

  it('agrees with the table for every role and permission', () => {
    for (const role of ROLES) for (const p of PERMISSIONS) expect(roleMayAccess(role, p), `${role} ${p}`).toBe(has(role, p));
  });
});
