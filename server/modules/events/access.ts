import { isPlatformAdmin, organizationIdsOf, requirePermission, type Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';

/** Organisers: members of the organising organisation with event:manage, and platform admins everywhere. */
export function mayManage(actor: Actor, event: { organizerOrganizationId: string }): boolean {
  if (actor.kind === 'system') return true;
  if (!actor.permissions.has('event:manage')) return false;
  return isPlatformAdmin(actor) || organizationIdsOf(actor).includes(event.organizerOrganizationId);
}

export function requireManage(actor: Actor, event: { organizerOrganizationId: string }): void {
  requirePermission(actor, 'event:manage');
  if (!mayManage(actor, event)) throw AppError.forbidden('Only the organising organisation manages this event');
}

/** A judge named on the event, holding event:judge. */
export function isJudge(actor: Actor, event: { judgeUserIds: string[] }): boolean {
  return actor.kind === 'user' && actor.permissions.has('event:judge') && event.judgeUserIds.includes(actor.userId!);
}
