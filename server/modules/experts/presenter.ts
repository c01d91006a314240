import type { z } from 'zod';
import type { AssignmentView, ExpertView, PanelResultView } from '../../../common/api/experts.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { technicalFieldNames } from '../catalog/repository.js';
import type { assignmentsOf, PanelResult, PanelView } from './panels.js';
import { isSelf, isStaff, type LoadedExpert } from './service.js';

type Assignment = Awaited<ReturnType<typeof assignmentsOf>>[number];

export async function presentExperts(db: DbOrTx, actor: Actor, items: LoadedExpert[]): Promise<ExpertView[]> {
  const names = await technicalFieldNames(db, [...new Set(items.flatMap((i) => i.row.fieldCodes))]);
  return items.map(({ row, relations, openAssignments }) => {
    const staff = isStaff(actor);
    const self = isSelf(actor, row);
    const actions: ExpertView['actions'] = [];
    if (staff) actions.push('edit');
    else if (self) actions.push('edit_own');
    if (staff || self) actions.push('declare_relation');
    return {
      id: row.id,
      name: row.name,
      title: row.title,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      fields: row.fieldCodes.map((code) => ({ code, name: names.get(code) ?? code })),
      keywords: row.keywords,
      bio: row.bio,
      available: row.available,
      availabilityNote: row.availabilityNote,
      active: row.active,
      hasAccount: row.userId !== null,
      contact: relations ? { email: row.email, phone: row.phone } : null,
      relations: relations
        ? relations.map((r) => ({
            id: r.id,
            kind: r.kind as 'relation' | 'coauthorship',
            organizationId: r.organizationId,
            userId: r.userId,
            partyName: r.partyName,
            year: r.year,
            note: r.note,
          }))
        : null,
      openAssignments,
      actions,
    };
  });
}

export const presentExpert = async (db: DbOrTx, actor: Actor, item: LoadedExpert) => (await presentExperts(db, actor, [item]))[0]!;

export function presentAssignment(a: Assignment): AssignmentView {
  const open = a.status === 'assigned' && a.panelStatus === 'scoring';
  return {
    panelId: a.panelId,
    subjectType: a.subjectType,
    subjectId: a.subjectId,
    subjectTitle: a.subjectTitle,
    sheet: a.sheet,
    dueAt: a.dueAt?.toISOString() ?? null,
    panelStatus: a.panelStatus,
    status: a.status,
    reason: a.reason,
    drawnAt: a.drawnAt.toISOString(),
    myScores: a.myScores ? { ...a.myScores, submittedAt: a.myScores.submittedAt.toISOString() } : null,
    actions: open ? ['score', 'declare_conflict', 'decline'] : [],
  };
}

export function presentPanelResult(panel: PanelView, result: PanelResult): z.infer<typeof PanelResultView> {
  const scored = new Map(result.perExpert.map((p) => [p.memberId, p]));
  return {
    panelId: panel.id,
    subjectType: panel.subjectType,
    subjectId: panel.subjectId,
    subjectTitle: panel.subjectTitle,
    sheet: panel.sheet,
    status: panel.status,
    complete: result.complete,
    mean: result.mean,
    members: panel.members.map((m) => {
      const p = scored.get(m.memberId);
      return {
        memberId: m.memberId,
        expertId: m.expertId,
        name: m.name,
        status: m.status,
        reason: m.reason,
        total: p?.total ?? null,
        scores: p?.scores ?? null,
        comment: p?.comment ?? null,
        dropped: p?.dropped ?? false,
      };
    }),
  };
}
